"""The learned stance model: confidently wrong stances the red-flag patterns miss, quoted in the tip."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from interviewer import stance
from interviewer.questions import custom_question
from interviewer.red_flags import find
from interviewer.rules import RuleGrader

QUESTION = custom_question(
    "A grocery chain with 300 stores wants to launch a model that sets the daily markdowns on fresh food, which "
    "store managers set by hand today. Waste is 4% of fresh sales. How would you launch it?",
    "launch",
)
WRONG = [
    "I'd let it set every markdown in every store from the first week, because store managers second-guessing it is "
    "exactly the inconsistency we want to remove.",
    "The model is more consistent than any manager, so it will cut waste on its own.",
    "Success is the number of markdowns the model sets each week, and we can look at waste in the quarterly review.",
]
SOUND = [
    "I'd start with a four-week pilot in 20 stores against 20 matched control stores, because markdown effects vary "
    "by region and season.",
    "Store managers keep the final say: the model proposes, they accept or override, and we log every override.",
    "Success is waste as a share of fresh sales, from 4% towards 3%, with gross margin per store as the guardrail.",
    "If margin drops more than half a point in pilot stores, we pause and review before going to the next 60 stores.",
]


def _fit_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("fit_stance", Path(__file__).parents[1] / "evals/fit_stance.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_negation_governs_the_words_after_it_up_to_punctuation_or_a_new_clause() -> None:
    told = stance.features("Staged rollout, don't push to all 420k stores at once.")
    assert {"~push", "~all", "~once", "~#", "don't", "staged_rollout"} <= told
    assert "push" not in told and "push_to" not in told and "k" not in told
    assert "ship" in stance.features("No pilot but ship it.")  # "but" ends the negation's reach
    assert "data" in stance.features("We don't need a consent flow because the data is local.")
    # a hyphen inside a word and a thousands separator keep it going; an apostrophe is any apostrophe
    assert {"~auto-deny", "~claims"} <= stance.features("I'd never auto-deny claims.")
    assert "~labelled" in stance.features("We don't need 12,000 more labelled claims.")
    for said in (
        "We don\u2018t need a pilot.",
        "We don\u02bct need a pilot.",
        "We dont need a pilot.",
        "We haven't a pilot.",
    ):
        assert "~pilot" in stance.features(said), said
    assert "résumé" in stance.features("Résumé screening stays with recruiters.")


def test_the_patterns_miss_this_wrong_answer_and_the_model_names_its_worst_sentence() -> None:
    assert find(WRONG) == []
    assert stance.risky_sentence(WRONG) == WRONG[1]
    assert stance.risky_sentence(SOUND) is None


def test_the_tip_quotes_the_stance_and_the_grade_stays_the_patterns(monkeypatch: pytest.MonkeyPatch) -> None:
    answer = " ".join(WRONG)
    quoted = RuleGrader().grade(QUESTION, answer)
    assert quoted.tip.startswith("Rethink “The model is more consistent than any manager")
    assert "interviewers push back" in quoted.tip and "red_flag" not in quoted.flags
    sound = RuleGrader().grade(QUESTION, " ".join(SOUND))
    assert "interviewers push back" not in sound.tip and sound.overall >= 4
    off = stance.StanceModel(stance.packaged().weights, float("inf"))
    monkeypatch.setattr(stance, "packaged", lambda: off)
    unread = RuleGrader().grade(QUESTION, answer)
    assert unread.model_dump(exclude={"tip"}) == quoted.model_dump(exclude={"tip"})  # advice only: nothing else moves
    assert "interviewers push back" not in unread.tip


def test_one_line_and_hedged_sentences_are_left_to_the_patterns() -> None:
    model = stance.packaged()
    assert model.answer_score([WRONG[1]]) == (0.0, None)  # one confident line is a style, not a stance
    hedged = ["Some will say the model is more consistent than any manager, so it will cut waste on its own.", WRONG[2]]
    assert [s for s, _ in stance.judged(hedged)] == [WRONG[2]]


@pytest.mark.parametrize("quote", ['"{}"', "\u201c{}\u201d", "\u2018{}\u2019", "\u00ab{}\u00bb"])
def test_quoted_words_are_someone_elses(quote: str) -> None:
    said = quote.format("the model is more consistent than any manager, so it will cut waste on its own")
    answer = [f"Leadership's line, {said}, is the claim our pilot has to test.", WRONG[2]]
    assert stance.risky_sentence([WRONG[1], WRONG[2]]) == WRONG[1]  # the same words, unquoted, are flagged
    assert stance.risky_sentence(answer) is None


def test_the_fit_script_learns_wrong_stances_from_labelled_answers() -> None:
    fit_stance = _fit_script()
    wrong = [stance.features(s) for s in ("no need for a pilot at all", "skip the review step entirely today")]
    sound = [stance.features(s) for s in ("run a pilot with a control group", "keep the review step for refunds")]
    rows = [("a", True, 1, wrong)] * 3 + [("a", False, 4, sound)] * 3
    model = fit_stance.fit(rows, 0.0)
    assert model.score(stance.features("no need for a review step")) > 0 > model.score(stance.features("a pilot"))
    # twelve times fewer wrong sentences than sound ones: a word seen only in sound ones still counts against wrongness
    rows = [("a", True, 1, wrong)] + [("a", False, 4, [*sound, frozenset({"rag", "with", "rag_with"})])] * 12
    assert fit_stance.fit(rows, 0.0).weights["rag_with"] < 0


def test_the_shipped_stance_model_is_what_its_fitting_script_writes() -> None:
    fit_stance = _fit_script()
    fitted = fit_stance.fit(fit_stance.table(), fit_stance.THRESHOLD)
    shipped = stance.packaged()
    assert fitted.threshold == shipped.threshold and fitted.weights.keys() == shipped.weights.keys()
    assert all(abs(fitted.weights[k] - shipped.weights[k]) <= 1e-3 for k in fitted.weights)
