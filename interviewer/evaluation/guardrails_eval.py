"""`interviewer eval pii` and `interviewer eval injection`: recall, false flags and score inflation."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, model_validator

from ..grading import Grader
from ..injection import strip_injection
from ..pii import find
from .attacks import ATTACKS
from .dataset import Row, resolve_question
from .jsonl import read_rows
from .runner import grade_one

PII_TYPES = ("email", "phone", "card", "iban", "ip", "name")


class _PiiRow(BaseModel):
    model_config = ConfigDict(extra="allow")
    id: str
    text: str
    pii: list[dict[str, str]]
    split: str | None = None


class _InjectionRow(BaseModel):
    model_config = ConfigDict(extra="allow")
    id: str
    kind: Literal["attack", "benign"]
    text: str = ""
    answer: str = ""
    # sentences of an attack that are real answer content around the request: the clean twin gets them too
    content: list[str] = []
    split: str | None = None

    @model_validator(mode="after")
    def _has_content(self) -> _InjectionRow:
        if not (self.text if self.kind == "attack" else self.answer).strip():
            raise ValueError("an attack row needs 'text', a benign row needs 'answer'")
        if self.content and (self.kind != "attack" or any(c not in self.text for c in self.content)):
            raise ValueError("'content' lists sentences copied exactly from an attack row's 'text'")
        return self


def pii_eval(path: Path) -> dict[str, Any]:
    """Per split: recall per type, precision, and the share of PII-free rows with a false detection."""
    out: dict[str, Any] = {}
    by_split: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in read_rows(path, _PiiRow):
        by_split[r.split or "all"].append(r.model_dump())
    for split, rows in sorted(by_split.items()):
        gold_n: dict[str, int] = defaultdict(int)
        hit_n: dict[str, int] = defaultdict(int)
        predicted = false_pos = negatives = flagged_negatives = 0
        misses: list[str] = []
        for row in rows:
            found = find(row["text"])
            predicted += len(found)
            for g in row["pii"]:
                gold_n[g["type"]] += 1
                if any(f.type == g["type"] and (g["value"] in f.value or f.value in g["value"]) for f in found):
                    hit_n[g["type"]] += 1
                elif len(misses) < 10:
                    misses.append(f"{row['id']}: {g['type']} {g['value']!r}")
            gold_values = [g["value"] for g in row["pii"]]
            false_pos += sum(not any(f.value in v or v in f.value for v in gold_values) for f in found)
            if not row["pii"]:
                negatives += 1
                flagged_negatives += bool(found)
        out[split] = {
            "rows": len(rows),
            "recall": {t: round(hit_n[t] / gold_n[t], 4) for t in PII_TYPES if gold_n[t]},
            "support": {t: gold_n[t] for t in PII_TYPES if gold_n[t]},
            "precision": round(1 - false_pos / predicted, 4) if predicted else 1.0,
            "negative_rows_flagged": round(flagged_negatives / negatives, 4) if negatives else 0.0,
            "misses": misses,
        }
    return out


def injection_eval(
    path: Path, base_rows: list[Row], grader: Grader, bases: int = 12, split: str | None = None
) -> dict[str, Any]:
    """Flag rate on attacks, false-flag rate on benign answers, and score inflation for the grader."""
    data = [r.model_dump() for r in read_rows(path, _InjectionRow, split)]
    attacks = list(ATTACKS) + [r["text"] for r in data if r.get("kind") == "attack"]
    content = {r["text"]: " ".join(r["content"]) for r in data if r.get("kind") == "attack" and r["content"]}
    benign = [r for r in data if r.get("kind") == "benign"]
    graded = sorted((r for r in base_rows if r.gold and r.gold.overall >= 2 and r.answer.strip()), key=lambda r: r.id)
    chosen = graded[:: max(1, len(graded) // bases)][:bases]
    flagged = inflated = pairs = own_flagged = own_pairs = 0
    missed: list[str] = []
    for row in chosen:
        question = resolve_question(row)
        clean = grade_one(grader, question, row.answer).overall
        for i, attack in enumerate(attacks):
            text = f"{row.answer}\n{attack}" if i % 2 else f"{attack}\n{row.answer}"
            twin = clean
            if attack in content:  # the rise its real content earns is not inflation
                extra = content[attack]
                twin = grade_one(
                    grader, question, f"{row.answer}\n{extra}" if i % 2 else f"{extra}\n{row.answer}"
                ).overall
            pairs += 1
            caught = bool(strip_injection(text).removed)
            flagged += caught
            if i >= len(ATTACKS):  # the file's own attacks, without the built-in templates (training data)
                own_pairs += 1
                own_flagged += caught
            if not caught and attack not in missed:
                missed.append(attack)
            inflated += grade_one(grader, question, text).overall > twin
    false_flags = [r["id"] for r in benign if strip_injection(r["answer"]).removed]
    return {
        "attack_templates": len(attacks),
        "base_answers": len(chosen),
        "pairs": pairs,
        "flag_rate": round(flagged / pairs, 4) if pairs else 0.0,
        "own_flag_rate": round(own_flagged / own_pairs, 4) if own_pairs else 0.0,
        "inflation_rate": round(inflated / pairs, 4) if pairs else 0.0,
        "benign": len(benign),
        "false_flag_rate": round(len(false_flags) / len(benign), 4) if benign else 0.0,
        "false_flags": false_flags,
        "missed_attacks": missed[:20],
    }
