"""Fit the rule-based grader's weights, cut points and dimension spread on dev (and any --also files).

Usage: python evals/fit_rules.py [--dataset evals/datasets/grader.jsonl] [--also FILE ...] [--cv] [--lofo] [--write]
Prints the fitted constants (saved to interviewer/rules_fit.json with --write), a leave-one-question-out
cross-validated QWK (--cv), and with --lofo a leave-one-file-out run over the --also files: each file is
scored by a fit on dev and the other files, next to a fit on dev alone, so how the fit carries to a labeller
it never saw shows before the held-out test split is run. The shipped fit (session 10): every fresh file but
grader-fresh12.jsonl and grader-fresh15.jsonl to grader-fresh17.jsonl, which measure it (see evals/README.md):
python evals/fit_rules.py $(for i in "" 2 3 4 5 6 7 8 9 10 11 13 14; do
    echo --also evals/datasets/grader-fresh$i.jsonl; done)
"""

from __future__ import annotations

import argparse
import json
from dataclasses import replace
from pathlib import Path
from statistics import mean

import numpy as np

from interviewer.evaluation.dataset import load_rows, resolve_question
from interviewer.evaluation.metrics import qwk
from interviewer.features import extract, vector
from interviewer.input_guard import guard_answer
from interviewer.knowledge import rubrics
from interviewer.rules import DEFAULT, FIT_FILE, Params, cap_for, dimension_evidence, flags_for, grade_answer, to_int

RIDGE = 1.0


def _prepare(dataset: Path, also: list[Path] | None = None) -> list[dict]:
    items = []
    sources = [(dataset.name, load_rows(dataset, "dev"))] + [(p.name, load_rows(p, None)) for p in also or []]
    for source, row in ((name, row) for name, rows in sources for row in rows):
        q = resolve_question(row)
        text = guard_answer(row.answer, 12_000).text
        rubric = rubrics().topics[q.topic]
        f = extract(q, text, {d.id: list(d.concepts) for d in rubric.dimensions})
        ev = {d.id: dimension_evidence(d.id, f, DEFAULT)[0] for d in rubric.dimensions}
        items.append(
            {
                "row": row,
                "file": source,  # for --lofo: each labeller's file is held out in turn
                "q": q,
                "text": text,
                "x": vector(f, ev),
                "cap": cap_for(flags_for(f, DEFAULT), f, DEFAULT),
                "empty": f.empty,
            }
        )
    return items


NEGATIVE = {"filler", "red_flags"}  # every other signal may only raise a score


def _fit_weights(items: list[dict]) -> tuple[float, dict[str, float]]:
    """Ridge regression on uncapped rows; a signal whose sign contradicts its meaning is dropped."""
    train = [it for it in items if it["cap"] > 2 and not it["empty"]]
    keys = list(train[0]["x"])
    y = np.array([it["row"].gold.overall for it in train], dtype=float)
    while True:
        x = np.array([[it["x"][k] for k in keys] for it in train])
        xm, ym = x.mean(axis=0), y.mean()
        xc = x - xm
        w = np.linalg.solve(xc.T @ xc + RIDGE * np.eye(len(keys)), xc.T @ (y - ym))
        wrong = [k for k, v in zip(keys, w, strict=True) if (v < 0) != (k in NEGATIVE)]
        if not wrong:
            break
        keys.remove(min(wrong, key=lambda k: abs(w[keys.index(k)]) * -1))
    weights = {k: 0.0 for k in train[0]["x"]} | {k: round(float(v), 3) for k, v in zip(keys, w, strict=True)}
    return float(ym - w @ xm), weights


def _raw(it: dict, intercept: float, weights: dict[str, float]) -> float:
    if it["empty"]:
        return 1.0
    return min(5.0, max(1.0, intercept + sum(weights[k] * v for k, v in it["x"].items())))


def _fit_cuts(items: list[dict], intercept: float, weights: dict[str, float]) -> tuple[float, ...]:
    """Coordinate ascent on QWK, one cut at a time over a 0.05 grid, until nothing improves."""
    raws = [_raw(it, intercept, weights) for it in items]
    gold = [it["row"].gold.overall for it in items]

    def score(cuts: list[float]) -> float:
        p = Params(cuts=tuple(cuts))  # type: ignore[arg-type]
        return qwk(gold, [min(it["cap"], to_int(r, p)) for it, r in zip(items, raws, strict=True)])

    cuts = [1.5, 2.5, 3.5, 4.5]
    best = score(cuts)
    for _ in range(10):
        improved = False
        for i in range(4):
            lo = cuts[i - 1] + 0.05 if i else 1.05
            hi = cuts[i + 1] - 0.05 if i < 3 else 4.95
            for c in np.arange(lo, hi + 1e-9, 0.05):
                trial = [*cuts[:i], round(float(c), 2), *cuts[i + 1 :]]
                k = score(trial)
                if k > best + 1e-9:
                    best, cuts, improved = k, trial, True
        if not improved:
            break
    return tuple(cuts)


def _predict(items: list[dict], params: Params) -> list[int]:
    return [grade_answer(it["q"], it["text"], rubrics().topics[it["q"].topic], "fit", params).overall for it in items]


def _fit_spread(items: list[dict], params: Params) -> float:
    """The largest spread whose per-dimension QWK is within 0.02 of the best: dimensions should differ."""
    scores = {}
    for spread in (0.0, 1.0, 2.0, 3.0, 4.0, 5.0):
        p = replace(params, dim_spread=spread)
        gold, pred = [], []
        for it in items:
            g = grade_answer(it["q"], it["text"], rubrics().topics[it["q"].topic], "fit", p)
            for d in g.dimensions:
                gold.append(it["row"].gold.dimensions[d.dimension])
                pred.append(d.score)
        scores[spread] = qwk(gold, pred)
    print("per-dimension QWK by spread:", {k: round(v, 3) for k, v in scores.items()})
    top = max(scores.values())
    return max(s for s, k in scores.items() if k >= top - 0.02)


def fit(items: list[dict]) -> Params:
    """Weights by ridge regression, then cut points by QWK, then the dimension spread."""
    intercept, weights = _fit_weights(items)
    params = Params(weights=weights, intercept=round(intercept, 3))
    params = replace(params, cuts=_fit_cuts(items, intercept, weights))
    return replace(params, dim_spread=_fit_spread(items, params))


def fit_added(items: list[dict], base: Params, added: list[str]) -> Params:
    """Keep every fitted constant and fit only the weights of `added` signals, by least squares on residuals.

    Answers on which the added signals are all zero keep exactly the grade they had: a new signal can
    only move the answers it fires on.
    """
    train = [it for it in items if it["cap"] > 2 and not it["empty"]]
    weights = dict(base.weights)
    for key in added:
        weights[key] = 0.0
        x = np.array([it["x"][key] for it in train])
        resid = np.array([it["row"].gold.overall - _raw(it, base.intercept, weights) for it in train])
        w = float(x @ resid / (x @ x + RIDGE)) if x.any() else 0.0
        weights[key] = round(w, 3) if (w < 0) == (key in NEGATIVE) else 0.0
    return replace(base, weights=weights)


def main() -> None:
    """Fit on dev, report in-sample and leave-one-question-out QWK."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--dataset", type=Path, default=Path("evals/datasets/grader.jsonl"))
    ap.add_argument("--cv", action="store_true", help="Also run leave-one-question-out cross-validation.")
    ap.add_argument("--also", type=Path, action="append", default=[], help="Fit on every row of this file too.")
    ap.add_argument("--write", action="store_true", help=f"Save the fit to {FIT_FILE}.")
    ap.add_argument("--lofo", action="store_true", help="Also hold out each --also file in turn (a new labeller).")
    ap.add_argument(
        "--add", action="append", default=[], help="Fit only this new signal's weight; keep the saved fit as it is."
    )
    args = ap.parse_args()
    items = _prepare(args.dataset, args.also)
    base = replace(DEFAULT, weights={k: v for k, v in DEFAULT.weights.items() if k not in args.add})

    def without_added(rows: list[dict]) -> list[dict]:
        return [it | {"x": {k: 0.0 if k in args.add else v for k, v in it["x"].items()}} for it in rows]

    def fit_any(rows: list[dict]) -> Params:
        """In cross-validation the kept fit is refitted on the fold too, so nothing leaks from the held question."""
        return fit_added(rows, fit(without_added(rows)), args.add) if args.add else fit(rows)

    params = fit_added(items, base, args.add) if args.add else fit(items)
    gold = [it["row"].gold.overall for it in items]
    print(f"in-sample dev QWK: {qwk(gold, _predict(items, params)):.3f}")
    fitted = {
        "weights": params.weights,
        "intercept": params.intercept,
        "dim_spread": params.dim_spread,
        "cuts": list(params.cuts),
        "fitted_on": f"{args.dataset} split=dev"
        + "".join(f" + {p}" for p in args.also)
        + f" rows={len(items)}"
        + "".join(f"; {k} added with the rest kept" for k in args.add),
    }
    print(json.dumps(fitted, indent=2))
    if args.write:
        FIT_FILE.write_text(json.dumps(fitted, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {FIT_FILE}")
    if args.lofo:
        leave_one_file_out(items, args.dataset.name)
    if args.cv:
        by_q: dict[str, list[dict]] = {}
        for it in items:
            by_q.setdefault(it["row"].question, []).append(it)
        cv_gold, cv_pred = [], []
        for q, held in by_q.items():
            rest = [it for it in items if it["row"].question != q]
            p = fit_any(rest)
            cv_gold += [it["row"].gold.overall for it in held]
            cv_pred += _predict(held, p)
        print(
            f"leave-one-question-out dev QWK: {qwk(cv_gold, cv_pred):.3f} "
            f"(adjacent {mean(abs(a - b) <= 1 for a, b in zip(cv_gold, cv_pred, strict=True)):.3f})"
        )


def leave_one_file_out(items: list[dict], dev_file: str) -> None:
    """Score each --also file with a fit on dev + the other files, and with a fit on dev alone."""
    dev = [it for it in items if it["file"] == dev_file]
    files: dict[str, list[dict]] = {}
    for it in items:
        if it["file"] != dev_file:
            files.setdefault(it["file"], []).append(it)
    dev_only = fit(dev)
    pooled: dict[str, list[int]] = {"dev + other files": [], "dev only": []}
    gold_all: list[int] = []
    for name, held in files.items():
        rest = dev + [it for other, its in files.items() if other != name for it in its]
        gold = [it["row"].gold.overall for it in held]
        gold_all += gold
        for label, params in (("dev + other files", fit(rest)), ("dev only", dev_only)):
            pred = _predict(held, params)
            pooled[label] += pred
            print(f"{name} [{label}]: QWK {qwk(gold, pred):.3f}, within-one {_within(gold, pred):.3f}")
    for label, pred in pooled.items():
        print(
            f"pooled over held-out files [{label}]: QWK {qwk(gold_all, pred):.3f}, within-one "
            f"{_within(gold_all, pred):.3f}, exact {mean(a == b for a, b in zip(gold_all, pred, strict=True)):.3f}, "
            f"mean over gold {mean(pred) - mean(gold_all):+.2f}"
        )


def _within(gold: list[int], pred: list[int]) -> float:
    return mean(abs(a - b) <= 1 for a, b in zip(gold, pred, strict=True))


if __name__ == "__main__":
    main()
