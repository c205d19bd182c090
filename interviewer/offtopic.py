"""A fitted second opinion on off-topic answers: how little of the question's ask and rubric an answer touches.

The rules' off-topic checks read announced pivots ("the bigger issue is…") and low word reuse. An answer that takes
up another problem of the same business (pricing when metrics were asked, hiring when a model was) reuses the
business's words and announces nothing; what gives it away is everything at once: little of the ask reused, few
rubric concepts credited, on few dimensions, little talk of any AI feature (ai_talk.py). A logistic model over those
features, fitted on labelled gold answers by `python evals/fit_offtopic.py --write`, says how likely that is.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

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


def vector(f: Features) -> list[float]:
    """The model's inputs, each scaled to about 0-1."""
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


@dataclass(frozen=True)
class OffTopicModel:
    """Weights (in NAMES order), bias, and the probability from which an answer is called off-topic."""

    weights: tuple[float, ...]
    bias: float
    threshold: float

    def probability(self, f: Features) -> float:
        """How likely the answer is about something other than what was asked."""
        z = self.bias + sum(w * x for w, x in zip(self.weights, vector(f), strict=True))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@lru_cache(maxsize=1)
def packaged() -> OffTopicModel:
    """The model shipped with the package."""
    raw = json.loads(files("interviewer").joinpath(MODEL_FILE).read_text(encoding="utf-8"))
    weights = raw["weights"]
    return OffTopicModel(tuple(float(weights[n]) for n in NAMES), float(raw["bias"]), float(raw["threshold"]))


def off_topic(f: Features, model: OffTopicModel | None = None) -> bool:
    """Whether the fitted model calls this answer off-topic."""
    m = model or packaged()
    return f.n_words >= MIN_WORDS and m.probability(f) >= m.threshold
