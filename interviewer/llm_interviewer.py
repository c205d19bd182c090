"""The model as interviewer: tailored questions and follow-ups (streamed) and the closing summary.

Every role has a deterministic fallback: the bank's own question and follow-up, and a summary built
from the report, so a failing model costs the candidate nothing but the polish.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from pydantic import BaseModel

from .errors import LLMError
from .knowledge import rubrics
from .llm import Gateway
from .llm_config import Messages
from .prompts import render
from .schemas import ROLE_LABELS, Question, Report

Emit = Callable[[str], None]
MAX_CHARS = 800
HOLD_BACK = 80  # characters buffered before anything is shown
_ECHO = (
    "[inst]",
    "<<sys>>",
    "<|",
    "rephrase this interview question",
    "ask one follow-up",
    "you are a sharp",
    "question:",
    "system:",
    "assistant:",
)


# a "question" that grades or answers itself ("Great question! The answer is: … Score: 5/5. What next?")
_NOT_ASKING = re.compile(r"\bscore\s*[:=]|\b[0-5](\.\d)?\s*/\s*5\b|\bthe\s+answer\s+is\s*:", re.IGNORECASE)


def _check_prefix(text: str) -> None:
    lower = text.lower()
    if any(marker in lower for marker in _ECHO):
        raise LLMError("the model echoed its instructions instead of asking")
    if _NOT_ASKING.search(text):
        raise LLMError("the model graded or answered instead of asking")


class Narrative(BaseModel):
    """The summary's prose."""

    narrative: str


def _normal(text: str) -> str:
    return " ".join(text.lower().split()).strip(" ?.!\"'")


def fallback_summary(report: Report) -> str:
    """A plain summary from the report itself, used without a model."""
    if not report.questions:
        return "No answers were graded in this session."
    parts = [f"You averaged {report.overall:.1f}/5 over {len(report.questions)} question(s)."]
    if report.strengths:
        parts.append(f"Strongest: {report.strengths[0]}.")
    if report.gaps:
        parts.append(f"Biggest gap: {report.gaps[0]}.")
    if report.study:
        parts.append(f"Read next: {report.study[0]}.")
    return " ".join(parts)


class LLMInterviewer:
    """Asks with a model; falls back to the bank text whenever the model fails or misbehaves."""

    def __init__(self, gateway: Gateway, role: str | None = None, company: str = "") -> None:
        self.gateway = gateway
        self.role = ROLE_LABELS.get(role or "", "AI product")
        self.company = company
        self.last_error: LLMError | None = None

    def _system(self, difficulty: str) -> dict[str, str]:
        return {"role": "system", "content": render("interviewer_system", role=self.role, difficulty=difficulty)}

    def _stream(self, messages: Messages, emit: Emit) -> str:
        """Stream a prompt to the candidate, holding back the start until it looks like a question.

        Small or base models sometimes echo their instructions; those never reach the screen.
        """
        text, shown = "", False
        for delta in self.gateway.stream(messages):
            text += delta
            if len(text) > MAX_CHARS:
                raise LLMError("the model kept talking past the length limit")
            if not shown and len(text) >= HOLD_BACK:
                _check_prefix(text)
                shown = True
                emit(text)
            elif shown:
                emit(delta)
        _check_prefix(text)
        text = " ".join(text.split()).strip().strip('"')
        if len(text) < 15 or not text.endswith("?"):
            raise LLMError("the model did not produce a question")
        if not shown:
            emit(text)
        return text

    def tailor(self, question: Question, emit: Emit) -> str | None:
        """The bank question rephrased for the role, level and company; None when the model fails."""
        clause = f" at {self.company}" if self.company else ""
        user = render(
            "tailor", role=self.role, difficulty=question.difficulty, company_clause=clause, question=question.text
        )
        try:
            return self._stream([self._system(question.difficulty), {"role": "user", "content": user}], emit)
        except LLMError as exc:
            self.last_error = exc
            return None

    def probe(
        self, question: Question, answer: str, dimension: str, bank_probe: str, asked: list[str], emit: Emit
    ) -> str | None:
        """A follow-up on the weakest dimension that was never asked before; None to use the bank's."""
        dim = rubrics().topics[question.topic].dimension(dimension)
        user = render(
            "probe",
            dimension=dim.name,
            description=dim.description,
            strong=dim.anchors[5],
            asked="\n".join(f"- {a}" for a in asked) or "- (none)",
            bank_probe=bank_probe,
            question=question.text,
            answer=answer.replace("ANSWER>>>", "ANSWER>>"),
        )
        try:
            text = self._stream([self._system(question.difficulty), {"role": "user", "content": user}], emit)
        except LLMError as exc:
            self.last_error = exc
            return None
        if _normal(text) in {_normal(a) for a in asked}:
            return None  # the loop guard: never the same thing twice
        return text

    def summarize(self, report: Report) -> str:
        """The closing narrative, or the plain one when the model fails."""
        results = report.model_dump_json(include={"overall", "questions", "dimensions", "strengths", "gaps", "study"})
        messages = [self._system("any"), {"role": "user", "content": render("summary", results=results[:6000])}]
        try:
            narrative = self.gateway.complete(messages, Narrative, temperature=0.3).narrative.strip()
            _check_prefix(narrative)
            if len(narrative) < 40:
                raise LLMError("the model's summary is too short to be one")
            return narrative
        except LLMError as exc:
            self.last_error = exc
            return fallback_summary(report)
