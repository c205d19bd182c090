"""How the rules read a follow-up reply on its own: whether it is about the question, and what it shows."""

from __future__ import annotations

from dataclasses import dataclass, replace

from .rule_params import DEFAULT
from .rules import RuleGrader
from .schemas import DimensionScore, Question
from .text import words
from .tips import TIP_FLAGS

# Under this many words a reply is not called off-topic: a brief, on-point reply uses too few of the scenario's
# words to tell (a review's 15 brief replies: 2 were, at 25+ words); a pasted answer or a pitch is longer
OFF_TOPIC_WORDS = 60
_CAPS = {*TIP_FLAGS, "red_flag"}
_READER = RuleGrader(replace(DEFAULT, fitted_off_topic=False))  # see Params.fitted_off_topic


@dataclass(frozen=True)
class ReplyReading:
    """What the rules read in a reply: off-topic or not, and the dimensions it earns a quote for."""

    off_topic: bool
    shown: dict[str, DimensionScore]  # the reply's own score and quote, for each dimension it earns a quote for


def read_reply(question: Question, follow_up: str, reply: str) -> ReplyReading:
    """Grade the reply alone against the question and its follow-up (a brief reply uses the scenario's words)."""
    asked = question.model_copy(update={"text": f"{question.text}\n{follow_up}"})
    grade = _READER.grade(asked, reply)
    long_enough = len(words(reply)) >= OFF_TOPIC_WORDS
    return ReplyReading(
        off_topic=long_enough and "off_topic" in grade.flags,
        # a capped or red-flagged reply ("I'd weigh the tradeoffs and risks here.", too short) shows nothing
        shown={} if set(grade.flags) & _CAPS else {d.dimension: d for d in grade.dimensions if d.evidence},
    )
