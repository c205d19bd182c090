"""Graph state and the run-scoped context (grader, settings) nodes read through `runtime.context`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Annotated, Any, Literal, TypedDict

from langgraph.channels.delta import DeltaChannel

from .grading import Grader
from .llm_interviewer import LLMInterviewer
from .retrieval import Retriever

# State holds plain JSON-able dicts, not models: checkpoints stay readable across versions and
# need no deserialisation allow-list.


def _append(state: list[dict[str, Any]], writes: Sequence[list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """Turns reducer: appends each write's turns in order (batching-invariant, as DeltaChannel needs)."""
    out = list(state)
    for turns in writes:
        out.extend(turns)
    return out


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
    # A DeltaChannel checkpoints only each step's new turns (not the whole list again), so a long
    # session's database grows by the size of a turn, not by the size of the transcript.
    turns: Annotated[list[dict[str, Any]], DeltaChannel(_append)]
    report: dict[str, Any] | None


@dataclass(frozen=True)
class Context:
    """Run-scoped dependencies, injected with LangGraph's `context_schema`."""

    grader: Grader
    max_answer_chars: int = 12_000
    retriever: Retriever | None = None
    interviewer: LLMInterviewer | None = None
    mask_transcript: bool = False
    secret: str | None = None  # the configured key: never saved, even when pasted into an answer
