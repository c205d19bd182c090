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

from .schemas import Concept
from .text import FUNCTION_WORDS, stem, words

# words that appear in many concepts and many answers, and so show nothing about this one
_COMMON = frozenset(
    """rate rates metric metrics such user users model models data time cost costs quality risk risks clear plan
    team product customer customers feature features based level number score scores explicit internal
    percentage simple good right first other every each more less high low per one two three""".split()
)
# short words that do name one thing
_SHORT = frozenset("ab ga nps csat kpi sla slo roi tam sam som ltv cac p95 p99 pii rag hitl".split())


def _sign_words(text: str) -> set[str]:
    out = set()
    text = re.sub(r"\broll(ed|ing)?[ -]out\b", "rollout", text.replace("a/b", "ab")).replace("-", " ")
    for w in words(text):
        w = w[:-2] if w.endswith("ly") and len(w) > 6 else w  # "gradually" shows "gradual"
        if w in _SHORT or (len(w) >= 4 and w.isalpha() and w not in FUNCTION_WORDS and w not in _COMMON):
            out.add(stem(w))
    return out


@lru_cache(maxsize=4096)
def signs(label: str, phrases: tuple[str, ...]) -> frozenset[str]:
    """The distinctive word stems of a concept's phrases and of the examples in its label."""
    examples = re.findall(r"\(([^)]*)\)", label) + re.findall(r"\bsuch as ([^;.()]*)", label, re.IGNORECASE)
    out: set[str] = set()
    for text in (*phrases, *examples):
        out |= _sign_words(text.lower())
    return frozenset(out)


def answer_signs(answer: str) -> frozenset[str]:
    """The stems an answer offers for `mentioned` (computed once per answer)."""
    return frozenset(_sign_words(answer.lower()))


def mentioned(concept: Concept, answer: frozenset[str], question: frozenset[str]) -> bool:
    """Whether the answer uses a distinctive word of the concept, so it must not be called missing; a word of
    the question itself ("agents" in a question about agents) shows nothing."""
    return not (signs(concept.label, tuple(concept.phrases)) - question).isdisjoint(answer)
