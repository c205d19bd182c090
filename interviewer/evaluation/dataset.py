"""Grader eval datasets: JSON Lines rows with gold labels, and how a row becomes a gradable question."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..errors import DataError
from ..knowledge import bank
from ..questions import custom_question
from ..schemas import Question, Topic


class Gold(BaseModel):
    """Human-style labels for one answer."""

    overall: int = Field(ge=1, le=5)
    dimensions: dict[str, int] = Field(default_factory=dict)


class Row(BaseModel):
    """One eval item; unknown keys (e.g. `split`) are kept, not rejected."""

    model_config = ConfigDict(extra="allow")

    id: str
    question: str
    topic: Topic
    answer: str
    gold: Gold | None = None
    tags: list[str] = Field(default_factory=list)
    question_id: str | None = None
    role: str | None = None
    split: str | None = None


def load_rows(path: Path, split: str | None = None) -> list[Row]:
    """Read a JSONL dataset, failing with the line number of the first bad row."""
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as exc:
        raise DataError(f"Cannot read dataset {path}: {exc.strerror}", hint="Check the --dataset path.") from exc
    rows: list[Row] = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            rows.append(Row.model_validate(json.loads(line)))
        except (json.JSONDecodeError, ValidationError) as exc:
            raise DataError(f"{path.name} line {n} is not a valid row: {exc}", hint="Fix or remove that line.") from exc
    ids = [r.id for r in rows]
    if len(set(ids)) != len(ids):
        raise DataError(f"{path.name} has duplicate ids", hint="Give every row a unique id.")
    if split is not None:
        rows = [r for r in rows if r.split == split]
    if not rows:
        raise DataError(f"{path.name} has no rows{f' in split {split!r}' if split else ''}.")
    return rows


def resolve_question(row: Row) -> Question:
    """The bank question a row names (by id or exact text), else one built from its own text and topic."""
    by_id = {q.id: q for q in bank().questions}
    if row.question_id and row.question_id in by_id:
        return by_id[row.question_id]
    text = " ".join(row.question.split())
    for q in bank().questions:
        if " ".join(q.text.split()) == text:
            return q
    return custom_question(row.question, row.topic)
