"""Regex screening must never skip a pattern that would match: the literals are necessary, the fold exact."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from interviewer.injection import SCREENED
from interviewer.injection_text import normalise
from interviewer.red_flags import SCREENED as RED_FLAGS
from interviewer.screen import Screen, Screened, fold, literals, requirements

DATA = Path(__file__).resolve().parents[1] / "evals" / "datasets"


@pytest.mark.parametrize(
    ("pattern", "need"),
    [
        (r"\bdo\s+not\s+dock\b", {"dock"}),
        (r"\b(grade|score)\s+me\b", {"grade", "score"}),
        (r"favou?rably", {"rably"}),
        (r"^(?=.*\bplease\b).*\b(give|award)\b", {"please"}),
        (r"(a|)bc", {"bc"}),
        (r"\b(a|)\b", None),
        (r"x?y*", None),
        (r"(?!ignore)\w+", None),
        (r"回答.{0,9}満点", {"回答", "満点"}),
    ],
)
def test_literals_are_what_every_match_contains(pattern: str, need: set[str] | None) -> None:
    found = literals(re.compile(pattern, re.IGNORECASE))
    if need is None:
        assert found is None
    else:
        assert found is not None and (found == need or any(found == {n} for n in need))


def test_fold_agrees_with_the_regex_engines_case_rules_for_every_character() -> None:
    letter = re.compile("[a-z]", re.IGNORECASE)
    for code in range(sys.maxunicode + 1):
        ch = chr(code)
        if 0xD800 <= code <= 0xDFFF or not letter.fullmatch(ch):
            continue
        matched = [a for a in "abcdefghijklmnopqrstuvwxyz" if re.fullmatch(a, ch, re.IGNORECASE)]
        assert [fold(ch)] == matched, (hex(code), matched)


def test_screened_patterns_find_exactly_what_the_patterns_find_on_every_attack_and_benign_answer() -> None:
    answers = [
        json.loads(line).get("answer", "")
        for path in sorted(DATA.glob("injection*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
    ]
    texts = [form for answer in answers for form in (answer, normalise(answer))]  # the scan reads the normalised
    hits = 0
    for text in texts:
        folded = fold(text)
        for screened in SCREENED:
            found = screened.pattern.search(text) is not None
            hits += found
            assert screened.search(text, folded) == found, (screened.pattern.pattern[:60], text[:80])
    assert hits > 300  # the corpus exercises the patterns


def test_requirements_are_each_necessary_and_the_best_comes_first() -> None:
    needs = requirements(re.compile(r"\b(grade|score)\s+me\b.{0,20}\bfive\b", re.IGNORECASE))
    assert needs[0] in ({"grade", "score"}, {"five"}) and set(map(frozenset, needs)) >= {
        frozenset({"grade", "score"}),
        frozenset({"five"}),
    }
    assert requirements(re.compile(r"x?y*")) == []


def test_a_screen_searches_exactly_the_patterns_that_match_on_every_attack_and_benign_answer() -> None:
    screen = Screen(SCREENED)
    texts = [
        form
        for path in sorted(DATA.glob("injection*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
        for form in (json.loads(line).get("answer", ""), normalise(json.loads(line).get("answer", "")))
    ]
    searched = matched = 0
    for text in texts:
        folded = fold(text)
        present = screen.present(folded)
        want = [i for i, s in enumerate(SCREENED) if s.pattern.search(text)]
        candidates = screen.candidates(folded, present)
        assert set(want) <= set(candidates), text[:80]  # a pattern that matches is never skipped
        first = screen.first(text, folded, present)
        assert (first and first[0]) == (want[0] if want else None)
        searched, matched = searched + len(candidates), matched + len(want)
    assert matched > 300 and searched < 4 * len(texts) * len(SCREENED) // 10  # and most are skipped


def test_an_unreadable_pattern_is_always_searched() -> None:
    class Odd:
        pattern = "("  # not a valid regex: the parser raises, so nothing is ever skipped
        flags = 0

        def search(self, text: str) -> bool:
            return True

    assert Screened(Odd()).need is None  # type: ignore[arg-type]


def test_screened_red_flag_patterns_find_the_same_matches_on_every_graded_answer() -> None:
    answers = [
        json.loads(line)["answer"]
        for path in sorted(DATA.glob("grader*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
    ]
    sentences = [s for a in answers for s in re.split(r"(?<=[.!?])\s+|\n", a) if s.strip()]
    hits = 0
    for sentence in sentences:
        folded = fold(sentence)
        for _, screened in RED_FLAGS:
            want = screened.pattern.search(sentence)
            got = screened.find(sentence, folded)
            hits += want is not None
            assert (got and got.span()) == (want and want.span()), (screened.pattern.pattern[:60], sentence[:80])
    assert hits >= 50  # the corpus exercises the patterns
