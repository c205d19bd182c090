"""A fitted second opinion on off-topic answers: how little of the question's ask and rubric an answer touches.

The rules' off-topic checks read announced pivots ("the bigger issue is…") and low word reuse. An answer that takes
up another problem of the same business (pricing when metrics were asked, hiring when a model was) reuses the
business's words and announces nothing; what gives it away is everything at once: little of the ask reused, few
rubric concepts credited, on few dimensions, little talk of any AI feature (ai_talk.py), and an answer that is far in
meaning from the question and its ask (relevance.py). A logistic model over those features, fitted on labelled gold
answers by `python evals/fit_offtopic.py --write`, says how likely that is.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from .errors import RetrievalError
from .features import Features

MODEL_FILE = "offtopic_model.json"
MIN_WORDS = 60  # shorter on-topic answers (thin ones) touch as little of the rubric as a pivot does
NAMES = (
    "ask_reuse",
    "topic_reuse",
    "rubric_hits",
    "rubric_dims",
    "question_hits",
    "domain_share",
    "length",
    "constraint_hits",
    "ai_talk",
)
SIMILARITIES = ("question_similarity", "ask_similarity")  # last: read only when they can decide (off_topic)


def vector(f: Features) -> list[float]:
    """The model's inputs that cost no encoder run (NAMES), each scaled to about 0-1."""
    rubric = [sum(h.credit > 0 for h in hits) for hits in f.rubric_hits.values()]
    return [
        f.ask_reuse,
        f.topic_reuse,
        min(sum(rubric), 15) / 15,
        f.covered_dims / max(1, len(rubric)),
        min(sum(h.credit > 0 for h in f.question_hits), 5) / 5,
        f.domain_share,
        min(f.n_words, 400) / 400,
        min(sum(h.credit > 0 for h in f.constraint_hits), 4) / 4,
        f.ai_talk,
    ]


def similarity_vector(f: Features) -> list[float]:
    """The cosines (SIMILARITIES), kept within 0-1 so that off_topic can bound what they add before computing them."""
    return [min(1.0, max(0.0, s)) for s in f.similarity]


@dataclass(frozen=True)
class OffTopicModel:
    """Weights (NAMES, then SIMILARITIES), bias, and the probability from which an answer is called off-topic."""

    weights: tuple[float, ...]
    bias: float
    threshold: float

    def _cheap(self, f: Features) -> float:
        return self.bias + sum(w * x for w, x in zip(self.weights[: len(NAMES)], vector(f), strict=True))

    def probability(self, f: Features) -> float:
        """How likely the answer is about something other than what was asked."""
        z = self._cheap(f) + sum(w * x for w, x in zip(self.weights[len(NAMES) :], similarity_vector(f), strict=True))
        return _sigmoid(z)

    def may_flag(self, f: Features) -> bool:
        """Whether any cosines could take the probability to the threshold: if not, the encoder need not run."""
        return _sigmoid(self._cheap(f) + sum(max(0.0, w) for w in self.weights[len(NAMES) :])) >= self.threshold

    def must_flag(self, f: Features) -> bool:
        """Whether every cosine would leave the probability at the threshold or above."""
        return _sigmoid(self._cheap(f) + sum(min(0.0, w) for w in self.weights[len(NAMES) :])) >= self.threshold


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@lru_cache(maxsize=1)
def packaged() -> OffTopicModel:
    """The model shipped with the package."""
    raw = json.loads(files("interviewer").joinpath(MODEL_FILE).read_text(encoding="utf-8"))
    weights = raw["weights"]
    order = (*NAMES, *SIMILARITIES)
    return OffTopicModel(tuple(float(weights[n]) for n in order), float(raw["bias"]), float(raw["threshold"]))


def off_topic(f: Features, model: OffTopicModel | None = None) -> bool:
    """Whether the fitted model calls this answer off-topic."""
    m = model or packaged()
    if f.n_words < MIN_WORDS or not m.may_flag(f):
        return False
    try:
        return m.probability(f) >= m.threshold
    except RetrievalError:
        # the encoder's files are missing or altered (retrieval says so and goes on without passages): the grade goes
        # on too, calling off-topic only what the cosines could not save
        return m.must_flag(f)
