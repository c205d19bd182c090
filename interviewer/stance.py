"""A learned second opinion on red flags: sentences that read like a confidently wrong stance.

The patterns in red_flags.py catch the wordings they were written for ("no need for an A/B test"); a confidently
wrong answer says the same thing in new words ("a gradual rollout just delays the savings", "once it is trained on
our orders it won't hallucinate allergens"). This model scores each sentence's words and word pairs, naive Bayes
fitted by `python evals/fit_stance.py --write` on the tuning files: sentences of answers their labellers tagged
`wrong` against sentences of on-topic answers labelled 3-5. An answer whose two most wrong-sounding sentences
average above the threshold gets its most wrong-sounding one as a red flag, unless the patterns flagged it already.
"""

from __future__ import annotations

import itertools
import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from .red_flags import hedged, unquoted

MODEL_FILE = "stance_model.json"
MIN_FEATURES = 5  # a sentence with fewer words and pairs than this carries too little to judge ("Ship it.")
TOP = 2  # sentences averaged: one confident line is a style; two are a stance
_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?|\d+%?|[.,;:!?()\-–—]")
_NEGATIONS = frozenset(
    "not no never nor without don't doesn't didn't won't wouldn't shouldn't can't cannot isn't aren't wasn't".split()
)


def features(sentence: str) -> frozenset[str]:
    """A sentence's lower-cased words and adjacent word pairs; every figure reads as "#", and a word a negation
    governs reads as "~word": "don't push to all 420k at once" is not "push to all 420k at once"."""
    tokens: list[str] = []
    negated = False
    for m in _TOKEN.finditer(sentence.lower().replace("’", "'")):
        t = m.group()
        if not t[0].isalnum():  # punctuation or "but" ends a negation's reach
            negated = False
            continue
        if t == "but":
            negated = False
        word = "#" if t[0].isdigit() else t
        tokens.append(f"~{word}" if negated else word)
        negated = negated or t in _NEGATIONS
    return frozenset(tokens) | frozenset(f"{a}_{b}" for a, b in itertools.pairwise(tokens))


def judged(sentences: list[str]) -> list[tuple[str, frozenset[str]]]:
    """The sentences the model reads, with their features: not hedged, quotes removed, long enough."""
    out = []
    for sentence in sentences:
        own = unquoted(sentence)
        if hedged(own):
            continue
        if len(f := features(own)) >= MIN_FEATURES:
            out.append((sentence, f))
    return out


@dataclass(frozen=True)
class StanceModel:
    """Log-likelihood ratios of features (wrong over sound), and the answer score from which one is flagged."""

    weights: dict[str, float]
    threshold: float

    def score(self, f: frozenset[str]) -> float:
        """How wrong a sentence sounds: its features' summed ratios over the square root of their number."""
        return sum(self.weights.get(x, 0.0) for x in f) / math.sqrt(len(f)) if f else 0.0

    def answer_score(self, sentences: list[str]) -> tuple[float, str | None]:
        """The mean score of the TOP most wrong-sounding sentences, and the most wrong-sounding one (none for fewer)."""
        scored = sorted(((self.score(f), s) for s, f in judged(sentences)), key=lambda x: x[0], reverse=True)
        if len(scored) < TOP:  # a one-line answer is judged by the patterns alone
            return 0.0, None
        top = scored[:TOP]
        return sum(v for v, _ in top) / len(top), scored[0][1]


@lru_cache(maxsize=1)
def packaged() -> StanceModel:
    """The model shipped with the package."""
    raw = json.loads(files("interviewer").joinpath(MODEL_FILE).read_text(encoding="utf-8"))
    return StanceModel({k: float(v) for k, v in raw["weights"].items()}, float(raw["threshold"]))


def risky_sentence(sentences: list[str], flagged: set[str], model: StanceModel | None = None) -> str | None:
    """The sentence to red-flag as a wrong stance, if the answer reads as one and the patterns missed it."""
    m = model or packaged()
    value, top = m.answer_score(sentences)
    return top if value >= m.threshold and top is not None and top not in flagged else None
