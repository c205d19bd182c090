"""Graph nodes: small functions of state that return partial updates."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from functools import partial
from typing import Any

from langgraph.runtime import Runtime
from langgraph.types import interrupt

from .grading import grade_guarded, merge_follow_up, unanswered
from .input_guard import GuardedAnswer, guard_answer
from .knowledge import relevant_citations, rubrics, unpack_question
from .llm_interviewer import fallback_summary
from .pii import mask
from .replies import read_reply
from .report import build_report
from .routing import current_index, is_dont_know, next_probe, question_turns
from .schemas import Grade, Question, Turn
from .state import Context, InterviewState, Pending, Reply


def ask(state: InterviewState, runtime: Runtime[Context]) -> dict[str, Any]:
    """Pose the next question: tailored by the interviewer model if there is one, else the bank's."""
    idx = current_index(state)
    question = unpack_question(state["questions"][idx])
    pending: Pending = {
        "kind": "main",
        "text": question.text,
        "question_index": idx,
        "total": len(state["questions"]),
        "dimension": None,
    }
    interviewer = runtime.context.interviewer
    if interviewer is not None:
        pending["text"] = _streamed(runtime, pending, partial(interviewer.tailor, question))
    return {"pending": pending, "reply": None, "index": idx}


def _streamed(runtime: Runtime[Context], pending: Pending, make: Callable[[Callable[[str], None]], str | None]) -> str:
    """Stream a model-written prompt to the CLI as it arrives; on failure tell it to show the bank text."""
    write = runtime.stream_writer
    write({"event": "start", "pending": dict(pending)})
    text = make(lambda token: write({"event": "token", "text": token}))
    write({"event": "end", "ok": text is not None})
    return text if text is not None else pending["text"]


def await_answer(state: InterviewState) -> dict[str, Any]:
    """Pause for the candidate: kept for sessions saved paused here, before `grade` paused for the answer itself."""
    reply: Reply = interrupt(state["pending"])
    return {"reply": reply}


def grade(state: InterviewState, runtime: Runtime[Context]) -> dict[str, Any]:
    """Pause for the candidate's answer (LangGraph interrupt), then guard and grade it, recording it as a turn.

    The pause is here, not in a step of its own, so a turn is one graph step fewer; a reply already in state
    comes from a session saved paused in `await_answer`.
    """
    pending = state["pending"]
    assert pending is not None, "grade runs only after a prompt"
    reply: Reply = state.get("reply") or interrupt(pending)
    guarded = guard_answer(reply["text"], runtime.context.max_answer_chars)
    turn = Turn(
        question_index=pending["question_index"],
        kind=pending["kind"],
        prompt=pending["text"],
        dimension=pending["dimension"],
        answer=mask(reply["text"]) if runtime.context.mask_transcript else reply["text"],
        cleaned=mask(guarded.text) if runtime.context.mask_transcript else guarded.text,
        notes=guarded.notes,
        at=datetime.now(UTC).isoformat(timespec="seconds"),
    )
    question = unpack_question(state["questions"][pending["question_index"]])
    if reply["skip"] or (pending["kind"] == "probe" and is_dont_know(guarded.text)):
        turn.skipped = True
    elif pending["kind"] == "main":
        turn.grade = _cite(
            grade_guarded(runtime.context.grader, question, guarded), question, guarded.text, runtime.context
        )
    else:
        turn.grade = _cite(
            _regrade_with_probe(state, question, guarded, runtime.context), question, guarded.text, runtime.context
        )
    if turn.grade is not None and runtime.context.mask_transcript:
        turn.grade = _masked(turn.grade)
    return {"turns": [turn.model_dump(mode="json")], "pending": None, "reply": None}


def _masked(grade: Grade) -> Grade:
    """A grade as saved with a masked transcript: its quotes, its "Missing" and its tip masked too."""
    dims = [d.model_copy(update={"evidence": mask(d.evidence)}) for d in grade.dimensions]
    missing = [mask(m) for m in grade.missing]
    return grade.model_copy(update={"dimensions": dims, "missing": missing, "tip": mask(grade.tip)})


def _regrade_with_probe(state: InterviewState, question: Question, guarded: GuardedAnswer, ctx: Context) -> Grade:
    """A follow-up adds evidence: main + follow-up graded together, merged by `merge_follow_up`.

    What the input guard left of the reply's cut lines goes with it, so a caught plea in a reply cannot lift the rule
    grade through its leftovers (leaning.py) any more than in a main answer.
    """
    answer = guarded.text
    main = question_turns(state, state["index"])[0]
    before = Grade.model_validate(main["grade"])
    combined = ctx.grader.grade(question, f"{main['cleaned']}\n{answer}", guarded.touched)
    pending = state["pending"]
    rubric = rubrics().topics[question.topic]
    read = read_reply(question, pending["text"], answer) if pending and combined.grader == "rules" else None
    probed = pending["dimension"] if pending else None
    merged = merge_follow_up(before, combined, answer, probed, rubric, read.shown if read else None)
    if read is not None and read.off_topic and merged.overall >= before.overall:  # not a reply that took it back
        return unanswered(before)
    return merged


def _cite(grade: Grade, question: Question, answer: str, ctx: Context) -> Grade:
    """Point the feedback at the passages retrieved for the question, the answer and the weakest dimension."""
    if ctx.retriever is None or "empty" in grade.flags or grade.grader == "llm":  # a model grade cites already
        return grade
    query = f"{question.text}\n{answer}\n{grade.weakest().name}"
    found = ctx.retriever.search(query, k=4, dense_query=question.text)
    headings = relevant_citations([p.heading for p in found], question.knowledge)
    return grade.model_copy(update={"citations": headings}) if headings else grade


def probe(state: InterviewState, runtime: Runtime[Context]) -> dict[str, Any]:
    """Ask the one follow-up aimed at the weakest dimension (model-written when a model is configured)."""
    chosen = next_probe(state)
    assert chosen is not None, "routing sends us here only when a probe exists"
    pending: Pending = {
        "kind": "probe",
        "text": chosen.text,
        "question_index": state["index"],
        "total": len(state["questions"]),
        "dimension": chosen.dimension,
    }
    interviewer = runtime.context.interviewer
    if interviewer is not None:
        question = unpack_question(state["questions"][state["index"]])
        answer = question_turns(state, state["index"])[0]["cleaned"]
        asked = [t["prompt"] for t in state.get("turns", [])]
        make = partial(interviewer.probe, question, answer, chosen.dimension, chosen.text, asked)
        pending["text"] = _streamed(runtime, pending, make)
    return {"pending": pending}


def advance(state: InterviewState) -> dict[str, Any]:
    """Move to the next question: kept for sessions saved mid-step before `ask` took the next index itself."""
    return {"index": state["index"] + 1}


def report(state: InterviewState, runtime: Runtime[Context]) -> dict[str, Any]:
    """Summarise the interview, with a narrative from the interviewer model or from the results."""
    built = build_report(dict(state), completed=True)
    interviewer = runtime.context.interviewer
    narrative = interviewer.summarize(built) if interviewer is not None else fallback_summary(built)
    return {"report": built.model_copy(update={"narrative": narrative}).model_dump(mode="json")}
