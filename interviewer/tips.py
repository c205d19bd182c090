"""The tip under a rule-based grade: one next step, in the words of what capped or weakened the answer."""

from __future__ import annotations

from .features import Features
from .schemas import DimensionScore, GradeFlag, TopicRubric
from .stance import risky_sentence

QUOTE_WORDS = 22

# flags whose tip says what capped the answer, not which dimension to lift
TIP_FLAGS = frozenset(
    {"empty", "off_topic", "gibberish", "too_short", "keyword_stuffed", "generic", "vague", "recitation"}
)
_RED_FLAG_ADVICE = {
    "dismisses_safeguard": "waving off a safeguard is what interviewers probe first; say what you would keep, and why",
    "overclaims": "a certainty nothing in the question supports; state the assumption and how you would check it",
    "big_bang": "everyone at once; stage it (pilot, then a percentage) with a metric that triggers a rollback",
    "vanity_metric": "activity is not success; pick an outcome metric and a guardrail against its side effects",
    "no_human": "a high-stakes action with nobody in the loop; add human review and an appeal path",
    "exposes_data": "sensitive identifiers as training data; minimise, mask or keep them out, and say where data stays",
    "from_scratch": "a model of your own trained from scratch; start from a pretrained or hosted model and say what "
    "evidence would justify more",
    "memorised_facts": "facts a model is to memorise go stale and cannot be cited; retrieve them, and fine-tune for "
    "form only",
    "risky_stance": "interviewers push back on confident calls like this; if it is deliberate, say what evidence backs "
    "it and what you would check or keep in place first",
}


def tip_for(dims: list[DimensionScore], rubric: TopicRubric, flags: list[GradeFlag], f: Features) -> str:
    """The one next step for this answer: what its cap says first, else its weakest dimension's next anchor."""
    if "empty" in flags:
        return "Give it a go, even a rough structure earns credit: state your assumption, then your first step."
    if "off_topic" in flags or "gibberish" in flags:
        return "Answer the question that was asked: restate it in one line, then build your answer on it."
    if "too_short" in flags:
        return "Say more: one line can't show your reasoning. Give your approach, a metric with a number, and a risk."
    if "keyword_stuffed" in flags:
        return "Turn the list into reasoning: pick the two concepts that matter most here and say why and how."
    if "generic" in flags:
        return "Tie it to this question: name its product, its users and its constraints, then decide on them."
    if "vague" in flags:
        return (
            f"Cut the stock phrases (“{f.stock_phrase}”) and say what you would do here: a decision, a metric "
            "with a number, a trade-off and what it costs."
        )
    if "recitation" in flags:
        return "Apply the framework to this question's facts instead of reciting it: which row decides it, and why?"
    if f.red_flags:
        return red_flag_tip(f.red_flags[0].kind, f.red_flags[0].sentence)
    if risky := risky_sentence([s.text for s in f.sentences]):  # advice only: the grade is the patterns'
        return red_flag_tip("risky_stance", risky)
    return dimension_tip(dims, rubric)


def cut_quote(sentence: str) -> tuple[str, bool]:
    """A sentence's first QUOTE_WORDS words, and whether it goes on after them."""
    words = sentence.split()
    return " ".join(words[:QUOTE_WORDS]), len(words) > QUOTE_WORDS


def red_flag_tip(kind: str, sentence: str) -> str:
    """The tip for a red-flag sentence: quote it, say why interviewers stop on it."""
    quote, cut = cut_quote(sentence)
    return f"Rethink “{quote}{' …' if cut else ''}”: {_RED_FLAG_ADVICE[kind]}."


def dimension_tip(dims: list[DimensionScore], rubric: TopicRubric) -> str:
    """The next anchor of the weakest dimension, with what this question needs for it."""
    weakest = min(dims, key=lambda d: d.score)
    if weakest.score >= 5:
        return "Every dimension is at 5/5: keep this shape, and practise saying it in about two minutes."
    # Anchors 1-2 describe weak answers; aiming a tip at them reads as advice to write one. Aim at 3+.
    target = min(5, max(3, weakest.score + 1))
    anchor = rubric.dimension(weakest.dimension).anchors[target]
    extra = f" Here that means covering: {weakest.missing[0].lower()}." if weakest.missing else ""
    return f"{weakest.name} ({weakest.score}/5 → {target}/5): {anchor}{extra}"
