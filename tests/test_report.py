"""The end-of-interview summary: a strong session still gets a weakest area and what it missed, never "none"."""

from __future__ import annotations

from typing import Any

from interviewer.knowledge import bank, pack_question
from interviewer.report import build_report, to_markdown
from interviewer.schemas import DimensionScore, Grade


def _state(scores: list[int], overall: int, missing: list[str]) -> dict[str, Any]:
    question = next(q for q in bank().questions if q.topic == "metrics")
    dims = ("structure", "user_problem", "metrics_guardrails", "tradeoffs_risks", "specificity")
    grade = Grade(
        rubric_version="t",
        overall=overall,
        raw=float(overall),
        dimensions=[DimensionScore(dimension=d, name=d, score=s) for d, s in zip(dims, scores, strict=True)],  # type: ignore[arg-type]
        missing=missing,
        tip="t",
    )
    turn = {"question_index": 0, "kind": "main", "prompt": question.text, "answer": "a", "grade": grade.model_dump()}
    return {"session_id": "s", "questions": [pack_question(question)], "turns": [turn]}


def test_a_strong_session_names_its_lowest_dimension_and_what_it_missed() -> None:
    report = build_report(_state([5, 4, 5, 5, 5], 4, ["Counter-metric for handle time"]), completed=True)
    assert report.gaps[0].endswith("(4.0/5)")  # the one dimension below 5
    assert any("Counter-metric for handle time (Q1)" in g for g in report.gaps)
    assert not any("4.0/5" in s for s in report.strengths)  # a gap is not also a strength
    assert "(none found)" not in to_markdown(report).split("## Gaps")[1].split("##")[0]


def test_a_session_whose_dimensions_all_tie_lists_them_as_strengths_not_gaps() -> None:
    report = build_report(_state([4, 4, 4, 4, 4], 4, ["Counter-metric for handle time"]), completed=True)
    assert len(report.strengths) == 5 and not any("/5)" in g for g in report.gaps)
    assert report.gaps == ["Counter-metric for handle time (Q1)"]  # what the 4 still missed stays
    flat = build_report(_state([3, 3, 3, 3, 3], 3, []), completed=True)
    assert "(no dimension at 4/5 or above yet)" in to_markdown(flat).split("## Strengths")[1].split("##")[0]
    assert len(flat.gaps) == 5  # a flat session below 4 is weak everywhere, not gap-free


def test_all_fives_has_no_invented_gap() -> None:
    report = build_report(_state([5, 5, 5, 5, 5], 5, []), completed=True)
    assert report.gaps == [] and len(report.strengths) == 5


def test_a_skipped_question_is_a_gap_and_a_four_still_has_something_to_study() -> None:
    state = _state([5, 4, 5, 5, 5], 4, [])
    skipped = dict(state["turns"][0], question_index=1, grade=None, skipped=True)
    state["questions"] = state["questions"] * 2
    state["turns"] = [state["turns"][0], skipped]
    report = build_report(state, completed=True)
    assert "Q2 was skipped" in report.gaps and report.study  # not "(none found)" under either


def test_a_report_before_any_answer_says_so_and_a_title_never_turns_into_markdown() -> None:
    empty = build_report({"session_id": "s", "questions": [], "turns": []}, completed=False)
    titled = empty.model_copy(update={"title": "your own question: Which *metric* for <b>search_v2</b> #1?"})
    text = to_markdown(titled)
    assert "No answer yet" in text and "| # |" not in text
    assert r"Which \*metric\* for \<b\>search\_v2\</b\> \#1?" in text


def test_the_report_keeps_every_dimensions_quote_under_its_dimension() -> None:
    # an exploratory test (session 13): the next day, a 2/5 dimension's quote was gone from the report
    state = _state([5, 4, 2, 5, 5], 4, [])
    grade = state["turns"][0]["grade"]
    grade["dimensions"][0]["evidence"] = "North star: resolved contacts per week"
    grade["dimensions"][2]["evidence"] = "a weak quote"  # scored 2: kept, but not listed as what worked
    grade["dimensions"][3]["evidence"], grade["dimensions"][3]["evidence_cut"] = "If CSAT drops 2 points", True
    report = build_report(state, completed=True)
    result = report.questions[0]
    assert result.evidence_by_dimension == {
        "structure": "North star: resolved contacts per week",
        "metrics_guardrails": "a weak quote",
        "tradeoffs_risks": "If CSAT drops 2 points …",
    }
    assert result.evidence == ["North star: resolved contacts per week", "If CSAT drops 2 points …"]
    assert "a weak quote" in to_markdown(report)


def test_a_follow_up_reply_about_something_else_is_shown_as_not_counted() -> None:
    # an exploratory test (session 13): the report headed such a reply "Your answer (3/5)", the question's score
    state = _state([3, 3, 3, 3, 3], 3, [])
    main = state["turns"][0]
    probe = {**main, "kind": "probe", "prompt": "And the guardrails?", "answer": "A pasted answer to another question"}
    probe["grade"] = {**main["grade"], "flags": ["reply_off_topic"]}
    state["turns"].append(probe)
    text = to_markdown(build_report(state, completed=True))
    assert "**Your answer (not counted: about something else):**" in text and "**Your answer (3/5):**" in text


def test_the_summary_names_dimensions_as_the_questions_did_when_they_agree() -> None:
    # an exploratory test (session 14): the summary said "Trade-offs & risks" for a rubric that showed "Risks &
    # mitigations"; with names that differ across topics, the general label is used
    state = _state([5, 4, 5, 3, 5], 4, [])
    dims = state["turns"][0]["grade"]["dimensions"]
    for d in dims:
        d["name"] = {"tradeoffs_risks": "Risks & mitigations"}.get(d["dimension"], d["name"])
    report = build_report(state, completed=True)
    assert report.dimension_names["tradeoffs_risks"] == "Risks & mitigations"
    assert "Risks & mitigations: 3.0/5" in to_markdown(report) and any("Risks & mitigations" in g for g in report.gaps)
    second = dict(
        state["turns"][0],
        question_index=1,
        grade=dict(
            state["turns"][0]["grade"],
            dimensions=[dict(d, name="Trade-offs") if d["dimension"] == "tradeoffs_risks" else d for d in dims],
        ),
    )
    state["questions"] = state["questions"] * 2
    state["turns"] = [state["turns"][0], second]
    assert build_report(state, completed=True).dimension_names["tradeoffs_risks"] == "Trade-offs & risks"


def test_a_low_confidence_grade_says_so_in_the_report_as_it_did_on_screen() -> None:
    # the loopback test: "5/5 (low confidence…)" live, a plain 5/5 in the report the next day
    state = _state([5, 5, 5, 5, 5], 5, [])
    state["turns"][0]["grade"]["low_confidence"] = True
    report = build_report(state, completed=True)
    assert report.questions[0].low_confidence
    text = to_markdown(report)
    assert "### Q1 · Metrics · 5/5 (low confidence: the model and the rules disagree by 2 or more)" in text
    assert any(line.startswith("| 1 | ") and line.endswith("| 5/5 (low confidence) |") for line in text.splitlines())
    plain = to_markdown(build_report(_state([5, 5, 5, 5, 5], 5, []), completed=True))
    assert "low confidence" not in plain
    assert any(line.startswith("| 1 | ") and line.endswith("| 5/5 |") for line in plain.splitlines())
