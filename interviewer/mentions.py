"""Whether an answer shows any sign of a concept: what a "Missing" line may not contradict.

The grader credits a concept only for its listed phrases, inside a reasoning sentence. A candidate who writes
"Pilot with 40 agents for two weeks, then an A/B test" has covered "a staged rollout (internal pilot, shadow,
A/B or canary)" in words the list lacks, and feedback that calls it missing is simply wrong. So a concept is
listed as missing only when none of its distinctive words (from its phrases, and the examples its label gives)
appears in the answer in any form, other than the question's own words. The score does not change: it stays
with the strict phrases.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .schemas import Concept, Question
from .text import FUNCTION_WORDS, stem, words

# words that appear in many concepts and many answers, and so show nothing about this one
_COMMON = frozenset(
    """rate rates metric metrics such user users model models data time cost costs quality risk risks clear plan
    team product customer customers feature features based level number score scores explicit internal
    percentage simple good right first other every each more less high low per one two three""".split()
)
# short words that do name one thing
_SHORT = frozenset("ab ga nps csat kpi sla slo roi tam sam som ltv cac p95 p99 pii rag hitl eu uk".split())
# a figure with its magnitude names one fact of a question: "$2M" for "a $2M first-year budget" (an exploratory test
# saw "Fact not used: $2M first-year budget" under an answer quoted for "With 90 days and $2M, I'd fund…")
_FIGURE = re.compile(r"\d+(\.\d+)?(k|m|bn|b)")


def _sign_words(text: str) -> set[str]:
    out = set()
    # "roll out", "rolled back", "fall back" are the compounds the phrases spell as one word
    text = re.sub(r"\b(roll|fall)(ed|ing|s)?[ -](out|back)\b", r"\1\3", text.replace("a/b", "ab")).replace("-", " ")
    for w in words(text):
        w = w[:-2] if w.endswith("ly") and len(w) > 6 else w  # "gradually" shows "gradual"
        if _FIGURE.fullmatch(w):
            out.add(w)
        elif w in _SHORT or (len(w) >= 4 and w.isalpha() and w not in FUNCTION_WORDS and w not in _COMMON):
            out.add(stem(w))
    return out


@lru_cache(maxsize=4096)
def signs(label: str, phrases: tuple[str, ...]) -> frozenset[str]:
    """The distinctive word stems of a concept's phrases and of the examples in its label."""
    examples = re.findall(r"\(([^)]*)\)", label) + re.findall(r"\b(?:such as|e\.g\.,?) ([^;()]*)", label, re.IGNORECASE)
    out: set[str] = set()
    for text in (*phrases, *examples):
        out |= _sign_words(text.lower())
    return frozenset(out)


def answer_signs(answer: str) -> frozenset[str]:
    """The stems an answer offers for `mentioned` (computed once per answer)."""
    return frozenset(_sign_words(answer.lower()))


def mentioned(concept: Concept, answer: frozenset[str], question: frozenset[str]) -> bool:
    """Whether the answer uses a distinctive word of the concept, so it must not be called missing. One word of
    the question itself ("agents" in a question about agents, for "agent review") shows nothing; two ("self-host"
    for "a clear position, e.g. self-hosted…" when the question offers self-hosting) do."""
    matched = signs(concept.label, tuple(concept.phrases)) & answer
    return bool(matched - question) or len(matched & question) >= 2


class Coverage:
    """What an answer shows of a question's concepts: the judge of what its feedback may call missing."""

    def __init__(self, question: Question, sentences: list[str]) -> None:
        self.seen = answer_signs(" ".join(sentences))
        self.asked = answer_signs(question.text)
        # your own question borrows the closest bank question's concepts, whose labels name that scenario
        self.borrowed = question.id == "custom"

    def lacks(self, concept: Concept, fact: bool = False) -> bool:
        """Whether to list the concept as missing; a fact of the question is named in the question's own words."""
        if self.borrowed and not fact:
            return False
        return not mentioned(concept, self.seen, frozenset() if fact else self.asked)
