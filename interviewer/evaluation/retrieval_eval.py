"""`interviewer eval retrieval`: recall@k and MRR for dense, BM25 and hybrid search, per split."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict

from ..retrieval import KnowledgeIndex, Mode
from ..schemas import Passage
from .jsonl import read_rows

MODES: tuple[Mode, ...] = ("dense", "bm25", "hybrid")
DEPTH = 10


class Query(BaseModel):
    """One retrieval eval row."""

    model_config = ConfigDict(extra="allow")

    id: str
    query: str
    evidence: str
    headings: list[str] = []
    split: str | None = None


def load_queries(path: Path, split: str | None = None) -> list[Query]:
    """Read the JSONL query set."""
    return read_rows(path, Query, split)


def relevant(q: Query, p: Passage) -> bool:
    """The passage holds the evidence phrase (and sits under a named heading, when headings are given)."""
    if q.evidence.lower() not in p.text.lower():
        return False
    return not q.headings or any(h.lower() in p.heading.lower() for h in q.headings)


def _rank(q: Query, passages: list[Passage]) -> int | None:
    return next((i + 1 for i, p in enumerate(passages) if relevant(q, p)), None)


def evaluate(index: KnowledgeIndex, queries: list[Query]) -> dict[str, Any]:
    """Per split and mode: recall@1/3/5 and MRR@10, plus each query's rank."""
    splits: dict[str, list[Query]] = {}
    for q in queries:
        splits.setdefault(q.split or "all", []).append(q)
    out: dict[str, Any] = {"splits": {}, "items": {}}
    for name, qs in sorted(splits.items()):
        out["splits"][name] = {}
        for mode in MODES:
            ranks = [_rank(q, index.search(q.query, DEPTH, mode)) for q in qs]
            for q, r in zip(qs, ranks, strict=True):
                out["items"].setdefault(q.id, {"split": name})[mode] = r
            out["splits"][name][mode] = {
                "n": len(qs),
                **{f"recall@{k}": round(sum(r is not None and r <= k for r in ranks) / len(qs), 4) for k in (1, 3, 5)},
                "mrr": round(sum(1 / r for r in ranks if r) / len(qs), 4),
            }
    return out


def measurements(result: dict[str, Any]) -> dict[str, float]:
    """Flat names for thresholds, e.g. `test.hybrid.recall@3`."""
    return {
        f"{split}.{mode}.{metric}": float(v)
        for split, modes in result["splits"].items()
        for mode, stats in modes.items()
        for metric, v in stats.items()
        if metric != "n"
    }
