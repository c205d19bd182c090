"""Answers that turn into pricing, packaging or go-to-market talk when the question asks for none of it.

A fluent answer about the right business can still answer another question: "I'd package it in three
tiers…" to "how would you measure whether it works?". Its words are the question's own (the product,
the customers), so word reuse cannot tell; what it talks about can.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .reuse import question_sentences

# what selling talks about, not what building, measuring or governing an AI feature talks about ("three risk
# tiers", "discounted cumulative gain", "GP referrals", "image acquisition" are not selling)
_SELLING = re.compile(
    r"\b(pro\s+(plan|tier)|premium\s+(tier|plan|listing|add-?on)s?|(free|paid|pricing)\s+tiers?|per\s+seat|"
    r"upsell\w*|free\s+(trial|plan)|referral\s+(program|programme|scheme|fee)s?|"
    r"(customer|seller|member|user|creator|club)s?\s+acquisition|acquisition\s+(cost|channel|first)|"
    r"acquir(e|ing)\s+(new\s+)?(customers|sellers|members|users|clubs)|"
    r"pric(e|ed|ing)\s+(it|them|the\s+(add-?on|plan|tier|product))\b|pricing\s+(page|model|strategy|should)|"
    r"to\s+grow\s+the\s+(app|marketplace|business|platform|user\s+base)|packag(e|ed|ing)\s+(it|them)\b|"
    r"influencers?|reference\s+customers|paid\s+ads|go-to-market|loyalty\s+(program|scheme)|"
    r"marketing\s+(campaign|budget|push|plan)|sales\s+(team|reps?|pitch|playbook)|gamification|lifetime\s+value|"
    r"storefront|sell-through|markdowns?|gross\s+margin|net\s+revenue\s+retention|most\s+efficient\s+channel|"
    r"\$\s?\d+(\.\d+)?\s*(/|per|a)\s*(month|mo|seat|project|user|show|member))\b",
    re.IGNORECASE,
)
# Selling talk may answer a question that asks about money, selling, a launch or a strategy, or whose setting
# puts money on the table ("build the business case", "turn it into a paid add-on", "earns from ads").
_ASKS_SELLING = re.compile(
    r"\b(pric(e|es|ing)|monetis\w*|monetiz\w*|revenue|tiers?|go-to-market|gtm|packag\w*|business\s+(model|case)|"
    r"upsell\w*|grow\w*|adoption|market\w*|worth|opportunity|strateg\w*|launch\w*|roll\s?out|sell\w*|sales|roi)\b",
    re.IGNORECASE,
)
_MONEY_SETTING = re.compile(
    r"\b(paid|add-?ons?|free\s+tier|pricing|monetis\w*|monetiz\w*|revenue|business\s+case|productis\w*|"
    r"productiz\w*|ads|upsell\w*|subscription\s+(price|revenue|plan)s?|commerciali[sz]\w*)\b",
    re.IGNORECASE,
)


def selling_share(sentences: list[str]) -> float:
    """Share of an answer's sentences that talk about selling it (pricing, packaging, channels)."""
    said = [s for s in sentences if s.strip()]
    return sum(_SELLING.search(s) is not None for s in said) / len(said) if said else 0.0


@lru_cache(maxsize=512)
def asks_selling(question: str) -> bool:
    """Whether selling talk may answer the question: its ask names money, selling, a launch or a strategy, or its
    setting puts money on the table. The ask is its question-mark sentences, else its last sentence."""
    sentences = question_sentences(question)
    asked = " ".join(s for s in sentences if s.endswith("?")) or (sentences[-1] if sentences else "")
    return _ASKS_SELLING.search(asked) is not None or _MONEY_SETTING.search(question) is not None
