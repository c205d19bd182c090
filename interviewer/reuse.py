"""How much of the question an answer reuses: its subject words, weighted by how rare they are among questions."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from functools import lru_cache

from .text import FUNCTION_WORDS, stem, words

# words every interview question uses, which say nothing about its subject
GENERIC_Q = frozenset(
    "how what would you your design walk through approach think explain describe company product team".split()
)
# A question with this many subject words or fewer ("What metrics would you track for AI recipe picks in a
# meal-kit app?") names too few to tell an answer written for another question from a re-worded one: the
# grader then skips that off-topic test and caps generic answers by loose matching (subject_reuse). Longer
# questions name enough words for exact matching. (Fresh6/7's short questions have 6-9; a 12-word test
# question still needs the off-topic test: the answer-swap suite.)
SHORT_QUESTION = 10

# How a question is framed ("tell me whether it's worth pursuing") says nothing about its subject.
_FRAMING = ("tell", "want", "ask", "say", "decid", "pursu", "worth", "whether", "recommend", "think", "need", "should")


def reuse_terms(text: str) -> frozenset[str]:
    """Subject words for term reuse: hyphenated compounds split, numbers and framing verbs left out."""
    out = set()
    for w in words(text):
        for part in re.split(r"[-/]", w):
            if len(part) < 3 or part in FUNCTION_WORDS or part in GENERIC_Q or not part.isalpha():
                continue
            st = stem(part).rstrip("e")  # "pursue" and "pursuing" stem apart; "e" is the usual difference
            if not st.startswith(_FRAMING):
                out.add(st)
    return frozenset(out)


@lru_cache(maxsize=1)
def _question_df() -> tuple[dict[str, int], int]:
    """In how many bank questions each subject word appears, and how many questions there are."""
    return _document_frequency(reuse_terms)


def question_sentences(question_text: str) -> list[str]:
    """A question's sentences: its setting, then what it asks."""
    return [s for s in re.split(r"(?<=[.?!])\s+", question_text.strip()) if s]


@lru_cache(maxsize=512)
def question_reuse_terms(question_text: str) -> frozenset[str]:
    """reuse_terms of a question, kept: every answer to it is measured against the same words."""
    return reuse_terms(question_text)


def is_short_question(question_text: str) -> bool:
    """Whether a question names so few subject words that the loose subject_reuse is the measure to read."""
    return len(question_reuse_terms(question_text)) <= SHORT_QUESTION


def term_reuse(question_text: str, answer_terms: frozenset[str]) -> float:
    """Share of the question's subject words an answer reuses, each weighted by its rarity among questions.

    "LLM", "users" and "metric" are in every question; "museum", "pharmacy" and "TEU" are in one. An
    answer written for another question shares only the common ones, however long and strong it is.
    """
    return weighted_reuse(question_reuse_terms(question_text), answer_terms)


def weighted_reuse(terms: frozenset[str], answer_terms: frozenset[str]) -> float:
    """Share of `terms` found in `answer_terms`, each weighted by its rarity among bank questions (1.0 if none)."""
    df, n = _question_df()
    weight = {t: math.log((n + 1) / (df.get(t, 0) + 1)) for t in terms}
    total = sum(weight.values())
    return sum(weight[t] for t in terms & answer_terms) / total if total else 1.0


def _root(part: str) -> str:
    st = stem(part)
    if st == part and part.endswith("ing") and len(part) >= 6:  # "mixing" -> "mix"; stem() keeps 4+ letters
        st = part[:-3]
    return st.rstrip("e")


_EVERY_QUESTION = frozenset({"ai", "ml", "pm"})
# how a question asks ("what would you track / measure", "is it working") is not what it is about
_ASKING = frozenset({"metric", "track", "measur", "succes", "work", "actually", "tell"})


def _roots(text: str) -> frozenset[str]:
    out = set()
    for w in words(text):
        for part in re.split(r"[-/]", re.sub(r"'s$", "", w)):
            # two letters count ("DJ", "HR"), but not the acronyms of every question ("AI", "ML", "PM")
            if len(part) >= 2 and part.isalpha() and part not in FUNCTION_WORDS | GENERIC_Q | _EVERY_QUESTION:
                out.add(_root(part))
    return frozenset(out - _ASKING)


@lru_cache(maxsize=512)
def _question_roots(question_text: str) -> frozenset[str]:
    return _roots(question_text)


def _document_frequency(terms_of: Callable[[str], frozenset[str]]) -> tuple[dict[str, int], int]:
    """In how many bank questions each term appears, and how many questions there are."""
    from .knowledge import bank  # the bank loads the packaged knowledge: only when a grade needs it

    df: dict[str, int] = {}
    for q in bank().questions:
        for t in terms_of(q.text):
            df[t] = df.get(t, 0) + 1
    return df, len(bank().questions)


@lru_cache(maxsize=1)
def _root_df() -> tuple[dict[str, int], int]:
    return _document_frequency(_roots)


def _same_word(a: str, b: str) -> bool:
    """Two roots of one word: a common prefix of six letters and three quarters of the shorter one
    ("subscrib"/"subscription", "produc"/"production"; not "retail"/"retain" or "transact"/"translat")."""
    shared = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    return shared >= max(6, math.ceil(0.75 * min(len(a), len(b))))


def subject_reuse(question_text: str, answer_lower: str) -> float:
    """term_reuse with looser matching, for short questions: word roots, and two forms of one word count
    ("subscribers" for "subscription", "mix" for "mixing"). A short question has few subject words, and a
    paraphrasing answer must not read as off-topic for missing them."""
    df, n = _root_df()
    terms = _question_roots(question_text)
    answer = _roots(answer_lower)
    weight = {t: math.log((n + 1) / (df.get(t, 0) + 1)) for t in terms}
    total = sum(weight.values())
    found = [t for t in terms if t in answer or any(_same_word(t, a) for a in answer if a[:3] == t[:3])]
    return sum(weight[t] for t in found) / total if total else 1.0
