"""Routing is pure: decided from state alone, tested without any model or graph."""

from __future__ import annotations

from typing import Any

from conftest import FakeGrader

from interviewer.knowledge import bank
from interviewer.routing import after_advance, after_grade, current_index, is_dont_know, next_probe
from interviewer.schemas import Turn

Q = next(q for q in bank().questions if len(q.probes) >= 2)


def _state(turns: list[Turn], index: int = 0, n: int = 2) -> Any:
    return {
        "index": index,
        "questions": [Q.model_dump(mode="json")] * n,
        "turns": [t.model_dump(mode="json") for t in turns],
    }


def _main_turn(score_by_dim: dict[str, int] | None = None, skipped: bool = False) -> Turn:
    grade = None if skipped else FakeGrader([3]).grade(Q, "x")
    if grade and score_by_dim:
        grade.dimensions = [d.model_copy(update={"score": score_by_dim.get(d.dimension, 4)}) for d in grade.dimensions]
    return Turn(question_index=0, kind="main", prompt=Q.text, answer="a", grade=grade, skipped=skipped)


def test_probe_targets_the_weakest_dimension() -> None:
    target = Q.probes[-1].dimension
    state = _state([_main_turn({target: 1})])
    assert after_grade(state) == "probe"
    probe = next_probe(state)
    assert probe is not None and probe.dimension == target


def test_no_probe_after_skip_or_after_a_probe() -> None:
    assert after_grade(_state([_main_turn(skipped=True)])) == "ask"
    probe_turn = Turn(question_index=0, kind="probe", prompt=Q.probes[0].text, answer="b")
    assert after_grade(_state([_main_turn(), probe_turn])) == "ask"


def test_never_asks_the_same_thing_twice() -> None:
    target = Q.probes[-1].dimension
    earlier = Turn(question_index=1, kind="probe", prompt=Q.probes[-1].text.upper(), answer="b")
    main = _main_turn({target: 1}).model_copy(update={"question_index": 1})
    state = _state([earlier, main], index=1)
    probe = next_probe(state)
    assert probe is None or probe.text != Q.probes[-1].text


def test_no_probe_when_every_dimension_is_perfect() -> None:
    assert after_grade(_state([_main_turn({d.dimension: 5 for d in _main_turn().grade.dimensions})])) == "ask"


def test_moving_on_from_the_last_question_goes_to_the_report() -> None:
    assert after_grade(_state([_main_turn(skipped=True)], n=1)) == "report"
    assert after_grade(_state([_main_turn(skipped=True)], n=2)) == "ask"


def test_ask_takes_the_next_index_once_the_stored_one_is_answered() -> None:
    assert current_index(_state([])) == 0  # the first question
    assert current_index(_state([_main_turn()])) == 1  # straight from a grade
    assert current_index(_state([_main_turn()], index=1)) == 1  # after an old session's advance step


def test_after_advance_ends_with_report() -> None:
    assert after_advance(_state([], index=1)) == "ask"
    assert after_advance(_state([], index=2)) == "report"


def test_dont_know_detection() -> None:
    assert is_dont_know("I don't know.") and is_dont_know("  idk ") and is_dont_know("")
    assert not is_dont_know("I don't know the exact number, but I'd estimate 20% of tickets are password resets.")
    assert is_dont_know("Not sure, sorry.") and is_dont_know("pass on this one") and is_dont_know("No idea tbh")
    # a short reply that starts like one but says something is graded, not skipped
    for reply in (
        "Not sure 7B fits; 3B int8 runs in 150 ms.",
        "Pass@1 on the golden set, then p95 latency.",
        "passing",
    ):
        assert not is_dont_know(reply), reply
