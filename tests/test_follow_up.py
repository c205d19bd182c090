"""How a follow-up answer changes the grade: it lifts what it probed, little else, and a reversal counts against."""

from __future__ import annotations

from interviewer.grading import merge_follow_up
from interviewer.knowledge import bank
from interviewer.rules import RuleGrader
from interviewer.schemas import DimensionScore, Grade, GradeFlag

DIMS = ("structure", "metrics_guardrails", "tradeoffs_risks", "ai_judgment", "specificity")


def _grade(overall: int, scores: tuple[int, ...], flags: list[GradeFlag] | None = None) -> Grade:
    return Grade(
        rubric_version="t",
        overall=overall,
        raw=float(overall),
        dimensions=[DimensionScore(dimension=d, name=d, score=s) for d, s in zip(DIMS, scores, strict=True)],  # type: ignore[arg-type]
        tip="t",
        flags=flags or [],
    )


def test_the_probed_dimension_rises_fully_the_rest_and_the_overall_by_one_point_at_most() -> None:
    merged = merge_follow_up(_grade(2, (3, 2, 2, 2, 1)), _grade(5, (5, 5, 5, 2, 4)), "metrics_guardrails")
    assert [d.score for d in merged.dimensions] == [4, 5, 3, 2, 2]
    assert merged.overall == 3 and merged.raw == 3.0


def test_a_weaker_combined_grade_lowers_nothing_without_a_red_flag() -> None:
    merged = merge_follow_up(_grade(4, (4, 4, 4, 4, 4)), _grade(3, (3, 5, 3, 3, 3)), "metrics_guardrails")
    assert [d.score for d in merged.dimensions] == [4, 5, 4, 4, 4] and merged.overall == 4


def test_a_follow_up_that_takes_a_red_flag_stance_lowers_the_grade() -> None:
    merged = merge_follow_up(_grade(4, (4, 4, 4, 4, 4)), _grade(2, (2, 5, 3, 2, 4), ["red_flag"]), "metrics_guardrails")
    assert [d.score for d in merged.dimensions] == [2, 4, 3, 2, 4] and merged.overall == 2
    assert "red_flag" in merged.flags


def test_with_the_rule_grader_a_reversal_is_marked_down_and_named_in_the_tip() -> None:
    question = next(q for q in bank().questions if q.id == "launch-14")  # the fast-track claims launch
    main = (
        "I'd avoid a plain 50/50 test on payouts. First I'd run the model in shadow mode on 8 weeks of claims to "
        "compare its fast-track decisions with adjusters, then do a staggered rollout by region, starting with 10% "
        "of low-risk claims in one region. Guardrails are fraud rate, overpayment and loss ratio, tracked on the "
        "90-day cohort."
    )
    reversal = (
        "Actually, thinking again, I'd skip the shadow phase and the adjuster checks and just launch to everyone on "
        "day one; fraud doesn't matter at this size."
    )
    grader = RuleGrader()
    before = grader.grade(question, main)
    after = merge_follow_up(before, grader.grade(question, f"{main}\n{reversal}"), question.probes[0].dimension)
    assert after.overall < before.overall
    assert "skip the shadow phase" in after.tip
