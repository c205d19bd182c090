"""Answers to "how would you measure it?" that never talk about measuring.

A metrics question answered with the tech stack ("embed the 2M SKUs with a sentence-transformer, re-rank the top
100…"), the pricing or another feature reuses the business's words and talks AI throughout, so word reuse and the
fitted model keep it on topic. What it lacks is any sentence about how success would be known: a metric, a rate, a
target, a baseline, an experiment. Every on-topic answer to a metrics question in the tuning files, the probes and a
review's look-alikes has such talk in at least 37% of its sentences; most off-topic ones have none (evals/README.md,
grader item 27).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .reuse import question_sentences

# what measuring talks about; broad on purpose, since a sentence that matches only makes the answer look on topic (a
# review's strong answer measured with "the only number finance cares about", "test arm vs. control", "the confidence
# interval" and was called off-topic until those words were added)
_MEASURING = re.compile(
    r"\b(metrics?|measur\w*|kpis?|okrs?|north[\s-]+star|guardrails?|counter-?metrics?|track\w*|monitor\w*|rates?|"
    r"ratios?|percent\w*|share\s+of|conversion|retention|churn|csat|nps|precision|recall|accuracy|f1|wer|errors?|"
    r"a/b|ab\s+test|holdouts?|hold-outs?|control\s+(group|arm|cohort)|baselines?|benchmarks?|experiment\w*|"
    r"dashboards?|targets?|thresholds?|success|lift|p\d\d|time[\s-]to[\s-]\w+|leading|lagging|proxy|proxies|"
    r"adoption|satisfaction|surveys?|feedback|evals?|evaluat\w*|scores?|averages?|median|mean|signals?|outcomes?|"
    r"reduc\w+|increas\w+|improv\w+|drops?|dropped|compar\w+|before\s+and\s+after|how\s+many|number\s+of|"
    r"per\s+([\d,.]+|user|customer|week|day|month|session|order|ticket|call|visit)|judg\w+|alert\w*|alarms?|"
    r"complain\w*|refunds?|points?|fall(s|ing)?|fell|ris(e|es|ing)|rose|how\s+(often|much|many)|often|frequen\w*|"
    r"counts?|within\s+\d+|uplift|delta|goals?|slos?|slas?|accept\w*|quality|hit|wins?|numbers?|control|confidence|"
    r"intervals?|significan\w*|impact|budg\w*|test\s+(arm|group|cell|and\s+control)|\d+/\d+\s+test)\b|\d\s?%",
    re.IGNORECASE,
)
# the ask names measuring: "what metrics…", "how would you measure…", "how would you know it's working?"
_ASKS_MEASURING = re.compile(
    r"\b(measur\w*|metrics?|kpis?|success|north\s+star|evaluat\w*|(is|was|it's|it\s+is)\s+working|worked|"
    r"judge\s+whether|know\s+(whether|if))\b",
    re.IGNORECASE,
)


def measuring_share(sentences: list[str]) -> float:
    """Share of an answer's sentences that talk about measuring (a metric, a rate, a target, an experiment)."""
    said = [s for s in sentences if s.strip()]
    return sum(_MEASURING.search(s) is not None for s in said) / len(said) if said else 0.0


@lru_cache(maxsize=512)
def asks_measuring(question: str) -> bool:
    """Whether the question's ask (its question-mark sentences, else its last sentence) is about measuring."""
    sentences = question_sentences(question)
    asked = " ".join(s for s in sentences if s.endswith("?")) or (sentences[-1] if sentences else "")
    return _ASKS_MEASURING.search(asked) is not None
