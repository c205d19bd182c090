"""The Grader protocol and the one way an answer is graded: guarded text in, flagged grade out."""

from __future__ import annotations

from typing import Protocol

from .input_guard import GuardedAnswer
from .schemas import Grade, Question


class Grader(Protocol):
    """Anything that grades an answer to a question."""

    def grade(self, question: Question, answer: str) -> Grade:
        """Grade one answer."""
        ...


def grade_guarded(grader: Grader, question: Question, guarded: GuardedAnswer) -> Grade:
    """Grade guarded text; a grade whose answer had grader-directed text removed says so in its flags."""
    grade = grader.grade(question, guarded.text)
    if guarded.injection and "injection_ignored" not in grade.flags:
        grade = grade.model_copy(update={"flags": [*grade.flags, "injection_ignored"]})
    return grade


def merge_follow_up(before: Grade, combined: Grade, probed: str | None) -> Grade:
    """The grade after a follow-up, from the main answer's grade and main + follow-up graded together.

    A follow-up answers one narrower question, so it can lift the dimension it probed to what the two answers
    show together, every other dimension and the overall by one point at most: a strong reply does not turn a
    fluff answer into a 5. A reply that takes a red-flag stance the main answer did not ("I'd skip the shadow
    phase after all") counts against it: nothing rises, and what the two answers show together may be lower.
    """
    if "red_flag" in combined.flags and "red_flag" not in before.flags:
        dims = [min(c, b, key=lambda d: d.score) for c, b in zip(combined.dimensions, before.dimensions, strict=True)]
        return combined.model_copy(
            update={
                "dimensions": dims,
                "overall": min(before.overall, combined.overall),
                "raw": min(before.raw, combined.raw),
            }
        )
    dims = [
        c if c.score <= b.score + 1 or c.dimension == probed else c.model_copy(update={"score": b.score + 1})
        for c, b in zip(combined.dimensions, before.dimensions, strict=True)
    ]
    dims = [c if c.score >= b.score else b for c, b in zip(dims, before.dimensions, strict=True)]
    return combined.model_copy(
        update={
            "dimensions": dims,
            "overall": min(max(before.overall, combined.overall), before.overall + 1),
            "raw": min(max(before.raw, combined.raw), before.raw + 1.0),
        }
    )
