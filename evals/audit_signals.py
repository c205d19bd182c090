"""Counts behind the claims in evals/README.md about the grader's signals and the injection detector.

Usage: python evals/audit_signals.py

Over every gold file (`evals/datasets/grader*.jsonl`): how many answers without an `injection` tag the
injection detector cuts anything from; on which gold scores red flags fire; and the gold scores of the
answers that announce a framework or string list items together (the recitation and stuffing signals).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from interviewer.evaluation.dataset import load_rows, resolve_question
from interviewer.features import extract
from interviewer.injection import strip_injection
from interviewer.knowledge import rubrics
from interviewer.rules import DEFAULT

DATA = Path(__file__).parent / "datasets"


def main() -> None:
    """Print the counts."""
    rows = [r for path in sorted(DATA.glob("grader*.jsonl")) for r in load_rows(path) if r.gold]
    topics = rubrics().topics
    clean = [r for r in rows if "injection" not in r.tags]
    cut = [r.id for r in clean if strip_injection(r.answer).removed]
    print(f"gold answers without an injection tag that the detector cuts from: {len(cut)} of {len(clean)} {cut}")
    red: Counter[int] = Counter()
    framework: Counter[int] = Counter()
    listy: Counter[int] = Counter()
    totals: Counter[int] = Counter(r.gold.overall for r in rows if r.gold)
    for r in rows:
        q = resolve_question(r)
        f = extract(q, r.answer, {d.id: list(d.concepts) for d in topics[q.topic].dimensions})
        gold = r.gold.overall if r.gold else 0
        red[gold] += bool(f.red_flags)
        framework[gold] += f.announces_framework
        listy[gold] += f.list_density >= DEFAULT.stuffed_list_density and f.numbers <= DEFAULT.few_numbers
    for name, counts in (("red flag", red), ("announces a framework", framework), ("list items, <= 2 figures", listy)):
        print(f"{name}: " + ", ".join(f"gold {g}: {counts[g]} of {totals[g]}" for g in sorted(totals)))


if __name__ == "__main__":
    main()
