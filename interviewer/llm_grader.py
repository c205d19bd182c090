"""Grading with a model: fresh context, temperature 0, rubric anchors in the prompt, guarded output.

The rule grader always runs too: it is the fallback when the model fails (marked degraded) and the
second opinion that marks a grade low-confidence when the two differ by 2 or more.
"""

from __future__ import annotations

import threading
from collections.abc import Collection
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from typing import Literal

from pydantic import BaseModel, Field

from .errors import LLMError, LLMOutputError
from .knowledge import rubrics, sections
from .llm_config import LLM, Messages
from .logs import redact
from .pii import mask
from .prompts import render
from .resilience import SessionGuard
from .retrieval import Retriever
from .rules import RuleGrader, may_be_noise
from .schemas import DimensionScore, Grade, Passage, Question, TopicRubric

LOW_CONFIDENCE_GAP = 2
_NOTHING = frozenset({"empty", "gibberish"})  # flags that leave a model nothing to judge
_FLOORS = ThreadPoolExecutor(max_workers=32, thread_name_prefix="floor")
# Time for the model request to be built and sent before the rule grade competes with it for the GIL:
# started side by side, the two only traded places (measured: no gain); with this head start, about 1.3 ms a turn.
_HEAD_START_S = 0.006
QUOTE_MAX_WORDS = 30


class LLMDimension(BaseModel):
    """One dimension as the model scores it."""

    dimension: str
    score: Literal[1, 2, 3, 4, 5]  # an enum, not min/max: some grammar-constrained servers ignore bounds
    evidence: str = Field(default="", description="Exact quote from the answer, at most 25 words, or empty.")


class LLMMissing(BaseModel):
    """Something a strong answer covers that this one does not, and where to read about it."""

    concept: str
    heading: str = ""


class LLMGradeOut(BaseModel):
    """The model's whole grade."""

    dimensions: list[LLMDimension]
    missing: list[LLMMissing] = Field(default_factory=list)
    tip: str


def _norm(text: str) -> str:
    return " ".join(text.split()).lower().strip(" .\"'“”")


def rubric_text(rubric: TopicRubric) -> str:
    """The topic's dimensions with their anchored descriptors, for the prompt."""
    lines = []
    for d in rubric.dimensions:
        lines.append(f"### {d.id} — {d.name}: {d.description}")
        lines += [f"- {score}: {text}" for score, text in sorted(d.anchors.items())]
    return "\n".join(lines)


def _echoes(shown: str, system: str, run: int = 10) -> bool:
    """Whether feedback repeats a run of words from the grading instructions (a dumped system prompt)."""
    said, told = _norm(shown).split(), _norm(system).split()
    grams = {tuple(told[i : i + run]) for i in range(len(told) - run + 1)}
    return any(tuple(said[i : i + run]) in grams for i in range(len(said) - run + 1))


def check_output(out: LLMGradeOut, rubric: TopicRubric, answer: str, system: str = "") -> None:
    """The output guard: every dimension once, quotes really in the answer, a real tip, no instructions echoed."""
    wanted = [d.id for d in rubric.dimensions]
    got = [d.dimension for d in out.dimensions]
    if sorted(got) != sorted(wanted):
        raise LLMOutputError(f"dimensions must be exactly {wanted}, got {got}")
    # The model saw the answer with personal data masked, so its quotes may carry [EMAIL]-style tokens.
    haystacks = (_norm(answer), _norm(mask(answer)))
    haystack = haystacks[0]
    for d in out.dimensions:
        quote = _norm(d.evidence)
        if quote and (all(quote not in h for h in haystacks) or len(quote.split()) > QUOTE_MAX_WORDS):
            raise LLMOutputError(
                f"evidence for {d.dimension} is not a short exact quote from the answer: {d.evidence!r}"
            )
    tip = _norm(out.tip)
    if len(tip) < 10:
        raise LLMOutputError("the tip is empty")
    if len(tip) > 40 and tip in haystack:
        raise LLMOutputError("the tip repeats the answer back")
    shown = " ".join([out.tip, *(m.concept for m in out.missing)])
    leaks = ("untrusted data", "<<<answer", "reply with json", "system prompt")
    # the rules part of the instructions: a tip may fairly repeat a rubric anchor, not the rules around it
    if any(x in shown.lower() for x in leaks) or (system and _echoes(out.tip, system.split("## Rubric")[0])):
        raise LLMOutputError("the feedback leaks the grading instructions")
    if redact(shown, None) != shown:
        raise LLMOutputError("the feedback carries key-like material")


class LLMGrader:
    """The Grader protocol backed by a model, never worse than the rules."""

    def __init__(
        self,
        llm: LLM,
        rules: RuleGrader | None = None,
        retriever: Retriever | None = None,
        guard: SessionGuard | None = None,
    ) -> None:
        self.llm = llm
        self.rules = rules or RuleGrader()
        self.retriever = retriever
        self.guard = guard
        self.last_error: LLMError | None = None

    def grade(self, question: Question, answer: str, touched: Collection[str] = ()) -> Grade:
        """A model grade, or the rule grade marked degraded when the model cannot give a usable one."""
        floor: Grade | None = None
        if may_be_noise(answer):  # the rules look first, so a model is not asked about noise
            floor = self.rules.grade(question, answer, touched)
            if _NOTHING & set(floor.flags):
                return floor
        rubric = rubrics().topics[question.topic]
        passages = self._passages(question, answer)
        messages = self.messages(question, answer, rubric, passages)
        before = replace(self.guard.usage) if self.guard else None
        # The rule grade (fallback and second opinion) is computed on a worker while the model works; the call
        # stays on this thread, so its reply wakes one thread, not two.
        answered = threading.Event()
        backup = _FLOORS.submit(self._floor, question, answer, touched, floor, answered)
        try:
            out = self._complete(messages, rubric, answer)
        except LLMError as exc:
            answered.set()
            floor = backup.result()
            self.last_error = exc
            if isinstance(exc, LLMOutputError) and self.guard is not None:
                self.guard.record(False, 0.0)  # unusable answers count against the model like failed calls
            return floor.model_copy(update={"degraded": True, "degraded_reason": redact(str(exc))[:300]})
        finally:
            answered.set()
        floor = backup.result()
        if _NOTHING & set(floor.flags):
            return floor  # the cheap test let it through; the model's reply is not used
        grade = self._to_grade(out, rubric, floor, passages)
        if self.guard and before:
            now = self.guard.usage
            grade = grade.model_copy(
                update={
                    "model_calls": now.calls - before.calls,
                    "model_tokens": now.prompt_tokens
                    + now.completion_tokens
                    - before.prompt_tokens
                    - before.completion_tokens,
                    "model_cost_usd": round(now.cost_usd - before.cost_usd, 6),
                }
            )
        return grade

    def messages(self, question: Question, answer: str, rubric: TopicRubric, passages: list[Passage]) -> Messages:
        """A fresh context: the rules and the topic's rubric, then the question, passages and the answer as data.

        The system message is the same for every answer on a topic: providers can cache it as a prompt
        prefix, and the gateway's personal-data scan of it is a cache hit.
        """
        shown = "\n\n".join(f"### {p.heading}\n{p.text}" for p in passages) or "(none)"
        system = render(
            "grade_system", topic=question.topic, rubric_version=rubrics().version, rubric=rubric_text(rubric)
        )
        user = render(
            "grade_user",
            topic=question.topic,
            question=question.text,
            passages=shown,
            answer=answer.replace("ANSWER>>>", "ANSWER>>"),
        )
        return [{"role": "system", "content": system}, {"role": "user", "content": user}]

    def _floor(
        self, question: Question, answer: str, touched: Collection[str], known: Grade | None, answered: threading.Event
    ) -> Grade:
        if known is not None:
            return known
        answered.wait(_HEAD_START_S)  # a reply that comes sooner (a cache, a fake) need not wait for it
        return self.rules.grade(question, answer, touched)

    def _complete(self, messages: Messages, rubric: TopicRubric, answer: str) -> LLMGradeOut:
        system = messages[0]["content"] if messages and messages[0]["role"] == "system" else ""
        out = self.llm.complete(messages, LLMGradeOut, temperature=0.0)
        try:
            check_output(out, rubric, answer, system)
            return out
        except LLMOutputError as exc:  # one re-ask with the guard's reason, then give up
            retry = [*messages, {"role": "user", "content": render("reask", error=str(exc))}]
            again = self.llm.complete(retry, LLMGradeOut, temperature=0.0)
            check_output(again, rubric, answer, system)
            return again

    def _passages(self, question: Question, answer: str) -> list[Passage]:
        if self.retriever is not None:
            found = self.retriever.search(f"{question.text}\n{answer}", k=3, dense_query=question.text)
            if found:
                return found
        by_path = {s.path: s for s in sections()}
        return [
            Passage(chunk_id=p, heading=p, source=by_path[p].source, text=by_path[p].text)
            for p in question.knowledge
            if p in by_path
        ]

    def _to_grade(self, out: LLMGradeOut, rubric: TopicRubric, floor: Grade, passages: list[Passage]) -> Grade:
        by_id = {d.dimension: d for d in out.dimensions}
        dims = [
            DimensionScore(dimension=d.id, name=d.name, score=by_id[d.id].score, evidence=by_id[d.id].evidence.strip())
            for d in rubric.dimensions
        ]
        weights = {d.id: d.weight for d in rubric.dimensions}
        raw = sum(x.score * weights[x.dimension] for x in dims) / sum(weights.values())
        overall = min(5, max(1, int(raw + 0.5)))
        known = {p.heading for p in passages}
        missing = [f"{m.concept} (see {m.heading})" if m.heading in known else m.concept for m in out.missing]
        citations = list(
            dict.fromkeys([m.heading for m in out.missing if m.heading in known] + [p.heading for p in passages])
        )
        return Grade(
            grader="llm",
            rubric_version=rubrics().version,
            overall=overall,
            raw=round(raw, 3),
            dimensions=dims,
            missing=missing[:6],
            tip=out.tip.strip(),
            citations=citations[:3],
            flags=[f for f in floor.flags if f == "injection_ignored"],
            low_confidence=abs(overall - floor.overall) >= LOW_CONFIDENCE_GAP,
        )
