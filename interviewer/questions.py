"""Choosing questions: filtered seeded draws from the bank, and the user's own questions."""

from __future__ import annotations

import random
import re

from .errors import ConfigError
from .features import question_terms
from .knowledge import bank, rubrics
from .schemas import TOPICS, Concept, Probe, Question, Topic
from .text import clean

CLOSEST_MIN_SIMILARITY = 0.2


def draw(
    n: int,
    role: str | None = None,
    topic: str | None = None,
    difficulty: str | None = None,
    seed: int | None = None,
) -> list[Question]:
    """Pick n distinct questions matching the filters; the same seed gives the same draw."""
    pool = [
        q
        for q in bank().questions
        if (role is None or role in q.roles)
        and (topic is None or q.topic == topic)
        and (difficulty is None or q.difficulty == difficulty)
    ]
    if not pool:
        raise ConfigError(
            "No question matches those filters.",
            hint="Loosen --role/--topic/--difficulty (run `interviewer questions` to see what exists).",
        )
    rng = random.Random(seed)
    picked = rng.sample(pool, k=min(n, len(pool)))
    if topic is None and len(picked) > 1:
        picked = _spread_topics(picked, pool, rng)
    return picked


def _spread_topics(picked: list[Question], pool: list[Question], rng: random.Random) -> list[Question]:
    """Prefer one question per topic before repeating a topic, so a short mock covers ground."""
    by_topic: dict[str, list[Question]] = {}
    for q in rng.sample(pool, k=len(pool)):
        by_topic.setdefault(q.topic, []).append(q)
    order: list[Question] = []
    while len(order) < len(picked):
        for qs in by_topic.values():
            if qs and len(order) < len(picked):
                order.append(qs.pop())
    return order


def _similarity(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def closest(text: str, topic: str | None = None) -> tuple[Question | None, float]:
    """The bank question most similar in wording to `text` (within a topic if given)."""
    terms = question_terms(text)
    best: tuple[Question | None, float] = (None, 0.0)
    for q in bank().questions:
        if topic is not None and q.topic != topic:
            continue
        sim = _similarity(terms, question_terms(q.text))
        if sim > best[1]:
            best = (q, sim)
    return best


_TOPIC_CUES: dict[str, tuple[str, ...]] = {
    "product_sense": (
        "design a",
        "design an",
        "market size",
        "size the",
        "tam",
        "opportunity",
        "who is it for",
        "mvp",
        "what would you build",
        "improve",
    ),
    "metrics": ("metric", "measure", "kpi", "north star", "success look", "dashboard", "how would you know"),
    "ai_strategy": (
        "build or buy",
        "build vs",
        "buy or build",
        "fine-tun",
        "vendor",
        "prioriti",
        "roadmap",
        "open-weight",
        "self-host",
        "api or",
        "which model",
        "strategy",
        # a pricing question is graded on economics, not market sizing (an exploratory test, session 14)
        "price",
        "pricing",
        "monetis",
        "monetiz",
        "business model",
        "business case",
    ),
    "launch": ("launch", "rollout", "roll out", "roll-out", "ship", "a/b", "beta", "canary", "go-live", "rollback"),
    "responsible_ai": (
        "responsible",
        "bias",
        "fairness",
        "regulat",
        "eu ai act",
        "privacy",
        "safety",
        "ethic",
        "harm",
        "compliance",
        "consent",
        "misuse",
    ),
}


def infer_topic(text: str) -> Topic:
    """Guess a question's topic from topic cue phrases, rubric signals and the closest bank question."""
    lower = text.lower()
    scores: dict[str, float] = {t: 0.0 for t in TOPICS}
    for t, cues in _TOPIC_CUES.items():
        scores[t] += 3.0 * sum(re.search(r"(?<![a-z0-9])" + re.escape(c), lower) is not None for c in cues)
    for t, tr in rubrics().topics.items():
        for d in tr.dimensions:
            if d.id == "structure":
                continue
            for c in d.concepts:
                if any(re.search(r"(?<![a-z0-9])" + re.escape(p), lower) for p in c.phrases):
                    scores[t] += 1.0
    q, sim = closest(text)
    if q is not None:
        scores[q.topic] += 10 * sim
    return max(TOPICS, key=lambda t: scores[t])


def custom_question(text: str, topic: str | None = None) -> Question:
    """Build a gradable question from the user's own text, borrowing from the closest bank question."""
    text = " ".join(clean(text).split())[:2000]
    if len(text) < 20:
        raise ConfigError("That question is too short to grade against.", hint="Write the full question.")
    t: Topic = topic if topic in TOPICS else infer_topic(text)
    rubric = rubrics().topics[t]
    near, sim = closest(text, t)
    concepts: list[Concept] = list(near.concepts) if near is not None and sim >= CLOSEST_MIN_SIMILARITY else []
    if len(concepts) < 3:
        concepts = [
            Concept(id=f"{d.id}-{c.id}", label=c.label, phrases=c.phrases, dimension=d.id)
            for d in rubric.dimensions
            for c in d.concepts[:1]
        ]
    asked = [d for d in rubric.dimensions if d.id != "structure"][:3]  # a question holds at most three follow-ups
    probes = [Probe(dimension=d.id, text=FOLLOW_UPS[d.id]) for d in asked]
    knowledge = list(near.knowledge) if near is not None else ["Quick Reference"]
    return Question(
        id="custom",
        text=text,
        roles=["ai_pm", "technical_pm", "ml_platform_pm", "ai_strategy_pm"],
        topic=t,
        difficulty="medium",
        concepts=concepts,
        constraints=derived_constraints(text),
        probes=probes,
        knowledge=knowledge,
    )


# what an interviewer asks next about a dimension, for a question the bank has no follow-ups for
FOLLOW_UPS: dict[str, str] = {
    "user_problem": "Who exactly are the users here, and which of their problems would you solve first?",
    "sizing": "Roughly how big is this opportunity? Walk me through the arithmetic and your assumptions.",
    "ai_judgment": "Why is AI the right tool here rather than rules, and how would you know the model is good enough?",
    "metrics_guardrails": "What is your primary success metric, and which guardrail metric would make you roll back?",
    "tradeoffs_risks": "What is the biggest risk in your plan, and what would you trade off to reduce it?",
    "specificity": "Put numbers on it: which thresholds, volumes or timelines would you commit to?",
    "economics": "What does this cost at the volume you expect, and how does that change your choice?",
    "recommendation": "If you had to decide today, what would you choose, and what would change your mind?",
    "governance": "Which regulations or oversight apply here, and who is accountable when it goes wrong?",
}


_NUMBER = re.compile(r"(?<![\w.])\$?(\d[\d,]*(?:\.\d+)?)\s?(%|k\b|m\b|b\b|million\b|billion\b|x\b)?", re.IGNORECASE)
_SCALE = {"k": ",000", "m": " million", "b": " billion"}
_SENSITIVE = re.compile(
    r"patient|health|medical|clinic|hipaa|financ|bank|lend|insur|legal|lawyer|privileged|children|minor|kids|"
    r"student|aged 1|pii|personal data|gdpr|confidential|government|citizen|regulated|salary|payroll|employee data",
    re.IGNORECASE,
)
PRIVACY_PHRASES = [
    "privacy",
    "sensitive",
    "pii",
    "hipaa",
    "gdpr",
    "compliance",
    "on-prem",
    "self-host",
    "residency",
    "encrypt",
    "anonymi",
    "de-identif",
    "redact",
    "consent",
    "data leaves",
    "vpc",
    "access control",
    "retention",
    "mask",
    "regulat",
    "audit",
]


def _variants(value: str, unit: str | None) -> list[str]:
    plain = value.replace(",", "")
    if not unit:
        return sorted({value, plain}, key=len, reverse=True)
    u = unit.lower()
    out = {f"{value}{u}", f"{plain}{u}", f"{plain}{_SCALE.get(u, u)}"}
    return sorted(out, key=len, reverse=True)


def derived_constraints(text: str) -> list[Concept]:
    """Facts a user's own question states (figures, sensitive data) that a strong answer should use."""
    out: list[Concept] = []
    if _SENSITIVE.search(text):
        out.append(
            Concept(id="data-sensitivity", label="Addresses the stated data sensitivity", phrases=PRIVACY_PHRASES)
        )
    for i, m in enumerate(_NUMBER.finditer(text)):
        value, unit = m.group(1), m.group(2)
        if len(value.replace(",", "")) < 2 and not unit:
            continue  # "3 options", "2 ML engineers": too common to signal engagement
        out.append(
            Concept(
                id=f"figure-{i}", label=f"Uses the stated figure {m.group(0).strip()}", phrases=_variants(value, unit)
            )
        )
    return out[:4]
