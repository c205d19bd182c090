"""Answers that set the question aside for another problem in the same business.

"Honestly the bigger issue is the labour shortage, so I'd build an apprenticeship marketplace" reuses
the question's business words (HVAC, technicians, contractors) but not the words of what it asks about
(the AI feature, the decision). Two signs together mark it: the answer says it is turning away, and it
barely touches the words of the question's own ask.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .reuse import question_sentences, reuse_terms, weighted_reuse

# the candidate announces another problem than the one asked ("the risk is not the model itself", "I'd actually
# ship it to 5% first" and "the agent should step back" do not)
_TURNS_AWAY = re.compile(
    r"\b(i'?d|i\s+would)\s+actually\s+(look\s+at|focus\s+on|build|go\s+after|work\s+on|question|put|spend)\b|"
    r"\bthe\s+(bigger|biggest|real|more\s+important)\s+(ai\s+|strategic\s+)?"
    r"(issue|problem|opportunity|question|lever|priority|constraint)\b|"
    r"\bbefore\s+(any|we\s+build\s+any)\s+ai\b|\bquestion\s+the\s+premise\b|"
    r"\bi'?d\s+approach\s+this\s+as\s+an?\s+[\w-]+\s+problem\b|\bwhat\s+i'?d\s+(do|build|propose)\s+instead\b|"
    r"\bthe\s+root\s+cause\s+is\b|\b(isn'?t|is\s+not)\s+(a\s+|an\s+|the\s+)?[\w\s-]{0,25}?(technology|tech|paperwork|"
    r"the\s+ai|an?\s+ai\s+problem|a\s+model\s+problem),\s+it'?s\b|"
    r"\bi'?d\s+(rather|instead)\s+(focus|build|look|spend|invest)\b|\bi'?d\s+(focus|spend|invest)\s+\w+(\s+\w+){0,5}\s+instead\b",
    re.IGNORECASE,
)
# an AI feature in a question's setting: the sentences that say what the feature does
_FEATURE = re.compile(
    r"\b(ai|llm|gen\s?ai|model|models|agent|assistant|chatbot|copilot|automat\w*|generat\w*|predict\w*|draft\w*|"
    r"classif\w*|vision|recommend\w*|summar\w*|transcri\w*|semantic|machine\s+learning|ml|detect\w*|forecast\w*|"
    r"triage|extract\w*|suggest\w*|scor\w*|rank\w*)\b",
    re.IGNORECASE,
)


def turns_away(answer: str) -> bool:
    """Whether the answer announces that it will address another problem than the question's."""
    return _TURNS_AWAY.search(answer) is not None


@lru_cache(maxsize=512)
def _ask_terms(question: str) -> frozenset[str]:
    sentences = question_sentences(question)
    asked = [s for s in sentences if _FEATURE.search(s)] + sentences[-1:]
    return frozenset().union(*(reuse_terms(s) for s in asked)) if asked else frozenset()


def ask_reuse(question: str, answer_terms: frozenset[str]) -> float:
    """Share of the words of the question's feature and ask an answer reuses, each weighted by rarity."""
    return weighted_reuse(_ask_terms(question), answer_terms)
