"""Pure routing functions: which node runs next, decided from state alone."""

from __future__ import annotations

import re
from typing import Any, Literal

from .knowledge import unpack_question
from .schemas import Grade, Probe
from .state import InterviewState

DONT_KNOW = ("i don't know", "i dont know", "don't know", "dont know", "no idea", "not sure", "idk", "pass")


# what may follow the phrase in a reply that still says nothing: "not sure, sorry", "pass on this one"
_FILLER = frozenset(
    "sorry honestly to be honest tbh about that this one on here yet really i'm im afraid at all".split()
)


def is_dont_know(text: str) -> bool:
    """True for an 'I don't know'-style reply with nothing else in it, which moves the interview on.

    "Not sure 7B fits; 3B int8 runs in 150 ms" or "Pass@1 on the golden set" say something: they are graded.
    """
    t = " ".join(text.lower().split()).strip(" .!")
    if not t:
        return True
    for phrase in DONT_KNOW:
        if t == phrase or t.startswith(phrase + " ") or t.startswith(phrase + ","):
            rest = re.findall(r"[\w'@/%.-]+", t[len(phrase) :])
            return all(w in _FILLER for w in rest)
    return False


def _normalise(text: str) -> str:
    return " ".join(text.lower().split())


def next_probe(state: InterviewState) -> Probe | None:
    """The follow-up for the current question's weakest dimension that was never asked, if any."""
    idx = state["index"]
    turns = [t for t in state.get("turns", []) if t["question_index"] == idx]
    if len(turns) != 1 or turns[0]["kind"] != "main" or turns[0]["skipped"] or turns[0]["grade"] is None:
        return None
    grade = Grade.model_validate(turns[0]["grade"])
    if grade.overall <= 1 and {"empty", "off_topic", "gibberish"} & set(grade.flags):
        return None
    asked = {_normalise(t["prompt"]) for t in state.get("turns", [])}
    question = unpack_question(state["questions"][idx])
    ranked = sorted(question.probes, key=lambda p: _dim_score(grade, p.dimension))
    for probe in ranked:
        if _normalise(probe.text) not in asked and _dim_score(grade, probe.dimension) < 5:
            return probe
    return None


def _dim_score(grade: Grade, dim: str) -> int:
    try:
        return grade.score_of(dim)
    except KeyError:
        return 3


def after_grade(state: InterviewState) -> Literal["probe", "ask", "report"]:
    """Probe once after a main answer when a useful follow-up exists; otherwise ask the next question or report.

    Moving on goes straight to `ask`, which takes the next index itself: one graph step fewer per question.
    """
    if next_probe(state) is not None:
        return "probe"
    return "ask" if state["index"] + 1 < len(state["questions"]) else "report"


def after_advance(state: InterviewState) -> Literal["ask", "report"]:
    """Ask the next question, or finish with the report (for sessions saved before `after_grade` skipped it)."""
    return "ask" if state["index"] < len(state["questions"]) else "report"


def current_index(state: InterviewState) -> int:
    """The question to ask: the stored index, or the next one once the stored one has been answered."""
    idx = state["index"]
    return idx + 1 if any(t["question_index"] == idx for t in state.get("turns", [])) else idx


def question_turns(state: InterviewState | dict[str, Any], index: int) -> list[dict[str, Any]]:
    """Turns belonging to one question, in order."""
    return [t for t in state.get("turns", []) if t["question_index"] == index]
