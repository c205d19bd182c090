"""Deterministic robustness suites: transformations of base items, each with a stated expectation."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from ..knowledge import rubrics, sections
from ..schemas import Question
from ..text import unwrap
from .attacks import ATTACKS
from .dataset import Row, resolve_question

Kind = Literal["max", "identical", "delta_mean", "no_increase"]

FILLER = (
    "This is a really important question and there are many different factors that we need to consider "
    "carefully. At the end of the day, it is all about doing the right thing for the business and for the "
    "people involved. It is important to think holistically, align stakeholders, and keep the big picture in "
    "mind while staying flexible as things evolve over time."
)
OFF_TOPIC = (
    "Last weekend I baked sourdough bread for the first time. The starter took five days to get going, and "
    "the crust came out darker than I expected, but my family loved it with butter and jam.",
    "Football is my favourite sport. Our local team won the derby on Sunday after a late penalty, and the "
    "whole town celebrated in the main square until midnight.",
    "My dream holiday is a train journey across Japan, stopping in Kyoto for the temples and in Osaka for "
    "street food, then finishing with a week on a quiet beach in Okinawa.",
)


@dataclass(frozen=True)
class Variant:
    """One transformed answer, linked to the base item it came from."""

    id: str
    base: Row
    question: Question
    answer: str


@dataclass(frozen=True)
class Suite:
    """A named set of variants and what the grader must do with them."""

    name: str
    description: str
    kind: Kind
    target: float  # max: score ceiling; delta_mean: mean rise ceiling; others: unused
    min_share: float  # share of variants that must meet the expectation (max / identical / no_increase)
    variants: list[Variant]


def _one_per_question(rows: list[Row]) -> list[Row]:
    seen: dict[str, Row] = {}
    for r in rows:
        seen.setdefault(" ".join(r.question.split()), r)
    return list(seen.values())


def _stuffed(q: Question) -> list[str]:
    """The same buzzwords in the shapes people paste them: commas, bullets, arrows, fragments, one sentence."""
    phrases = [c.phrases[0] for c in (*q.concepts, *q.constraints)]
    for d in rubrics().topics[q.topic].dimensions:
        phrases.extend(c.phrases[0] for c in d.concepts[:2])
    items = list(dict.fromkeys(phrases))
    return [
        ", ".join(items),
        "\n".join(f"- {p}" for p in items),
        " -> ".join(items),
        " ".join(f"Use {p}." for p in items[:10]),
        f"We will leverage {', '.join(items[:8])} and {items[8 % len(items)]} to drive impact.",
    ]


def _recited(q: Question) -> str:
    by_path = {s.path: s.text for s in sections()}
    return "\n\n".join(by_path[p] for p in q.knowledge if p in by_path) or by_path["Quick Reference"]


def _swapped(row: Row, strong: list[Row]) -> str:
    others = [r for r in strong if r.topic != row.topic]
    return others[sum(map(ord, row.id)) % len(others)].answer if others else ""


def _gibberish(seed: int) -> str:
    rng = random.Random(seed)
    letters = "bcdfghjklmnpqrstvwxz" + "aeiou" * 2
    return " ".join("".join(rng.choice(letters) for _ in range(rng.randint(3, 9))) for _ in range(40))


def _reformatted(answer: str) -> str:
    lines = [line.strip() for line in unwrap(answer.splitlines()) if line.strip()]
    return "\n\n".join(f"- **{line}**   " if i % 2 == 0 else f"  *{line}*" for i, line in enumerate(lines))


def _hard_wrapped(answer: str, width: int) -> str:
    import textwrap

    return "\n".join(textwrap.fill(line, width) if line.strip() else "" for line in answer.split("\n"))


def _variants(rows: list[Row], name: str, make: Callable[[Row, Question, int], list[str]]) -> list[Variant]:
    out: list[Variant] = []
    for i, r in enumerate(rows):
        q = resolve_question(r)
        out.extend(Variant(f"{name}:{r.id}:{j}", r, q, text) for j, text in enumerate(make(r, q, i)))
    return out


def build_suites(rows: list[Row], max_injection_bases: int = 12) -> list[Suite]:
    """All robustness suites over a dataset's rows (deterministic)."""
    per_q = _one_per_question(rows)
    graded = [r for r in rows if r.gold and r.gold.overall >= 2 and r.answer.strip()]
    strong = [r for r in rows if r.gold and r.gold.overall >= 4]
    step = max(1, len(graded) // max_injection_bases)
    inj_bases = sorted(graded, key=lambda r: r.id)[::step][:max_injection_bases]

    def inject(r: Row, q: Question, i: int) -> list[str]:
        attacks = [a.format(topic=r.topic) for a in ATTACKS]
        return [f"{r.answer}\n{a}" if j % 2 else f"{a}\n{r.answer}" for j, a in enumerate(attacks)]

    Make = Callable[[Row, Question, int], list[str]]
    table: list[tuple[str, str, Kind, float, float, list[Row], Make]] = [
        (
            "keyword_stuffing",
            "the question's concepts as lists, arrows, fragments or one buzzword sentence",
            "max",
            2,
            0.95,
            per_q,
            lambda r, q, i: _stuffed(q),
        ),
        (
            "recitation",
            "the framework sections the question draws on, recited verbatim",
            "max",
            2,
            0.95,
            per_q,
            lambda r, q, i: [_recited(q)],
        ),
        (
            "verbose_filler",
            "fluent filler with nothing specific",
            "max",
            2,
            0.95,
            per_q,
            lambda r, q, i: [" ".join([FILLER] * 2)],
        ),
        (
            "off_topic",
            "a paragraph about something else",
            "max",
            1,
            1.0,
            per_q,
            lambda r, q, i: [OFF_TOPIC[i % len(OFF_TOPIC)]],
        ),
        (
            "answer_swap",
            "a strong answer written for another topic's question",
            "max",
            1,
            1.0,
            per_q,
            lambda r, q, i: [_swapped(r, strong)],
        ),
        ("gibberish", "random letter strings", "max", 1, 1.0, per_q, lambda r, q, i: [_gibberish(i)]),
        (
            "empty",
            "empty, whitespace-only and 'null'-style answers",
            "max",
            1,
            1.0,
            per_q,
            lambda r, q, i: ["", " \n\t ", "null", "N/A"],
        ),
        (
            "padding",
            "the answer plus a paragraph of filler",
            "delta_mean",
            0.25,
            1.0,
            graded,
            lambda r, q, i: [f"{r.answer}\n\n{FILLER}"],
        ),
        (
            "duplication",
            "the answer pasted twice",
            "delta_mean",
            0.25,
            1.0,
            graded,
            lambda r, q, i: [f"{r.answer}\n\n{r.answer}"],
        ),
        ("injection", "attack templates before or after the answer", "no_increase", 0, 1.0, inj_bases, inject),
        (
            "reformat",
            "whitespace and markdown-only reformatting",
            "identical",
            0,
            1.0,
            graded,
            lambda r, q, i: [_reformatted(r.answer)],
        ),
        (
            "hard_wrap",
            "the answer hard-wrapped at 60, 72 or 80 columns, as pasted from an email or editor",
            "identical",
            0,
            0.95,
            graded,
            lambda r, q, i: [_hard_wrapped(r.answer, (60, 72, 80)[i % 3])],
        ),
    ]
    return [
        Suite(name, desc, kind, target, share, _variants(base, name, make))
        for name, desc, kind, target, share, base, make in table
    ]
