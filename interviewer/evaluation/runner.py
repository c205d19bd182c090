"""Runs a grader over a dataset and its robustness suites, and computes every measurement."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from statistics import mean
from typing import Any

from ..grading import Grader, grade_guarded
from ..input_guard import guard_answer
from ..schemas import Grade, Question
from . import metrics
from .dataset import Row, resolve_question
from .memo import RowMemo
from .suites import Suite

Tick = Callable[[], None]


@dataclass(frozen=True)
class Prediction:
    """A grader's grade for one dataset row."""

    row: Row
    grade: Grade


def grade_one(
    grader: Grader, question: Question, answer: str, max_chars: int = 12_000, memo: RowMemo | None = None
) -> Grade:
    """Grade exactly as the interview does: input guard first, then the grader (or the kept result)."""
    if memo is None:
        return grade_guarded(grader, question, guard_answer(answer, max_chars))
    key = memo.key(question, answer, max_chars)
    if (kept := memo.get(key)) is not None:
        return kept
    grade = grade_guarded(grader, question, guard_answer(answer, max_chars))
    memo.put(key, grade)
    return grade


def grade_rows(
    grader: Grader, rows: Iterable[Row], tick: Tick = lambda: None, workers: int = 1, memo: RowMemo | None = None
) -> list[Prediction]:
    """Grade every row, `workers` at a time (model graders wait on the network), keeping row order."""
    from concurrent.futures import ThreadPoolExecutor

    def one(r: Row) -> Prediction:
        p = Prediction(r, grade_one(grader, resolve_question(r), r.answer, memo=memo))
        tick()
        return p

    if workers <= 1:
        return [one(r) for r in rows]
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(one, rows))


def stability(runs: list[list[Prediction]]) -> float:
    """Share of rows whose overall score is identical in every repeated run."""
    same = [len({run[i].grade.overall for run in runs}) == 1 for i in range(len(runs[0]))]
    return round(sum(same) / len(same), 4) if same else 1.0


def _pairs(preds: list[Prediction]) -> tuple[list[int], list[int]]:
    labelled = [p for p in preds if p.row.gold is not None]
    return [p.row.gold.overall for p in labelled if p.row.gold], [p.grade.overall for p in labelled]


def agreement(preds: list[Prediction]) -> dict[str, Any]:
    """Overall metrics with CIs, the confusion matrix, and per-topic, per-dimension and per-tag tables."""
    gold, pred = _pairs(preds)
    out: dict[str, Any] = {"overall": metrics.summary(gold, pred), "confusion": metrics.confusion(gold, pred)}
    by_topic: dict[str, list[Prediction]] = defaultdict(list)
    dim_pairs: dict[str, tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
    by_tag: dict[str, list[Prediction]] = defaultdict(list)
    for p in preds:
        if p.row.gold is None:
            continue
        by_topic[p.row.topic].append(p)
        for tag in p.row.tags:
            by_tag[tag].append(p)
        for d in p.grade.dimensions:
            if d.dimension in p.row.gold.dimensions:
                dim_pairs[d.dimension][0].append(p.row.gold.dimensions[d.dimension])
                dim_pairs[d.dimension][1].append(d.score)
    out["by_topic"] = {t: metrics.summary(*_pairs(ps), ci=False) for t, ps in sorted(by_topic.items())}
    out["by_dimension"] = {d: metrics.summary(g, p, ci=False) for d, (g, p) in sorted(dim_pairs.items())}
    out["by_tag"] = {t: _tag_stats(ps) for t, ps in sorted(by_tag.items())}
    return out


def _tag_stats(preds: list[Prediction]) -> dict[str, float]:
    gold, pred = _pairs(preds)
    return {
        "n": len(pred),
        "mean_gold": round(mean(gold), 3),
        "mean_pred": round(mean(pred), 3),
        "exact": round(metrics.exact(gold, pred), 3),
        "share_le2": round(sum(p <= 2 for p in pred) / len(pred), 3),
        "share_eq1": round(sum(p == 1 for p in pred) / len(pred), 3),
    }


def run_suite(
    grader: Grader, suite: Suite, base: dict[str, Grade], tick: Tick = lambda: None, memo: RowMemo | None = None
) -> dict[str, Any]:
    """Grade a suite's variants and measure them against its expectation."""
    ok: list[bool] = []
    deltas: list[float] = []
    failures: list[str] = []
    for v in suite.variants:
        g = grade_one(grader, v.question, v.answer, memo=memo)
        b = base.get(v.base.id)
        if suite.kind == "max":
            good = g.overall <= suite.target
        elif suite.kind == "identical":
            good = b is not None and g.overall == b.overall and g.dimensions == b.dimensions
        else:  # delta_mean / no_increase compare with the untouched answer's grade
            assert b is not None, "suites that compare need the base item graded"
            deltas.append(g.overall - b.overall)
            good = g.overall <= b.overall
        ok.append(good)
        if not good and len(failures) < 5:
            failures.append(v.id)
        tick()
    result: dict[str, Any] = {
        "description": suite.description,
        "kind": suite.kind,
        "n": len(ok),
        "pass_rate": round(sum(ok) / len(ok), 4) if ok else 1.0,
        "failures": failures,
    }
    if suite.kind == "delta_mean":
        result["mean_delta"] = round(mean(deltas), 4) if deltas else 0.0
    if suite.kind == "no_increase":
        result["inflation"] = round(1 - result["pass_rate"], 4)
    return result


def measurements(agree: dict[str, Any], suites: dict[str, dict[str, Any]]) -> dict[str, float]:
    """A flat name -> value map that thresholds are checked against."""
    flat: dict[str, float] = {}
    for k, v in agree["overall"].items():
        if isinstance(v, float):
            flat[f"overall.{k}"] = v
    for tag, stats in agree["by_tag"].items():
        for k in ("share_le2", "share_eq1", "mean_pred"):
            flat[f"tag.{tag}.{k}"] = stats[k]
    for name, s in suites.items():
        for k in ("pass_rate", "mean_delta", "inflation"):
            if k in s:
                flat[f"suite.{name}.{k}"] = s[k]
    return flat
