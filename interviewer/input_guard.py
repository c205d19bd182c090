"""Cleans an answer before grading; the raw text is kept by the caller, untouched."""

from __future__ import annotations

from dataclasses import dataclass, field

from .injection import strip_injection
from .text import clean, hidden_text

INJECTION_NOTE = "Text addressed to the grader rather than the question was ignored; the rest was graded."
HIDDEN_NOTE = "Text hidden in invisible Unicode tag characters was not graded: only what a reader can see counts."


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
    cleaned = clean(raw)
    text = cleaned.strip()
    notes: list[str] = []
    # what tag characters hid is dropped by clean() and has its own note; whether it spoke to the grader is judged
    hidden = hidden_text(raw[: 4 * max_chars])  # a hidden plea sits near the text it rides on, not megabytes on
    if hidden:
        notes.append(HIDDEN_NOTE)
    elif len(text) != len(raw.strip()) and len(cleaned) < len(raw):
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
    injection = bool(scan.removed) or bool(hidden and strip_injection(hidden[:max_chars]).removed)
    if injection:
        notes.append(INJECTION_NOTE)
    return GuardedAnswer(text=scan.text, empty=not scan.text, notes=notes, injection=injection, touched=scan.touched)
