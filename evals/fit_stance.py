"""Fit the wrong-stance second opinion (interviewer/stance_model.json) on the grader's tuning rows only.

Usage: python evals/fit_stance.py [--cv] [--write] [--threshold T]

Rows: grader.jsonl's dev split and every fresh file except the held-out ones (`evals/pooled.py`'s HELD); the test
split never. Each answer is read as the grader reads it (input guard, injection removed, sentences that earn
nothing dropped). Positives are the sentences of answers their labeller tagged `wrong`; negatives the sentences of
the other answers labelled 3-5. A wrong answer also has ordinary sentences, so a positive is "a sentence of a wrong
answer": the answer score (stance.py: the mean of its two most wrong-sounding sentences) is what is thresholded.

`--cv` leaves each labeller's file out in turn, fits on the rest, and reports at each threshold how many of the
left-out file's wrong answers, and of its other answers by gold (4-5, 3, 1-2), the model would flag: the threshold
is chosen on files the model did not see.
"""

from __future__ import annotations

import json
import math
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "evals"))

from fit_cli import arguments  # noqa: E402
from pooled import HELD  # noqa: E402

from interviewer import stance  # noqa: E402
from interviewer.earns import earns_nothing  # noqa: E402
from interviewer.evaluation.dataset import load_rows  # noqa: E402
from interviewer.injection import strip_injection  # noqa: E402
from interviewer.input_guard import guard_answer  # noqa: E402
from interviewer.text import analyse, canonical  # noqa: E402

# session 24 (--cv): the lowest threshold at which no left-out answer of gold 4-5 is flagged and at most 1% of gold 3
THRESHOLD = 2.4
ALPHA = 1.0  # the wrong class's pseudo-count; the sound class gets it times how many more sentences it has
MIN_COUNT = 3  # a feature seen fewer times over both classes gets no weight
DIGITS = 3

Row = tuple[str, bool, int, list[frozenset[str]]]  # file, wrong, gold, features of the sentences the model reads


def sentences(answer: str) -> list[str]:
    """An answer's sentences as the grader reads them (features.extract)."""
    text = strip_injection(guard_answer(answer, 12_000).text).text
    return [s.text for s in analyse(canonical(text)) if not earns_nothing(s.lower)]


def table() -> list[Row]:
    """One row per non-empty tuning answer."""
    files = [ROOT / "evals/datasets/grader.jsonl", *sorted((ROOT / "evals/datasets").glob("grader-fresh*.jsonl"))]
    out: list[Row] = []
    for path in files:
        if path.name in HELD:
            continue
        for row in load_rows(path):
            if row.split == "test" or row.gold is None or not row.answer.strip():
                continue
            judged = [f for _, f in stance.judged(sentences(row.answer))]
            out.append((path.name, "wrong" in row.tags, row.gold.overall, judged))
    return out


def fit(rows: list[Row], threshold: float) -> stance.StanceModel:
    """Naive Bayes log-likelihood ratios of sentence features, wrong answers' sentences over sound answers'."""
    wrong: Counter[str] = Counter()
    sound: Counter[str] = Counter()
    n_wrong = n_sound = 0
    for _, is_wrong, gold, judged in rows:
        if is_wrong:
            n_wrong += len(judged)
            for f in judged:
                wrong.update(f)
        elif gold >= 3:
            n_sound += len(judged)
            for f in judged:
                sound.update(f)
    kept = sorted(x for x in wrong.keys() | sound.keys() if wrong[x] + sound[x] >= MIN_COUNT)
    # pseudo-counts in proportion to each class's size: a feature never seen in the (twelve times smaller) wrong class
    # is then no evidence of wrongness, where add-one smoothing gave a feature seen only in sound sentences up to ten
    # times a positive weight (a review)
    a_wrong, a_sound = ALPHA, ALPHA * n_sound / max(1, n_wrong)
    weights = {
        x: round(
            math.log((wrong[x] + a_wrong) / (n_wrong + 2 * a_wrong))
            - math.log((sound[x] + a_sound) / (n_sound + 2 * a_sound)),
            DIGITS,
        )
        for x in kept
    }
    return stance.StanceModel(weights, threshold)


def _answer_score(model: stance.StanceModel, judged: list[frozenset[str]]) -> float:
    top = sorted((model.score(f) for f in judged), reverse=True)[: stance.TOP]
    return sum(top) / len(top) if len(top) == stance.TOP else 0.0


def cross_validate(rows: list[Row], thresholds: list[float]) -> None:
    """Leave one labeller's file out; count flags on its rows at each threshold."""
    scored: list[tuple[float, bool, int]] = []
    for name in sorted({r[0] for r in rows}):
        model = fit([r for r in rows if r[0] != name], 0.0)
        scored += [(_answer_score(model, r[3]), r[1], r[2]) for r in rows if r[0] == name]
    n_wrong = sum(w for _, w, _ in scored)
    n_high, n_three = (sum(not w and g >= 4 for _, w, g in scored), sum(not w and g == 3 for _, w, g in scored))
    n_low = sum(not w and g <= 2 for _, w, g in scored)
    for t in thresholds:
        hit = [(w, g) for v, w, g in scored if v >= t]
        print(
            f"threshold {t:.2f}: wrong flagged {sum(w for w, _ in hit)}/{n_wrong}, others gold 4-5 "
            f"{sum(not w and g >= 4 for w, g in hit)}/{n_high}, gold 3 {sum(not w and g == 3 for w, g in hit)}/"
            f"{n_three}, gold 1-2 {sum(not w and g <= 2 for w, g in hit)}/{n_low}"
        )


def main() -> None:
    """Fit, optionally cross-validate, optionally write the packaged model."""
    args = arguments(__doc__, THRESHOLD)
    rows = table()
    print(f"{len(rows)} answers from {len({r[0] for r in rows})} files, {sum(r[1] for r in rows)} tagged wrong")
    if args.cv:
        cross_validate(rows, [round(1.8 + 0.1 * i, 1) for i in range(13)])
    model = fit(rows, args.threshold)
    print(f"{len(model.weights)} weights, threshold {model.threshold}")
    if args.write:
        out = ROOT / "interviewer" / stance.MODEL_FILE
        body = {"threshold": model.threshold, "weights": model.weights}
        out.write_text(json.dumps(body, indent=0, sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {out}")


if __name__ == "__main__":
    main()
