"""Fit the off-topic second opinion (interviewer/offtopic_model.json) on the grader's tuning rows only.

Usage: python evals/fit_offtopic.py [--cv] [--write] [--threshold P]

Rows: grader.jsonl's dev split and every fresh file except the held-out ones (`evals/pooled.py`'s HELD) and NOT_FITTED;
the test split never. An answer is a positive when its labeller tagged it `off-topic`. Empty answers and
answers under the model's length (offtopic.MIN_WORDS) are left out: it never judges those.

`--cv` leaves each labeller's file out in turn, fits on the rest, and reports at each threshold how many
of the held-out file's off-topic answers the model flags, and how many on-topic answers (gold 3-5, and
gold 1-2) it would wrongly flag, so the threshold is chosen on files the model did not see.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "evals"))

from fit_cli import arguments  # noqa: E402
from pooled import HELD  # noqa: E402

from interviewer import offtopic  # noqa: E402
from interviewer.evaluation.dataset import load_rows, resolve_question  # noqa: E402
from interviewer.features import extract  # noqa: E402
from interviewer.injection import strip_injection  # noqa: E402
from interviewer.input_guard import guard_answer  # noqa: E402
from interviewer.knowledge import rubrics  # noqa: E402

# tuned on by the rules but not fitted here: a refit with fresh28 (session 18) flagged none of its off-topic answers
# and moved three rows the wrong way (fresh8-025 2 -> 1, fresh14-058 flagged, the probe's off-013 1 -> 3); with
# fresh28 and fresh30 (session 19) it flagged none of fresh30's missed off-topic answers and took two gold-2 partials
# (fresh8-025, fresh14-058) to off-topic
NOT_FITTED = ("grader-fresh28.jsonl", "grader-fresh30.jsonl")
THRESHOLD = 0.6  # session 20: the lowest tried (--cv) at which no left-out on-topic gold 3-5 answer is flagged
L2 = 1.0
STEPS = 3000


def table() -> list[tuple[str, bool, int, list[float]]]:
    """(file, off-topic, gold, features) for every tuning row the rules could call off-topic."""
    topics = rubrics().topics
    files = [ROOT / "evals/datasets/grader.jsonl", *sorted((ROOT / "evals/datasets").glob("grader-fresh*.jsonl"))]
    out = []
    for path in files:
        if path.name in HELD or path.name in NOT_FITTED:
            continue
        for row in load_rows(path):
            if row.split == "test" or row.gold is None:
                continue
            question = resolve_question(row)
            text = strip_injection(guard_answer(row.answer, 12_000).text).text
            concepts = {d.id: list(d.concepts) for d in topics[question.topic].dimensions}
            f = extract(question, text, concepts)
            if f.empty or f.n_words < offtopic.MIN_WORDS:
                continue
            out.append((path.name, "off-topic" in row.tags, row.gold.overall, offtopic.vector(f)))
    return out


def fit(rows: list[tuple[str, bool, int, list[float]]]) -> tuple[np.ndarray, float]:
    """L2-regularised logistic regression by full-batch gradient descent (deterministic)."""
    x = np.array([r[3] for r in rows])
    y = np.array([float(r[1]) for r in rows])
    w, b = np.zeros(x.shape[1]), 0.0
    for _ in range(STEPS):
        p = 1 / (1 + np.exp(-(x @ w + b)))
        w -= 2.5 * (x.T @ (p - y) / len(y) + L2 * w / len(y))
        b -= 2.5 * float((p - y).mean())
    return w, b


def cross_validate(rows: list[tuple[str, bool, int, list[float]]], thresholds: list[float]) -> None:
    """Leave one labeller's file out; count flags on its rows."""
    counts: dict[float, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0, 0])
    for name in sorted({r[0] for r in rows}):
        w, b = fit([r for r in rows if r[0] != name])
        for _, off, gold, x in (r for r in rows if r[0] == name):
            p = 1 / (1 + np.exp(-(np.array(x) @ w + b)))
            for t in thresholds:
                c = counts[t]
                if off:
                    c[0], c[1] = c[0] + (p >= t), c[1] + 1
                elif gold >= 3:
                    c[2], c[3] = c[2] + (p >= t), c[3] + 1
                else:
                    c[4], c[5] = c[4] + (p >= t), c[5] + 1
    for t, (fo, no, fg, ng, fl, nl) in sorted(counts.items()):
        print(
            f"threshold {t:.2f}: off-topic flagged {fo}/{no}, on-topic gold 3-5 flagged {fg}/{ng}, gold 1-2 {fl}/{nl}"
        )


def main() -> None:
    """Fit, optionally cross-validate, optionally write the packaged model."""
    args = arguments(__doc__, THRESHOLD)
    rows = table()
    print(f"{len(rows)} rows from {len({r[0] for r in rows})} files, {sum(r[1] for r in rows)} off-topic")
    if args.cv:
        cross_validate(rows, [0.3, 0.4, 0.5, 0.55, 0.6, 0.7, 0.8])
    w, b = fit(rows)
    body = {
        "bias": round(b, 4),
        "threshold": args.threshold,
        "weights": {n: round(float(v), 4) for n, v in zip(offtopic.NAMES, w, strict=True)},
    }
    print(json.dumps(body))
    if args.write:
        out = ROOT / "interviewer" / offtopic.MODEL_FILE
        out.write_text(json.dumps(body, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {out}")


if __name__ == "__main__":
    main()
