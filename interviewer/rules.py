"""The deterministic rule-based grader: every keyless user's grader, and the floor under the LLM."""

from __future__ import annotations

from dataclasses import dataclass

from .features import Features, Hit, extract
from .schemas import Concept, DimensionScore, Grade, GradeFlag, Question, TopicRubric

QUOTE_WORDS = 22
_NUMERIC_DIMS = frozenset({"specificity", "sizing", "economics", "metrics_guardrails"})


@dataclass(frozen=True)
class Params:
    """Tunable constants, fitted on the dev split only (see evals/README.md)."""

    w_question: float = 0.5
    w_rubric: float = 0.35
    w_constraint: float = 0.15
    rubric_saturation: float = 2.0
    numbers_saturation: float = 4.0
    depth_words: float = 70.0
    depth_power: float = 0.35
    curve: float = 0.85
    cuts: tuple[float, float, float, float] = (1.7, 2.5, 3.3, 4.1)
    min_words: int = 12
    short_words: int = 30
    stuffed_reasoning: float = 0.35
    recitation_overlap: float = 0.3
    off_topic_overlap: float = 0.12


DEFAULT = Params()


def _quote(hit_sentence: str) -> str:
    parts = hit_sentence.split()
    return " ".join(parts[:QUOTE_WORDS])


def _mean_credit(hits: list[Hit]) -> float:
    return sum(h.credit for h in hits) / len(hits) if hits else 0.0


def _dimension_evidence(dim: str, f: Features, p: Params) -> tuple[float, list[Hit]]:
    q_hits = [h for h in f.question_hits if h.concept.dimension == dim]
    c_hits = [h for h in f.constraint_hits if h.concept.dimension in (dim, None)]
    r_hits = f.rubric_hits.get(dim, [])
    r_cov = min(1.0, sum(h.credit for h in r_hits) / p.rubric_saturation)
    if dim in _NUMERIC_DIMS:
        r_cov = max(r_cov, min(1.0, f.numbers / p.numbers_saturation) * 0.8)
    c_cov = _mean_credit(c_hits) if c_hits else _mean_credit(f.constraint_hits)
    if q_hits:
        e = p.w_question * _mean_credit(q_hits) + p.w_rubric * r_cov + p.w_constraint * c_cov
    else:
        e = (p.w_question + p.w_rubric) * r_cov + p.w_constraint * c_cov
    return min(1.0, e), q_hits + c_hits + r_hits


def _flags(f: Features, p: Params) -> list[GradeFlag]:
    if f.empty:
        return ["empty"]
    flags: list[GradeFlag] = []
    if f.function_ratio < 0.06 and f.n_words >= 4 and not any(h.credit for h in f.question_hits):
        flags.append("gibberish")
    topical = sum(h.credit > 0 for h in f.question_hits) + sum(
        h.credit > 0 for hs in f.rubric_hits.values() for h in hs
    )
    if f.question_overlap < p.off_topic_overlap and topical <= 1:
        flags.append("off_topic")
    if f.n_words < p.min_words:
        flags.append("too_short")
    concept_mentions = sum(h.credit > 0 or _bare_mention(h, f) for h in f.question_hits)
    if f.reasoning_share < p.stuffed_reasoning and concept_mentions >= 2:
        flags.append("keyword_stuffed")
    if f.kb_overlap >= p.recitation_overlap:
        flags.append("recitation")
    return flags


def _bare_mention(hit: Hit, f: Features) -> bool:
    from .text import find_phrase

    return any(find_phrase(hit.concept.phrases, s.lower) for s in f.sentences)


def _cap(flags: list[GradeFlag], f: Features, p: Params) -> int:
    if {"empty", "gibberish", "off_topic"} & set(flags):
        return 1
    if {"keyword_stuffed", "recitation", "too_short"} & set(flags):
        return 2
    if f.n_words < p.short_words:
        return 3
    return 5


def _to_int(raw: float, p: Params) -> int:
    return 1 + sum(raw >= c for c in p.cuts)


def grade_answer(
    question: Question, answer: str, rubric: TopicRubric, rubric_version: str, params: Params = DEFAULT
) -> Grade:
    """Score an answer on every dimension of its topic's rubric, with evidence, gaps and a tip."""
    rubric_concepts: dict[str, list[Concept]] = {d.id: list(d.concepts) for d in rubric.dimensions}
    f = extract(question, answer, rubric_concepts)
    flags = _flags(f, params)
    cap = _cap(flags, f, params)
    depth = min(1.0, (f.n_words * max(f.reasoning_share, 0.05)) / params.depth_words) ** params.depth_power
    dims: list[DimensionScore] = []
    raws: list[tuple[float, float]] = []
    for d in rubric.dimensions:
        e, hits = _dimension_evidence(d.id, f, params) if not f.empty else (0.0, [])
        raw = 1.0 + 4.0 * (e * depth) ** params.curve
        raws.append((raw, d.weight))
        best = max(hits, key=lambda h: h.credit, default=None)
        missing = [h.concept.label for h in hits if h.concept in question.concepts and h.credit < 0.5]
        score = min(cap, _to_int(raw, params))
        quote = _quote(best.sentence) if best and best.credit > 0 else ""
        dims.append(DimensionScore(dimension=d.id, name=d.name, score=score, evidence=quote, missing=missing))
    raw_overall = sum(r * w for r, w in raws) / sum(w for _, w in raws)
    overall = min(cap, _to_int(raw_overall, params))
    missing_all = [h.concept.label for h in f.question_hits + f.constraint_hits if h.credit < 0.5]
    return Grade(
        grader="rules",
        rubric_version=rubric_version,
        overall=overall,
        raw=round(min(5.0, max(1.0, raw_overall)), 3),
        dimensions=dims,
        missing=missing_all,
        tip=_tip(dims, rubric, missing_all, flags),
        citations=list(question.knowledge[:2]),
        flags=flags,
    )


def _tip(dims: list[DimensionScore], rubric: TopicRubric, missing: list[str], flags: list[GradeFlag]) -> str:
    if "empty" in flags:
        return "Give it a go, even a rough structure earns credit: state your assumption, then your first step."
    if "off_topic" in flags:
        return "Answer the question that was asked: restate it in one line, then build your answer on it."
    if "keyword_stuffed" in flags:
        return "Turn the list into reasoning: pick the two concepts that matter most here and say why and how."
    if "recitation" in flags:
        return "Apply the framework to this question's facts instead of reciting it: which row decides it, and why?"
    weakest = min(dims, key=lambda d: d.score)
    target = min(5, weakest.score + 1)
    anchor = rubric.dimension(weakest.dimension).anchors[target]
    extra = f" Here that means covering: {weakest.missing[0].lower()}." if weakest.missing else ""
    return f"{weakest.name} ({weakest.score}/5 → {target}/5): {anchor}{extra}"


class RuleGrader:
    """The Grader protocol over the packaged rubrics."""

    def __init__(self, params: Params = DEFAULT) -> None:
        self.params = params

    def grade(self, question: Question, answer: str) -> Grade:
        """Grade one answer with the rules."""
        from .knowledge import rubrics

        r = rubrics()
        return grade_answer(question, answer, r.topics[question.topic], r.version, self.params)
