"""Grader eval datasets: JSON Lines rows with gold labels, and how a row becomes a gradable question."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from ..knowledge import bank
from ..questions import custom_question
from ..schemas import Question, Topic
from .jsonl import read_rows


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


def load_rows(path: Path, split: str | None = None, option: str = "--dataset") -> list[Row]:
    """Read a JSONL grader dataset, failing with the line number of the first bad row."""
    return read_rows(path, Row, split, option)


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
