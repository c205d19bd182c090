"""Cleans an answer before grading; the raw text is kept by the caller, untouched."""

from __future__ import annotations

from dataclasses import dataclass, field

from .injection import strip_injection
from .text import clean

INJECTION_NOTE = "Text addressed to the grader rather than the question was ignored; the rest was graded."


@dataclass(frozen=True)
class GuardedAnswer:
    """The text to grade, plus notes for the candidate about what was changed."""

    text: str
    empty: bool
    notes: list[str] = field(default_factory=list)
    injection: bool = False
    # what is left of the lines text was removed from: at an answer's edge, part of the same note (leaning.py)
    touched: frozenset[str] = frozenset()


def guard_answer(raw: str, max_chars: int) -> GuardedAnswer:
    """Normalise, strip control characters and cap the length with a note saying what was kept."""
    text = clean(raw).strip()
    notes: list[str] = []
    if len(text) != len(raw.strip()) and len(clean(raw)) < len(raw):
        notes.append("Removed control characters or terminal escape codes before grading.")
    if len(text) > max_chars:
        cut = text.rfind(" ", 0, max_chars)
        cut = cut if cut > max_chars * 0.8 else max_chars
        notes.append(
            f"Your answer was {len(text):,} characters; the first {cut:,} were graded. "
            "The full text is kept in the transcript."
        )
        text = text[:cut]
    scan = strip_injection(text)
    if scan.removed:
        notes.append(INJECTION_NOTE)
    return GuardedAnswer(
        text=scan.text, empty=not scan.text, notes=notes, injection=bool(scan.removed), touched=scan.touched
    )
