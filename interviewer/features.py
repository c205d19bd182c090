"""What the rule-based grader measures in an answer: concept evidence, relevance, specifics, stuffing."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache

from .ai_talk import ai_talk
from .commercial import asks_selling, selling_share
from .earns import earns_nothing
from .injection_patterns import EVALUATOR
from .knowledge import sections
from .pivot import ask_reuse, tells_own_story, turns_away
from .red_flags import RedFlag
from .red_flags import find as find_red_flags
from .reuse import GENERIC_Q, is_short_question, reuse_terms, subject_reuse, term_reuse
from .schemas import Concept, Question
from .stock import stock_share
from .text import (
    FUNCTION_WORDS,
    Sentence,
    analyse,
    canonical,
    content_words,
    has_phrase,
    is_quantity,
    phrase_head,
    phrase_pattern,
    stem,
    words,
)

# a figure that measures something: a unit, a percent, a currency or comparator, a percentile; not "1, 2, 3",
# a year, a version or a section number
_MEASURED = re.compile(
    r"(?:[<>≤≥~$£€]\s?\d[\d,.]*|\d[\d,.]*\s?(?:%|x\b|ms\b|s\b|secs?\b|seconds?\b|mins?\b|minutes?\b|h\b|hrs?\b|"
    r"hours?\b|days?\b|weeks?\b|wks?\b|months?\b|k\b|m\b|bn\b|pts?\b|points?\b|per\b|/\s?[a-z]))|\bp\d{2}\b",
    re.IGNORECASE,
)
# the grader, the answer called complete, a request to rate it: what an attack the guard missed says
_GRADER_TALK = re.compile(
    rf"\b{EVALUATOR}\b|\b(rubric|whoever\s+reads)\b|\bfully\s+covered\b|\b(in\s+full|as\s+complete)\b|"
    r"\b(rate|score|grade|mark)\s+(this|it|me|my)\b",
    re.IGNORECASE,
)


NULL_ANSWERS = frozenset(
    "null|none|n/a|na|idk|pass|skip|nothing|nil|undefined|-|?|...|no|i don't know|i dont know|dont know|"
    "don't know|no idea|not sure|no clue|i have no idea|no comment".split("|")
)
GOOD_SENTENCE = 0.5
# separators of a buzzword list: "RAG, guardrails, HITL, evals / drift + fallback" (not "1,800", "A/B", "and/or")
_LIST_MARKS = re.compile(r",(?!\d)|[;+\n]|(?<=[A-Za-z]{3})/(?=[A-Za-z]{3})")
_SHORT_PARENS = re.compile(r"\([^()]{0,80}\)")


def _list_density(canon: str, n: int) -> float:
    """Items of one to three words between list marks, per word: a buzzword list is all short items, prose is not.
    A short parenthesis elaborates a claim ("high-risk under the AI Act (logging, oversight)") and is not counted."""
    text = _SHORT_PARENS.sub(lambda m: " " if len(m.group().split()) <= 8 else m.group(), canon)
    return sum(1 <= len(piece.split()) <= 3 for piece in _LIST_MARKS.split(text)) / n


# "I'll use the CIRCLES method", "I'd follow the standard AI launch playbook", "Build vs buy framework:": a framework
# announced, to be recited (recitation still needs few figures or few of the question's words: rules.py)
_FRAMEWORK = re.compile(
    r"(?i:\b(I'?ll|I'?d|I\s+will|I\s+would|let\s+me|we'?ll|we\s+will|I)\s+(use|follow|apply|go\s+through|walk\s+through|"
    r"run\s+through|(structure|approach|tackle|answer)\s+(this|it)\s+(with|using|through))\s+(the\s+|a\s+|an\s+|my\s+)?([\w/'-]+\s+){0,4}"
    r"(framework|playbook|matrix|principles|checklist)\b)|"
    # "Using the build vs buy matrix:", "Build vs buy framework:", "A standard AI launch follows five stages"
    r"(?im:^\W*(using|applying|per|following)\s+(the\s+|a\s+|an\s+|my\s+)?([\w/'-]+\s+){0,4}(framework|playbook|matrix|"
    r"principles|checklist)\b|^\W*([\w/'-]+\s+){0,5}(framework|playbook|principles|checklist)\s*:|"
    r"\b(standard|textbook|classic|generic)\s+([\w-]+\s+){0,3}(framework|playbook|launch|process|stages|principles|"
    r"matrix|checklist)\b)|"
    # the acronyms in capitals only: "heart" and "rice" are words; "RICE scoring" is a prioritisation, applied
    r"\b(CIRCLES|HEART|RICE|AARRR|SWOT|PESTLE)\b(?!\s*(?i:scor))"
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
    reasoning_share: float = 0.0
    function_ratio: float = 0.0
    question_hits: list[Hit] = field(default_factory=list)
    constraint_hits: list[Hit] = field(default_factory=list)
    rubric_hits: dict[str, list[Hit]] = field(default_factory=dict)
    shared_terms: int = 0
    term_reuse: float = 1.0
    subject_reuse: float | None = None  # set for short questions only: see subject_reuse()
    domain_share: float = 0.0
    numbers: int = 0
    new_numbers: int = 0  # figures in reasoning sentences that the question does not state ("40 field advisors" is its)
    kb_overlap: float = 0.0
    own_numbers: int = 0  # figures anywhere in the answer that the knowledge base does not state
    reasons: int = 0  # causal links ("because", "so that", "rather than"): a recited framework gives steps, not reasons
    filler_share: float = 0.0
    bare_mentions: int = 0
    concept_density: float = 0.0
    red_flags: list[RedFlag] = field(default_factory=list)
    list_density: float = 0.0
    announces_framework: bool = False
    # share of sentences about pricing, packaging or channels, when the question asks about none of them
    unasked_selling: float = 0.0
    # says it turns to another problem ("the bigger issue is…"), and how much of the question's ask it reuses
    turns_away: bool = False
    own_story: bool = False  # about the candidate (a self-introduction, a personal story), proposing nothing
    ask_reuse: float = 1.0
    # sentences carrying a stock phrase ("think holistically"): share in the emptier half, count, first phrase
    stock_share: float = 0.0
    stock_sentences: int = 0
    stock_phrase: str | None = None
    # figures with a unit, a sign or a comparator ("90 s", "4%", "$480", ">10%"), in reasoning sentences; and
    # whether a sentence speaks of the grader or of the answer as complete (guard leftovers, see rules.py)
    measured: int = 0
    grader_talk: bool = False
    ai_talk: float = 1.0  # see ai_talk.py
    empty: bool = False

    @property
    def topic_reuse(self) -> float:
        """The reuse the off-topic, generic and recitation checks read: loose for a short question, else exact."""
        return self.term_reuse if self.subject_reuse is None else self.subject_reuse

    @property
    def covered_dims(self) -> int:
        """How many rubric dimensions have a concept credited in a reasoning sentence."""
        return sum(any(h.credit > 0 for h in hits) for hits in self.rubric_hits.values())

    @property
    def credited(self) -> list[Sentence]:
        """The sentences that may earn concept credit or show a concept (see `credited`)."""
        return credited(self.sentences, self.red_flags)


def credited(sents: list[Sentence], red: list[RedFlag]) -> list[Sentence]:
    """All sentences but the red-flag ones: "skip human review" names its concepts to reject them, so it earns
    them no credit, is never quoted as evidence for them and shows no sign of them."""
    rejected = {r.sentence for r in red}
    return [s for s in sents if s.text not in rejected] if rejected else sents


def _hit(concept: Concept, sents: list[Sentence], present: set[int]) -> Hit:
    best = Hit(concept, 0.0, "")
    if id(concept) not in present:
        return best
    for s in sents:
        if s.quality > best.credit and has_phrase(concept.phrases, s.lower):
            best = Hit(concept, s.quality, s.text)
    return best


@lru_cache(maxsize=1)
def _kb_words() -> tuple[list[str], ...]:
    """Each knowledge-base section's words, table cells read as text."""
    return tuple(words(canonical(s.text).replace("|", " ")) for s in sections())


@lru_cache(maxsize=1)
def kb_ngrams(n: int = 4) -> frozenset[tuple[str, ...]]:
    """Word n-grams of the knowledge base, to recognise recited framework text."""
    grams: set[tuple[str, ...]] = set()
    for toks in _kb_words():
        grams.update(tuple(toks[i : i + n]) for i in range(len(toks) - n + 1))
    return frozenset(grams)


_REASON = re.compile(
    r"\b(because|since|so\s+that|therefore|which\s+means|otherwise|rather\s+than|instead\s+of|unless|given\s+(that|the|our))\b|"
    r",\s+so\b"
)


@lru_cache(maxsize=256)
def _question_figures(text: str) -> frozenset[str]:
    """The figures a question states, tokenised like an answer's."""
    return frozenset(t for t in words(canonical(text)) if is_quantity(t))


@lru_cache(maxsize=1)
def kb_quantities() -> frozenset[str]:
    """The figures the knowledge base states ("3-12", "50m"): a recitation of its tables has no figure of its own."""
    # ranges and magnitudes only ("2-8", "10-50m"): "5%", "p95" or "3" are any plan's figures too (a review)
    tokens = (t for toks in _kb_words() for t in toks if is_quantity(t))
    return frozenset(t for t in tokens if re.search(r"\d-\d|\d(k|m|bn|b)$", t))


def _kb_overlap(tokens: list[str], n: int = 4) -> float:
    grams = [tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)]
    if not grams:
        return 0.0
    kb = kb_ngrams(n)
    return sum(g in kb for g in grams) / len(grams)


@lru_cache(maxsize=1)
def domain_vocabulary() -> frozenset[str]:
    """Stemmed content words of the knowledge base, the bank and the rubrics: what AI-product talk uses."""
    from .knowledge import bank, rubrics

    vocab: set[str] = set()
    for s in sections():
        vocab |= content_words(s.text)
    for q in bank().questions:
        vocab |= content_words(q.text)
        for c in (*q.concepts, *q.constraints):
            vocab |= content_words(" ".join([c.label, *c.phrases]))
    for tr in rubrics().topics.values():
        for d in tr.dimensions:
            vocab |= content_words(" ".join([d.description, *d.anchors.values()]))
            for c in d.concepts:
                vocab |= content_words(" ".join([c.label, *c.phrases]))
    return frozenset(vocab)


@lru_cache(maxsize=512)
def question_terms(question_text: str) -> frozenset[str]:
    """Content words of a question that an on-topic answer tends to reuse."""
    return frozenset(content_words(question_text) - GENERIC_Q)


def _is_specific(s: Sentence, concepts: list[Concept], terms: frozenset[str]) -> bool:
    if any(is_quantity(t) for t in s.words):
        return True
    if len(terms.intersection(stem(w) for w in s.words)) >= 2:
        return True
    return any(has_phrase(c.phrases, s.lower) for c in concepts)


def extract(question: Question, answer: str, rubric_concepts: dict[str, list[Concept]]) -> Features:
    """Measure an answer against a question and the topic's rubric concepts."""
    canon = canonical(answer).replace("|", " ")
    sents = [s for s in analyse(canon) if not earns_nothing(s.lower)]
    tokens = [t for s in sents for t in s.words]
    n = len(tokens)
    if n == 0 or canon.strip().lower().strip(".!") in NULL_ANSWERS:
        return Features(n, sents, empty=True)
    terms = question_terms(question.text)
    lower = "\n".join(s.lower for s in sents)
    all_concepts = [*question.concepts, *question.constraints, *(c for cs in rubric_concepts.values() for c in cs)]
    # most concepts appear nowhere in an answer: one search of the whole text spares a search per sentence
    named = [c for c in all_concepts if has_phrase(c.phrases, lower)]
    present = {id(c) for c in named}
    specific_words = sum(len(s.words) for s in sents if _is_specific(s, named, terms))
    stems = {stem(t) for t in tokens if t not in FUNCTION_WORDS and len(t) >= 3}
    shared = len(terms & stems)
    answer_terms = reuse_terms(lower)
    stock = stock_share([s.text for s in sents])
    kb_figures = kb_quantities()
    red = find_red_flags([s.text for s in sents])
    earning = credited(sents, red)
    good = [s for s in sents if s.quality >= GOOD_SENTENCE]
    return Features(
        n_words=n,
        sentences=sents,
        reasoning_share=sum(len(s.words) * s.quality for s in sents) / n,
        function_ratio=sum(t in FUNCTION_WORDS for t in tokens) / n,
        question_hits=[_hit(c, earning, present) for c in question.concepts],
        constraint_hits=[_hit(c, earning, present) for c in question.constraints],
        rubric_hits={d: [_hit(c, earning, present) for c in cs] for d, cs in rubric_concepts.items()},
        shared_terms=shared,
        term_reuse=term_reuse(question.text, answer_terms),
        subject_reuse=subject_reuse(question.text, lower) if is_short_question(question.text) else None,
        domain_share=len(stems & domain_vocabulary()) / len(stems) if stems else 0.0,
        numbers=sum(is_quantity(t) for s in good for t in s.words),
        new_numbers=sum(is_quantity(t) and t not in _question_figures(question.text) for s in good for t in s.words),
        own_numbers=sum(is_quantity(t) and t not in kb_figures for s in sents for t in s.words),
        reasons=len(_REASON.findall(lower)),
        kb_overlap=_kb_overlap(tokens),
        filler_share=1 - specific_words / n,
        bare_mentions=sum(
            id(c) in present and any(has_phrase(c.phrases, s.lower) for s in sents) for c in question.concepts
        ),
        concept_density=_mentions(named, lower) / n,
        red_flags=red,
        list_density=_list_density(canon, n),
        announces_framework=_FRAMEWORK.search(canon) is not None,
        unasked_selling=0.0 if asks_selling(question.text) else selling_share([s.text for s in sents]),
        turns_away=turns_away(canon, question.text),
        own_story=tells_own_story([s.text for s in sents], question.text),
        ask_reuse=ask_reuse(question.text, answer_terms),
        stock_share=stock.share,
        stock_sentences=stock.sentences,
        stock_phrase=stock.first,
        measured=sum(len(_MEASURED.findall(s.text)) for s in sents if s.quality >= GOOD_SENTENCE),
        grader_talk=_GRADER_TALK.search(lower) is not None,
        ai_talk=ai_talk([s.text for s in sents], n),
    )


def _mentions(concepts: list[Concept], lower: str) -> int:
    """How many times concepts are named (each concept once per mention, whichever phrase names it)."""
    counts: dict[str, int] = {}
    for c in concepts:
        n = max((len(phrase_pattern(p).findall(lower)) for p in c.phrases if phrase_head(p) in lower), default=0)
        counts[c.id] = max(counts.get(c.id, 0), n)
    return sum(counts.values())


def breadth(f: Features) -> float:
    """Distinct rubric concepts shown in reasoning, credit-weighted (each concept once)."""
    seen: dict[str, float] = {}
    for hits in f.rubric_hits.values():
        for h in hits:
            seen[h.concept.id] = max(seen.get(h.concept.id, 0.0), h.credit)
    return sum(seen.values())


def vector(f: Features, dim_evidence: dict[str, float]) -> dict[str, float]:
    """The answer-level signals the overall score is a weighted sum of (see Params.weights)."""
    q_cov = sum(h.credit for h in f.question_hits) / len(f.question_hits) if f.question_hits else 0.0
    c_cov = sum(h.credit for h in f.constraint_hits) / len(f.constraint_hits) if f.constraint_hits else q_cov
    return {
        "breadth": min(1.0, breadth(f) / 8),
        "dims_covered": sum(e >= 0.3 for e in dim_evidence.values()) / max(1, len(dim_evidence)),
        "question_concepts": q_cov,
        "constraints": c_cov,
        "relevance": min(1.0, f.shared_terms / 6),
        "rare_terms": min(1.0, f.term_reuse / 0.25),  # about *this* question: its rare terms, not common ones
        "specifics": min(1.0, f.numbers / 6),
        # length counts words of specific sentences only: padding, filler and stray text add nothing
        "length": min(1.0, math.log1p(f.n_words * (1 - f.filler_share)) / math.log1p(300)),
        "reasoning": f.reasoning_share,
        "filler": f.filler_share,
        "red_flags": min(1.0, len(f.red_flags) / 3),  # stances an interviewer stops on (red_flags.py)
    }
