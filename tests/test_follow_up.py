"""How a follow-up reply changes the grade: it lifts what it probed, little else, and a reversal counts against."""

from __future__ import annotations

from interviewer.grading import merge_follow_up
from interviewer.knowledge import bank, rubrics
from interviewer.rules import RuleGrader
from interviewer.schemas import DimensionScore, Grade, GradeFlag

DIMS = ("structure", "metrics_guardrails", "tradeoffs_risks", "ai_judgment", "specificity")
LAUNCH = rubrics().topics["launch"]
SOUND_REPLY = "I'd add a p95 latency guardrail of 800 ms and roll back if it holds above that for an hour."


def _grade(
    overall: int, scores: tuple[int, ...], flags: list[GradeFlag] | None = None, grader: str = "rules", quote: str = ""
) -> Grade:
    return Grade(
        grader=grader,  # type: ignore[arg-type]
        rubric_version="t",
        overall=overall,
        raw=float(overall),
        dimensions=[
            DimensionScore(dimension=d, name=d, score=s, evidence=quote)  # type: ignore[arg-type]
            for d, s in zip(DIMS, scores, strict=True)
        ],
        tip="combined tip",
        flags=flags or [],
    )


def _quoted(dimension: str, quote: str = "I'd add a p95 latency guardrail of 800 ms", score: int = 3) -> DimensionScore:
    return DimensionScore(dimension=dimension, name=dimension, score=score, evidence=quote)  # type: ignore[arg-type]


def test_the_probed_dimension_rises_fully_the_rest_and_the_overall_by_one_point_at_most() -> None:
    before, combined = _grade(2, (3, 2, 2, 2, 1)), _grade(5, (5, 5, 5, 2, 4))
    merged = merge_follow_up(before, combined, SOUND_REPLY, "metrics_guardrails", LAUNCH)
    assert [d.score for d in merged.dimensions] == [4, 5, 3, 2, 2]
    assert merged.overall == 3 and merged.raw == 3.0
    assert merged.tip.startswith("ai_judgment (2/5 → 3/5)")  # the tip reads off the scores shown, not the combined


def test_a_dimension_the_reply_shows_nothing_for_rises_only_if_probed_and_by_one() -> None:
    # an exploratory test (session 13): "Market sizing 2/5 → 3/5", quoting nothing, after a reply about a misheard
    # prescription number; and a probed dimension 3/5 → 5/5 that quoted the first answer's thin sentence
    before, combined = _grade(2, (3, 2, 2, 2, 1)), _grade(4, (5, 5, 5, 2, 4))
    merged = merge_follow_up(before, combined, SOUND_REPLY, "metrics_guardrails", LAUNCH, shown={})
    assert [d.score for d in merged.dimensions] == [3, 3, 2, 2, 1]
    some = merge_follow_up(
        before, combined, SOUND_REPLY, "metrics_guardrails", LAUNCH, {"structure": _quoted("structure")}
    )
    assert [d.score for d in some.dimensions] == [4, 3, 2, 2, 1]
    with_a_model = merge_follow_up(
        _grade(2, (3, 2, 2, 2, 1), grader="llm"),
        _grade(4, (5, 5, 5, 2, 4), grader="llm"),
        SOUND_REPLY,
        "metrics_guardrails",
        LAUNCH,
    )
    assert [d.score for d in with_a_model.dimensions] == [4, 5, 3, 2, 2]  # a model's quotes are its own choice


def test_a_score_that_stands_after_a_reply_keeps_only_what_both_answers_still_lack() -> None:
    # an exploratory test (session 14): "Missing" emptied after the reply, but the tip still asked for its first item
    def with_missing(g: Grade, missing: list[str]) -> Grade:
        dims = [d.model_copy(update={"missing": missing}) for d in g.dimensions]
        return g.model_copy(update={"dimensions": dims})

    before = with_missing(_grade(2, (3, 2, 2, 2, 1)), ["separates offline and online evaluation layers"])
    combined = with_missing(_grade(4, (5, 5, 5, 2, 4)), [])
    merged = merge_follow_up(before, combined, SOUND_REPLY, "metrics_guardrails", LAUNCH, shown={})
    assert all(d.missing == [] for d in merged.dimensions)
    assert "covering" not in merged.tip


def test_a_reply_quoted_for_the_probed_dimension_lifts_it_a_point_and_the_quote_is_the_replys() -> None:
    # an exploratory test (session 14): an on-point reply to "Who exactly are the users?" changed nothing, since the
    # two answers read together scored no higher; and a dimension that rose still quoted the first answer
    before = _grade(3, (3, 3, 3, 3, 3), quote="first answer")
    combined = _grade(3, (3, 3, 3, 3, 3), quote="first answer")
    said = "The users are lawyers at solo practices"
    merged = merge_follow_up(
        before,
        combined,
        SOUND_REPLY,
        "tradeoffs_risks",
        LAUNCH,
        {"tradeoffs_risks": _quoted("tradeoffs_risks", said, 2)},
    )
    lifted = {d.dimension: d for d in merged.dimensions}
    assert lifted["tradeoffs_risks"].score == 4 and lifted["tradeoffs_risks"].evidence == said
    assert [d.score for d in merged.dimensions] == [3, 3, 4, 3, 3] and merged.overall == 3
    # a review: a reply that scores 1 on its own ("I'd weigh the tradeoffs and risks here.") lifts nothing
    weak = {"tradeoffs_risks": _quoted("tradeoffs_risks", "I'd weigh the tradeoffs and risks here.", 1)}
    for shown in ({}, weak):
        assert [
            d.score for d in merge_follow_up(before, combined, SOUND_REPLY, "tradeoffs_risks", LAUNCH, shown).dimensions
        ] == [3] * 5
    lower = _grade(3, (3, 3, 2, 3, 3))  # nor when the two answers read together score lower
    strong = {"tradeoffs_risks": _quoted("tradeoffs_risks", said, 5)}
    assert [
        d.score for d in merge_follow_up(before, lower, SOUND_REPLY, "tradeoffs_risks", LAUNCH, strong).dimensions
    ] == [3] * 5


def test_a_weaker_combined_grade_lowers_nothing_without_a_reversal() -> None:
    before, combined = _grade(4, (4, 4, 4, 4, 4)), _grade(3, (3, 5, 3, 3, 3), ["red_flag"])
    # the red flag is the main answer's own (graded again with the reply): the reply is sound
    merged = merge_follow_up(before, combined, SOUND_REPLY, "metrics_guardrails", LAUNCH)
    assert [d.score for d in merged.dimensions] == [4, 5, 4, 4, 4] and merged.overall == 4


def test_a_reply_that_takes_back_a_safeguard_lowers_a_rule_grade_and_the_tip_names_it() -> None:
    reply = "Actually, I'd skip the shadow phase and launch to everyone on day one."
    before, combined = _grade(4, (4, 4, 4, 4, 4)), _grade(4, (4, 5, 4, 4, 4))
    merged = merge_follow_up(before, combined, reply, "metrics_guardrails", LAUNCH)
    assert merged.overall == 3 and max(d.score for d in merged.dimensions) == 4
    assert "red_flag" in merged.flags and "skip the shadow phase" in merged.tip


def test_with_a_model_a_reversal_keeps_the_models_lower_grade_and_never_lifts() -> None:
    reply = "Actually, I'd skip the shadow phase and launch to everyone on day one."
    before = _grade(4, (4, 4, 4, 4, 4), grader="llm")
    lowered = merge_follow_up(before, _grade(2, (2, 3, 2, 2, 2), grader="llm"), reply, "metrics_guardrails", LAUNCH)
    assert lowered.overall == 2 and lowered.tip == "combined tip"  # the model's own verdict and words
    lifted = merge_follow_up(before, _grade(5, (5, 5, 5, 5, 5), grader="llm"), reply, "metrics_guardrails", LAUNCH)
    assert lifted.overall == 4 and [d.score for d in lifted.dimensions] == [4, 4, 4, 4, 4]


def test_a_firm_principle_in_a_reply_is_not_a_reversal() -> None:
    reply = "Privacy is not an afterthought: we run a DPIA before the pilot and keep transcripts for 30 days."
    before, combined = _grade(4, (4, 4, 4, 4, 4)), _grade(5, (4, 5, 4, 4, 4))
    merged = merge_follow_up(before, combined, reply, "metrics_guardrails", LAUNCH)
    assert merged.overall == 5 and "red_flag" not in merged.flags


def test_a_sound_reply_that_mentions_a_rise_in_reopens_is_not_a_reversal() -> None:
    reply = "A spike in reopened claims right after launch is a good signal to pause the rollout in that region."
    before, combined = _grade(4, (5, 4, 3, 4, 4)), _grade(4, (5, 4, 4, 4, 4))
    merged = merge_follow_up(before, combined, reply, "tradeoffs_risks", LAUNCH)
    assert merged.overall == 4 and [d.score for d in merged.dimensions] == [5, 4, 4, 4, 4]


def test_with_the_rule_grader_a_reversal_is_marked_down_and_named_in_the_tip() -> None:
    question = next(q for q in bank().questions if q.id == "launch-14")  # the fast-track claims launch
    main = (
        "I'd avoid a plain 50/50 test on payouts. First I'd run the model in shadow mode on 8 weeks of claims to "
        "compare its fast-track decisions with adjusters, then do a staggered rollout by region, starting with 10% "
        "of low-risk claims in one region. Guardrails are fraud rate, overpayment and loss ratio, tracked on the "
        "90-day cohort."
    )
    reversal = "Actually, thinking again, I'd skip the shadow phase and just launch to everyone on day one."
    grader = RuleGrader()
    before = grader.grade(question, main)
    combined = grader.grade(question, f"{main}\n{reversal}")
    after = merge_follow_up(before, combined, reversal, question.probes[0].dimension, LAUNCH)
    assert after.overall < before.overall
    assert "skip the shadow phase" in after.tip


# an answer pasted from another question (an exploratory test pasted a whole telecom-chatbot answer as a reply)
OFF_TOPIC_REPLY = (
    "For the playlist generator I'd make saved playlists per weekly listener the north star, since a playlist only "
    "matters if someone keeps it. Under that: skip rate in the first 30 seconds of each track, the share of "
    "generated playlists edited before saving, and how many listeners come back to a generated playlist in the next "
    "week. Guardrails: explicit tracks never reach family accounts, and artist diversity stays at least where the "
    "editorial playlists are today, so new artists keep getting heard. I'd compare against the editorial playlists "
    "with a 10% holdout for six weeks, and review a sample of playlists with the editors every Friday."
)


def _replied(main: str, reply: str) -> tuple[dict[str, object], dict[str, object], str]:
    from interviewer import store
    from interviewer.config import Settings
    from interviewer.session import Interview
    from interviewer.state import Context

    question = next(q for q in bank().questions if q.id == "launch-14")
    with store.open_db(Settings().db_path) as conn:
        interview, _ = Interview.start(conn, Context(grader=RuleGrader()), [question], "t")
        interview.answer(main)
        follow_up = interview.state()["pending"]["text"]
        interview.answer(reply)
        first, second = interview.state()["turns"][:2]
    return first["grade"], second["grade"], follow_up


def test_a_reply_about_something_else_lifts_nothing_and_the_tip_says_why(_isolated_home: object) -> None:
    # an exploratory test (session 13): a pasted answer to another question lifted a grade to 5/5
    main = "I'd launch to 10% of low-risk claims in one region first and watch the fraud rate and overpayments."
    before, after, _ = _replied(main, OFF_TOPIC_REPLY)
    assert after["overall"] == before["overall"] and after["dimensions"] == before["dimensions"]
    assert "reply_off_topic" in after["flags"] and "something else than the follow-up" in after["tip"]


def test_a_brief_reply_to_the_follow_up_still_counts(_isolated_home: object) -> None:
    main = "I'd launch to 10% of low-risk claims in one region first and watch the fraud rate and overpayments."
    _, after, follow_up = _replied(main, "Shadow mode first: 8 weeks of claims scored silently next to adjusters.")
    assert "reply_off_topic" not in after["flags"], follow_up


def test_a_reply_that_takes_the_plan_back_is_marked_down_even_when_it_is_also_off_topic(_isolated_home: object) -> None:
    # a review (session 13): nothing checked that a reversal is not turned into "grade unchanged" by the off-topic read
    main = "I'd launch to 10% of low-risk claims in one region first and watch the fraud rate and overpayments."
    reply = OFF_TOPIC_REPLY + " Actually, I'd skip the shadow phase and launch to everyone on day one."
    before, after, _ = _replied(main, reply)
    assert after["overall"] < before["overall"] and "red_flag" in after["flags"]
    assert "reply_off_topic" not in after["flags"]


def test_no_good_reply_in_the_follow_up_probe_is_read_as_off_topic() -> None:
    # session 17: the fitted off-topic model (learned from whole answers) called 16 of 35 re-worded good replies
    # off-topic, so they lifted nothing; replies are read by the rules alone
    import json
    from pathlib import Path

    from interviewer.knowledge import question_by_id
    from interviewer.replies import read_reply

    path = Path(__file__).parents[1] / "evals" / "datasets" / "followup-probe.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    good = [r for r in rows if r["kind"] != "off-topic"]
    assert len(good) == 105
    called = [
        r["id"] for r in good if read_reply(question_by_id(r["question_id"]), r["question"], r["answer"]).off_topic
    ]
    assert called == []
