"""The Grader protocol and the one way an answer is graded: guarded text in, flagged grade out."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Protocol

from .input_guard import GuardedAnswer
from .red_flags import find as find_red_flags
from .schemas import DimensionScore, Grade, Question, TopicRubric
from .text import canonical, sentences
from .tips import TIP_FLAGS, dimension_tip, red_flag_tip


class Grader(Protocol):
    """Anything that grades an answer to a question."""

    def grade(self, question: Question, answer: str, touched: Collection[str] = ()) -> Grade:
        """Grade one answer; `touched`: what the input guard left of lines it cut (leaning.py), for the rule grade."""
        ...


def grade_guarded(grader: Grader, question: Question, guarded: GuardedAnswer) -> Grade:
    """Grade guarded text; a grade whose answer had grader-directed text removed says so in its flags."""
    grade = grader.grade(question, guarded.text, guarded.touched)
    if guarded.injection and "injection_ignored" not in grade.flags:
        grade = grade.model_copy(update={"flags": [*grade.flags, "injection_ignored"]})
    return grade


# the stances that take a plan back ("I'd skip the shadow phase after all", "launch to everyone on day one"); a
# certainty or a metric claim in a reply is graded with it, not treated as a reversal ("privacy is not optional")
REVERSALS = frozenset({"dismisses_safeguard", "big_bang", "no_human"})


def merge_follow_up(
    before: Grade,
    combined: Grade,
    reply: str,
    probed: str | None,
    rubric: TopicRubric,
    shown: Mapping[str, DimensionScore] | None = None,
) -> Grade:
    """The grade after a follow-up, from the main answer's grade and main + follow-up graded together.

    A follow-up answers one narrower question, so it can lift the dimension it probed to what the two answers
    show together, every other dimension and the overall by one point at most: a strong reply does not turn a
    fluff answer into a 5. A reply that itself takes back a safeguard ("I'd skip the shadow phase after all")
    lowers a rule grade by a point at least and the tip names it; with a model grade it lifts nothing, and the
    model's own lower grade stands.
    """
    reversal = [f for f in find_red_flags(sentences(canonical(reply))) if f.kind in REVERSALS]
    if reversal:
        dims = [min(c, b, key=lambda d: d.score) for c, b in zip(combined.dimensions, before.dimensions, strict=True)]
        if combined.grader != "rules":  # a model read the reply: its grade stands where it is lower, never higher
            return combined.model_copy(update={"dimensions": dims, "overall": min(combined.overall, before.overall)})
        overall = max(1, min(combined.overall, before.overall - 1))
        return combined.model_copy(
            update={
                "dimensions": dims,
                "overall": overall,
                "raw": min(combined.raw, before.raw, float(overall)),
                "flags": list(dict.fromkeys([*combined.flags, "red_flag"])),
                "tip": red_flag_tip(reversal[0].kind, reversal[0].sentence),
            }
        )
    dims = [_lifted(c, b, probed, shown) for c, b in zip(combined.dimensions, before.dimensions, strict=True)]
    rose = any(d.score > b.score for d, b in zip(dims, before.dimensions, strict=True))
    update: dict[str, object] = {  # the overall rises only with a dimension that the reply lifted
        "dimensions": dims,
        "overall": min(max(before.overall, combined.overall), before.overall + 1) if rose else before.overall,
        "raw": min(max(before.raw, combined.raw), before.raw + 1.0) if rose else before.raw,
    }
    flag_tip = set(combined.flags) & {*TIP_FLAGS, "red_flag"}  # a tip about what capped or marked the answer stays
    if combined.grader == "rules" and dims != combined.dimensions and not flag_tip:
        update["tip"] = dimension_tip(dims, rubric)  # its "3/5 → 4/5" must read off the scores shown with it
    return combined.model_copy(update=update)


def _lifted(
    c: DimensionScore, b: DimensionScore, probed: str | None, shown: Mapping[str, DimensionScore] | None
) -> DimensionScore:
    """One dimension after a follow-up: never lower; the probed one up to the combined score, others by one point.

    `shown` (rule grades) holds the dimensions the reply alone earns a quote for: elsewhere the reply showed nothing,
    so the probed one rises one point at most and any other not at all (an exploratory test saw "Market sizing 2/5 →
    3/5", quoting nothing, after a reply about a misheard prescription number). A dimension the reply lifts quotes
    the reply; and a reply quoted for the probed dimension lifts it a point even when the two answers read together
    score no higher (a second exploratory test's reply to "Who exactly are the users?" changed nothing).
    """
    seen = shown is None or c.dimension in shown
    own = shown.get(c.dimension) if shown is not None else None
    # a reply graded alone answers the whole question with a few lines, so it rarely scores above the first answer:
    # the point needs a quote for the probed dimension from an uncapped reply that scores 2 or more on it (the
    # follow-up probe: 68 of 105 good replies, 0 of 30 off-topic ones), and the two answers read together no lower
    if own is not None and c.dimension == probed and c.score == b.score < 5 and own.score >= 2:
        c = c.model_copy(update={"score": b.score + 1})
    cap = (c.score if seen else b.score + 1) if c.dimension == probed else b.score + int(seen)
    if c.score <= b.score or cap <= b.score:
        # the score stands, but what is still missing is what both answers together lack: the reply may have
        # covered it (an exploratory test's tip asked for what the reply had just covered)
        return (
            b if b.missing == c.missing else b.model_copy(update={"missing": [m for m in b.missing if m in c.missing]})
        )
    lifted = c if c.score <= cap else c.model_copy(update={"score": cap})
    return lifted.model_copy(update={"evidence": own.evidence, "evidence_cut": own.evidence_cut}) if own else lifted


def unanswered(before: Grade) -> Grade:
    """The grade before a follow-up whose reply answered something else: it stands, and the tip says why."""
    tip = (
        "Your reply seems to be about something else than the follow-up, so the grade stays as it was: answer what "
        f"it asks, in a few lines, with this question's facts. On your first answer: {before.tip}"
    )
    return before.model_copy(update={"flags": [*before.flags, "reply_off_topic"], "tip": tip})
