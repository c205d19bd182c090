"""Answers that turn into pricing, packaging or go-to-market talk when the question asks for none of it.

A fluent answer about the right business can still answer another question: "I'd package it in three
tiers…" to "how would you measure whether it works?". Its words are the question's own (the product,
the customers), so word reuse cannot tell; what it talks about can.
"""

from __future__ import annotations

import re

# what selling talks about, not what building, measuring or governing an AI feature talks about
_SELLING = re.compile(
    r"\b(tiers?|pro\s+(plan|tier)|premium\s+(tier|plan|add-?on)|per\s+seat|upsell\w*|free\s+(trial|tier|plan)|"
    r"discount\w*|referral\w*|acquisition|acquir(e|ing)\s+(new\s+)?(customers|sellers|members|users)|"
    r"pric(e|ed|ing)\s+(it|them|the)\b|to\s+grow\s+the\s+(app|marketplace|business|platform|user\s+base)|"
    r"social\s+media|gamification|lifetime\s+value|storefront|sell-through|markdowns?|gross\s+margin|"
    r"net\s+revenue\s+retention|seo|marketing|most\s+efficient\s+channel|"
    r"pricing|packag(e|ed|ing)\s+(it|them|the)\b|bundl(e|ed|ing)|influencers?|reference\s+customers|paid\s+ads|"
    r"go-to-market|loyalty\s+(program|scheme)|marketing\s+(campaign|budget|push)|sales\s+(team|reps?|pitch|playbook)|"
    r"\$\s?\d+(\.\d+)?\s*(/|per|a)\s*(month|mo|seat|project|user|show|member))\b",
    re.IGNORECASE,
)
_ASKS_SELLING = re.compile(
    r"\b(pric(e|es|ing)|monetis\w*|monetiz\w*|revenue|tiers?|go-to-market|gtm|packag\w*|business\s+model|"
    r"upsell\w*|grow\w*|adoption|market\s+(it|this))\b",
    re.IGNORECASE,
)
_ASK = re.compile(r"[^.?!]*\?")  # the question's question sentences; the rest is its setting


def selling_share(sentences: list[str]) -> float:
    """Share of an answer's sentences that talk about selling it (pricing, packaging, channels)."""
    said = [s for s in sentences if s.strip()]
    return sum(_SELLING.search(s) is not None for s in said) / len(said) if said else 0.0


def asks_selling(question: str) -> bool:
    """Whether the question asks about pricing, packaging or growth (in what it asks, not in its setting).

    "Sellers upload photos and a model suggests a price" sets the scene; "how would you price it?" asks.
    A question with no question mark ("Lay out the launch plan.") is read by its last sentence.
    """
    asked = " ".join(_ASK.findall(question)) or re.split(r"(?<=[.!])\s+", question.strip())[-1]
    return _ASKS_SELLING.search(asked) is not None
