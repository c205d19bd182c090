"""A learned second opinion on red flags: sentences that read like a confidently wrong stance.

The patterns in red_flags.py catch the wordings they were written for ("no need for an A/B test"); a confidently
wrong answer says the same thing in new words ("a gradual rollout just delays the savings", "once it is trained on
our orders it won't hallucinate allergens"). This model scores each sentence's words and word pairs, naive Bayes
fitted by `python evals/fit_stance.py --write` on the tuning files: sentences of answers their labellers tagged
`wrong` against sentences of the other answers labelled 3-5. When an answer's two most wrong-sounding sentences average
at least the threshold and the patterns found no red flag, the tip quotes the most wrong-sounding one (tips.py). It is
advice only and never moves the grade: it reads words, not reasoning, so a sound sentence in the words of wrong answers
("we don't need to hire ML researchers") can be quoted, hence the tip's wording ("interviewers push back on confident
calls like this; if it is deliberate, …"). Graded, it moved held-out wrong answers towards gold but pushed `test`'s
under-scoring past CI's bound (evals/README.md, grader item 27).
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
# words (letters of any script, inner hyphens and apostrophes kept: "auto-deny", "don't"), figures ("12,000", "4.5%",
# "420k") and the marks that end a negation's reach
_TOKEN = re.compile(r"[^\W\d_]+(?:['-][^\W\d_]+)*|\d[\d,.]*(?:%|[^\W\d_]+)?|[.,;:!?()–—]|\s-\s")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'"})
_NEGATIONS = frozenset(
    "not no never nor without none nobody neither don't dont doesn't doesnt didn't didnt won't wont wouldn't wouldnt "
    "shouldn't shouldnt can't cant cannot couldn't couldnt isn't isnt aren't arent wasn't wasnt weren't haven't "
    "hasn't hadn't needn't mustn't".split()
)
# a new clause ends it too: "we don't need a consent flow because the data never leaves" asserts the second half
_CLAUSE = frozenset("but because since so which while although though whereas and then".split())


def features(sentence: str) -> frozenset[str]:
    """A sentence's lower-cased words and adjacent word pairs; every figure reads as "#", and a word a negation
    governs (up to punctuation or a new clause) reads as "~word": "don't push to all 420k at once" is not "push to
    all 420k at once"."""
    tokens: list[str] = []
    negated = False
    for m in _TOKEN.finditer(sentence.lower().translate(_APOSTROPHES)):
        t = m.group()
        if not t[0].isalnum():
            negated = False
            continue
        if t in _CLAUSE:
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


def risky_sentence(sentences: list[str], model: StanceModel | None = None) -> str | None:
    """The sentence to quote as a wrong-sounding stance, if the answer reads as one."""
    m = model or packaged()
    value, top = m.answer_score(sentences)
    return top if value >= m.threshold else None
