"""What the rule-based grader measures in an answer: concept evidence, relevance, stuffing, recitation."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from .knowledge import sections
from .schemas import Concept, Question
from .text import FUNCTION_WORDS, Sentence, analyse, canonical, content_words, find_phrase, words

NULL_ANSWERS = frozenset(
    {
        "null",
        "none",
        "n/a",
        "na",
        "idk",
        "pass",
        "skip",
        "nothing",
        "nil",
        "undefined",
        "-",
        "?",
        "...",
        "no",
        "i don't know",
        "i dont know",
        "dont know",
        "don't know",
        "no idea",
        "not sure",
        "no clue",
        "i have no idea",
        "no comment",
    }
)
_GENERIC_Q = frozenset(
    """how what would you your design walk through approach think explain describe company product team""".split()
)


@dataclass
class Hit:
    """Where a concept was found and how much credit its best sentence earns (0-1)."""

    concept: Concept
    credit: float
    sentence: str


@dataclass
class Features:
    """Everything the scorer needs, computed once per answer."""

    n_words: int
    sentences: list[Sentence]
    reasoning_share: float
    function_ratio: float
    question_hits: list[Hit] = field(default_factory=list)
    constraint_hits: list[Hit] = field(default_factory=list)
    rubric_hits: dict[str, list[Hit]] = field(default_factory=dict)
    question_overlap: float = 0.0
    numbers: int = 0
    kb_overlap: float = 0.0
    empty: bool = False


def _hit(concept: Concept, sents: list[Sentence]) -> Hit:
    best = Hit(concept, 0.0, "")
    for s in sents:
        if s.quality > best.credit and find_phrase(concept.phrases, s.lower):
            best = Hit(concept, s.quality, s.text)
    return best


@lru_cache(maxsize=1)
def kb_ngrams(n: int = 4) -> frozenset[tuple[str, ...]]:
    """Word n-grams of the knowledge base, to recognise recited framework text."""
    grams: set[tuple[str, ...]] = set()
    for s in sections():
        toks = words(canonical(s.text).replace("|", " "))
        grams.update(tuple(toks[i : i + n]) for i in range(len(toks) - n + 1))
    return frozenset(grams)


def _kb_overlap(tokens: list[str], n: int = 4) -> float:
    grams = [tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)]
    if not grams:
        return 0.0
    kb = kb_ngrams(n)
    return sum(g in kb for g in grams) / len(grams)


def question_terms(question_text: str) -> set[str]:
    """Content words of a question that an on-topic answer tends to reuse."""
    return content_words(question_text) - _GENERIC_Q


def extract(question: Question, answer: str, rubric_concepts: dict[str, list[Concept]]) -> Features:
    """Measure an answer against a question and the topic's rubric concepts."""
    canon = canonical(answer).replace("|", " ")
    sents = analyse(canon)
    tokens = [t for s in sents for t in s.words]
    n = len(tokens)
    if n == 0 or canon.strip().lower().strip(".!") in NULL_ANSWERS:
        return Features(n, sents, 0.0, 0.0, empty=True)
    reasoning = sum(len(s.words) * s.quality for s in sents) / n
    fw = sum(t in FUNCTION_WORDS for t in tokens) / n
    terms = question_terms(question.text)
    answer_terms = set(tokens)
    overlap = len(terms & answer_terms) / len(terms) if terms else 0.0
    numbers = sum(any(ch.isdigit() for ch in t) for s in sents if s.quality >= 0.5 for t in s.words)
    return Features(
        n_words=n,
        sentences=sents,
        reasoning_share=reasoning,
        function_ratio=fw,
        question_hits=[_hit(c, sents) for c in question.concepts],
        constraint_hits=[_hit(c, sents) for c in question.constraints],
        rubric_hits={d: [_hit(c, sents) for c in cs] for d, cs in rubric_concepts.items()},
        question_overlap=overlap,
        numbers=numbers,
        kb_overlap=_kb_overlap(tokens),
    )
