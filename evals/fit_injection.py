"""Fit the injection detector's learned second opinion (interviewer/injection_flags.json) on tuning data only.

Usage: python evals/fit_injection.py [--cv] [--write] [--threshold P]

Positives are the sentences of attack snippets (minus any listed as `content`: real answer text an
author wrapped around the request); negatives the sentences of benign answers and that content. Tuning
data only: the built-in attack templates, injection.jsonl's dev split, the fresh/blind/final/final2/
final3-final38 and hard25-hard38 sets (each run once blind before it was used here), session 15's two training
sets (train15a, train15b), a code review's attacks and look-alikes (review11, session 19; injection-benign-review.jsonl,
session 5), the hard benign set, and the answers of the grader's tuning rows (dev and the fresh files not held out in
evals/pooled.py). injection.jsonl's test split, the grader's held-out sets and any later blind set stay out. (So the
hard benign set's false-flag rate is in-sample for the model.)

The first fit of this model (session 15, final3-final20 and train15a/b) is frozen as interviewer/injection_model.json:
the thresholds for text that merely leans towards the grader, and for notes at an answer's edge, were set on its
probabilities (injection_model.py). This script no longer produces that file.

`--cv` holds out each attack set in turn (with a seeded share of the shared benign data), fits on the
rest, and reports what the whole detector (patterns + model) flags on the held-out set, so the
threshold is chosen on sets the model did not see.
"""

from __future__ import annotations

import json
import random
import sys
from collections import Counter, defaultdict
from functools import cache
from pathlib import Path

import numpy as np

from interviewer import injection_model
from interviewer.evaluation.attacks import ATTACKS
from interviewer.injection import readable, strip_injection
from interviewer.injection_model import MIN_WORDS, InjectionModel, features, words
from interviewer.injection_text import line_spans, sentence_spans

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fit_cli import arguments
from pooled import HELD as GRADER_HELD

DATA = Path(__file__).parent / "datasets"
HELD = (
    "fresh",
    "blind",
    "final",
    "final2",
    "final3",
    "final4",
    "final5",
    "final6",
    "final7",
    "final8",
    "final9",
    "final10",
    "final11",
    "final12",
    "final13",
    "final14",
    "final15",
    "final16",
    "final17",
    "final18",
    "final19",
    "final20",
    # session 15: two authors asked for training data of many strategies each (120 attacks, 120 look-alikes);
    # the session-start detector caught 52% and 64% of their attacks
    "train15a",
    "train15b",
    # session 22: every blind set of sessions 11-21 and a code review's set (session 19), read since their first runs
    *(f"final{n}" for n in range(21, 37)),
    *(f"hard{n}" for n in range(25, 37)),
    "review11",
    # session 23: session 22's and 23's blind sets, read since their first runs
    "final37",
    "final38",
    "hard37",
    "hard38",
)
# session 22, the 25 sets added that session left out in turn: at 3e-4 and 0.9, 89.2% of their attacks flagged with
# 15 of 2,155 benign texts; at 1e-4 and 0.95, 88.4% with 13 (the frozen model: 85.3% and 13). At 1e-4 and 0.92 it
# was 91.9% with 14, but "If the unit tests pass, the CI job will mark this as complete." scores 0.944
# session 23 (`--cv`, 57 sets): at 0.95, 88.4% of 2,674 left-out attack snippets and 30 of 4,665 benign texts flagged;
# with a look-alike's six copies counted towards MIN_COUNT as before, 88.8% and 32
THRESHOLD = 0.95
L2 = 1e-4
PRUNE = 0.05  # weights smaller than this change no decision
MIN_COUNT = 2  # a feature seen in one sentence only is an accident of that sentence (counted once per sentence)
# a benign answer of an injection set was written to look like an attack ("In QA mode we score a 5 on every synthetic
# ticket"): it weighs six times as much. With every set weighted alike, a code review's look-alikes were flagged
# (0.93-0.96); at six, left-out attacks were flagged as often (89.2% against 89.3%) with fewer false flags (15 against
# 19 of 2,155)
HARD_NEGATIVE = 6


def _rows(name: str) -> list[dict]:
    return [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.strip()]


def _labelled(name: str, row: dict) -> list[tuple[str, bool, str]]:
    """A row as (set, is_attack, text); an attack's `content` sentences (real answer text around it) are benign."""
    if row["kind"] != "attack":
        return [(name, False, row["answer"])]
    text = row["text"]
    for sentence in row.get("content", []):
        text = text.replace(sentence, " ")
    return [(name, True, text)] + [(name, False, sentence) for sentence in row.get("content", [])]


def snippets() -> list[tuple[str, bool, str]]:
    """(set, is_attack, text) for every tuning snippet; shared benign data spread over the sets, seeded."""
    out = [("dev", True, a.replace("{topic}", "metrics")) for a in ATTACKS]
    dev = [r for r in _rows("injection.jsonl") if r["split"] == "dev"]
    out += [s for r in dev for s in _labelled("dev", r)]
    for name in HELD:
        out += [s for r in _rows(f"injection-{name}.jsonl") for s in _labelled(name, r)]
    rnd = random.Random(0)
    shared = [r["answer"] for r in _rows("injection-benign-hard.jsonl")]
    shared += [r["answer"] for r in _rows("injection-benign-review.jsonl")]  # a code review's look-alikes (session 5)
    shared += [
        r["answer"]
        for r in _rows("grader.jsonl")
        if r.get("split") == "dev" and "injection" not in r.get("tags", []) and r["answer"].strip()
    ]
    out += [(rnd.choice(("dev", *HELD)), False, text) for text in shared]
    # the fresh tuning answers as negatives: without them three gold answers opening "This is a perfect case for full
    # automation." lost that line as a note at an answer's edge (session 21)
    rnd = random.Random(1)
    tuning = [
        r["answer"]
        for path in sorted(DATA.glob("grader-fresh*.jsonl"))
        if path.name not in GRADER_HELD
        for r in _rows(path.name)
        if "injection" not in r.get("tags", []) and r["answer"].strip()
    ]
    return out + [(rnd.choice(("dev", *HELD)), False, text) for text in tuning]


@cache  # read once: cross-validation fits once per held-out set
def look_alikes() -> frozenset[str]:
    """The benign answers of every injection set: text written to look like an attack and not be one."""
    return frozenset(
        r["answer"] for p in DATA.glob("injection*.jsonl") for r in _rows(p.name) if r.get("kind") == "benign"
    )


def units(text: str) -> list[str]:
    """The sentences of a snippet as the detector reads them, long enough to judge."""
    out = []
    for a, b in line_spans(text):
        for s, e in sentence_spans(text, a, b):
            plain = readable(text[s:e])
            if plain is not None and len(words(plain)) >= MIN_WORDS:
                out.append(plain)
    return out


def fit(data: list[tuple[str, bool, str]], threshold: float) -> InjectionModel:
    """Class-balanced, L2-regularised logistic regression (full-batch Adam) over words and word pairs."""
    hard = look_alikes()
    texts, labels, weights = [], [], []
    for _, attack, text in data:
        for u in units(text):
            texts.append(u)
            labels.append(float(attack))
            weights.append(HARD_NEGATIVE if not attack and text in hard else 1.0)
    feats = [features(t) for t in texts]
    seen = Counter(f for fs in feats for f in fs)
    vocab: dict[str, int] = {}
    rows, cols = [], []
    for i, fs in enumerate(feats):
        for f in fs:
            if seen[f] >= MIN_COUNT:
                rows.append(i)
                cols.append(vocab.setdefault(f, len(vocab)))
    r, c, y, cw = np.array(rows), np.array(cols), np.array(labels), np.array(weights)
    n, d = len(texts), len(vocab)
    sw = cw * np.where(y == 1, cw[y == 0].sum() / max(1.0, cw[y == 1].sum()), 1.0)
    sw /= sw.mean()
    w, b = np.zeros(d), 0.0
    m, v, mb, vb = np.zeros(d), np.zeros(d), 0.0, 0.0
    for t in range(1, 301):
        p = 1 / (1 + np.exp(-(np.bincount(r, weights=w[c], minlength=n) + b)))
        g = sw * (p - y)
        gw = np.bincount(c, weights=g[r], minlength=d) / n + L2 * w
        gb = float(g.mean())
        m, v = 0.9 * m + 0.1 * gw, 0.999 * v + 0.001 * gw * gw
        w -= 0.1 * (m / (1 - 0.9**t)) / (np.sqrt(v / (1 - 0.999**t)) + 1e-8)
        mb, vb = 0.9 * mb + 0.1 * gb, 0.999 * vb + 0.001 * gb * gb
        b -= 0.1 * (mb / (1 - 0.9**t)) / (np.sqrt(vb / (1 - 0.999**t)) + 1e-8)
    names = list(vocab)
    weights = {names[i]: round(float(w[i]), 4) for i in np.flatnonzero(np.abs(w) >= PRUNE)}
    return InjectionModel(weights, round(b, 4), threshold)


def cross_validate(data: list[tuple[str, bool, str]], thresholds: list[float]) -> None:
    """Leave one attack set out: what the whole detector flags there, with and without the model."""
    totals: dict[float, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for held in HELD:
        model = fit([x for x in data if x[0] != held], 1.0)
        test = [x for x in data if x[0] == held]
        for thr in [2.0, *thresholds]:  # 2.0: the flagging model never fires (patterns and edge rules alone)
            # the fold's fit decides what is removed; the frozen model still reads what leans, as in the package
            with injection_model.using(InjectionModel(model.weights, model.bias, thr), only=injection_model.FLAGS_FILE):
                att = [bool(strip_injection(t).removed) for _, a, t in test if a]
                ben = [bool(strip_injection(t).removed) for _, a, t in test if not a]
            print(f"{held:7s} thr {thr:4.2f}: attacks {sum(att)}/{len(att)} flagged, benign {sum(ben)}/{len(ben)}")
            tot = totals[thr]
            tot[0] += sum(att)
            tot[1] += len(att)
            tot[2] += sum(ben)
            tot[3] += len(ben)
    for thr, (fa, na, fb, nb) in totals.items():
        label = "without the flagging model" if thr > 1 else f"threshold {thr:.2f}"
        print(f"pooled, {label}: attacks {fa / na:.3f} ({fa}/{na}), benign {fb / nb:.3f} ({fb}/{nb})")


def main() -> None:
    """Fit, optionally cross-validate, optionally write the packaged model."""
    args = arguments(__doc__, THRESHOLD)
    data = snippets()
    if args.cv:
        cross_validate(data, [0.9, 0.92, 0.95])
    model = fit(data, args.threshold)
    print(f"{len(model.weights)} weights, bias {model.bias}, threshold {model.threshold}")
    if args.write:
        out = Path(__file__).parents[1] / "interviewer" / injection_model.FLAGS_FILE
        body = {"bias": model.bias, "threshold": model.threshold, "weights": dict(sorted(model.weights.items()))}
        out.write_text(json.dumps(body, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {out}")


if __name__ == "__main__":
    main()
