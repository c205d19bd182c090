"""Graph state and the run-scoped context (grader, settings) nodes read through `runtime.context`."""

from __future__ import annotations

import operator
from dataclasses import dataclass
from typing import Annotated, Any, Literal, TypedDict

from .grading import Grader
from .llm_interviewer import LLMInterviewer
from .retrieval import Retriever

# State holds plain JSON-able dicts, not models: checkpoints stay readable across versions and
# need no deserialisation allow-list.


class Pending(TypedDict):
    """The prompt waiting for an answer; also the interrupt payload the CLI shows."""

    kind: Literal["main", "probe"]
    text: str
    question_index: int
    total: int
    dimension: str | None


class Reply(TypedDict):
    """What the CLI resumes the graph with."""

    text: str
    skip: bool


class InterviewState(TypedDict, total=False):
    """Everything checkpointed after each step."""

    session_id: str
    questions: list[dict[str, Any]]
    index: int
    pending: Pending | None
    reply: Reply | None
    turns: Annotated[list[dict[str, Any]], operator.add]
    report: dict[str, Any] | None


@dataclass(frozen=True)
class Context:
    """Run-scoped dependencies, injected with LangGraph's `context_schema`."""

    grader: Grader
    max_answer_chars: int = 12_000
    retriever: Retriever | None = None
    interviewer: LLMInterviewer | None = None
    mask_transcript: bool = False
