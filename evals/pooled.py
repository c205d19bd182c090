"""The rule grader pooled over the tuning data: dev and every fresh file, with the off-topic rows counted.

`python evals/pooled.py` (repo root). Per-file numbers, CIs and suites come from `interviewer eval grader`;
this adds the pooled within-one, exact agreement and how many off-topic rows score 1, which no single
file has enough rows to show. `test` is left out: it is never tuned on; so are the newest labellers'
files (HELD), kept to measure the grader.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from interviewer.evaluation.dataset import load_rows, resolve_question  # noqa: E402
from interviewer.evaluation.runner import grade_one  # noqa: E402
from interviewer.rules import RuleGrader  # noqa: E402

HELD = (
    "grader-fresh12.jsonl",
    "grader-fresh15.jsonl",
    "grader-fresh16.jsonl",
    "grader-fresh17.jsonl",
    "grader-fresh18.jsonl",
    "grader-fresh19.jsonl",
    "grader-fresh25.jsonl",  # session 16's last blind labeller, run once at the end: kept to measure the grader
    "grader-fresh27.jsonl",  # session 17's second blind labeller: kept to measure the grader
    "grader-fresh29.jsonl",  # session 18's second blind labeller: kept to measure the grader
    # fresh31 and fresh32 (session 19) were held out until session 20 read their missed off-topic answers while
    # designing offtopic.ai_talk: tuning rows since
    "grader-fresh34.jsonl",  # session 20's second blind labeller: kept to measure the grader
    "grader-fresh35.jsonl",  # session 20's third, run once on the session's end code: kept to measure the grader
    "grader-fresh36.jsonl",  # session 21's blind labellers, run first on the session's start code: kept to measure
    "grader-fresh37.jsonl",
    "grader-fresh38.jsonl",  # session 21's third, run once mid-session (the end code grades it the same): kept
    "grader-fresh39.jsonl",  # session 22's blind labellers, run first on the session's start code: kept to measure
    "grader-fresh40.jsonl",
    "grader-fresh41.jsonl",
    "grader-fresh42.jsonl",  # session 23's blind labellers, run first on the session's start code: kept to measure
    "grader-fresh43.jsonl",
    "grader-fresh44.jsonl",
    "grader-fresh45.jsonl",  # session 24's blind labellers, run first on the session's start code: kept to measure
    "grader-fresh46.jsonl",
    "grader-fresh47.jsonl",
    "grader-fresh48.jsonl",  # session 25's blind labellers, run first on the session's start code: kept to measure
    "grader-fresh49.jsonl",
    "grader-fresh50.jsonl",  # session 26's blind labellers, run first on the session's start code: kept to measure
    "grader-fresh51.jsonl",
    "grader-fresh52.jsonl",  # session 27's blind labellers, run first on the session's start code: kept to measure
    "grader-fresh53.jsonl",
)


def main() -> None:
    """Print pooled agreement, off-topic rows scored 1, capped kinds scored <= 2, good answers called off-topic, the
    length of "Missing" and how varied the evidence quotes are, over dev and the fresh files."""
    grader = RuleGrader()
    files = [ROOT / "evals/datasets/grader.jsonl", *sorted((ROOT / "evals/datasets").glob("grader-fresh*.jsonl"))]
    n = within = exact = 0
    good = good_off = missing = 0  # on-topic gold 3-5 answers; of them flagged off-topic; items listed as missing
    quoted = distinct = 0  # evidence quotes, and how many different sentences they are per answer
    tagged: dict[str, list[int]] = {tag: [] for tag in ("off-topic", "keyword-stuffed", "framework-recitation")}
    for path in files:
        if path.name in HELD:
            continue
        rows = [r for r in load_rows(path) if r.split != "test"]
        for row in rows:
            grade = grade_one(grader, resolve_question(row), row.answer)
            got, gold = grade.overall, row.gold.overall
            n, within, exact = n + 1, within + (abs(got - gold) <= 1), exact + (got == gold)
            if gold >= 3 and "off-topic" not in row.tags:
                good, good_off = good + 1, good_off + ("off_topic" in grade.flags)
            missing += len(grade.missing)
            quotes = [d.evidence for d in grade.dimensions if d.evidence]
            quoted, distinct = quoted + len(quotes), distinct + len(set(quotes))
            for tag in tagged.keys() & set(row.tags):
                tagged[tag].append(got)
        print(f"{path.name}: {len(rows)} rows")
    print(f"pooled: {n} rows, within-one {within / n:.3f}, exact {exact / n:.3f}", end=", ")
    off, stuffed, recited = tagged.values()
    print(f"off-topic rows scored 1: {off.count(1)}/{len(off)}", end=", ")
    print(f"keyword-stuffed rows scored <= 2: {sum(g <= 2 for g in stuffed)}/{len(stuffed)}", end=", ")
    print(f"recitation rows scored <= 2: {sum(g <= 2 for g in recited)}/{len(recited)}")
    print(f"on-topic gold 3-5 answers flagged off-topic: {good_off}/{good}", end="; ")
    print(f"items listed as missing per answer: {missing / n:.2f}", end="; ")
    print(f"evidence quotes from different sentences: {distinct / quoted:.2f}")


if __name__ == "__main__":
    main()
