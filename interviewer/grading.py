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
