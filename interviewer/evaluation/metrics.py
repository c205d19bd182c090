"""Agreement metrics for automated scoring, laid out like ETS RSMTool: QWK, agreement, r, MAE, SMD."""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Sequence


def mean(values: Sequence[float]) -> float:
    """Arithmetic mean (plain floats: statistics.mean's exact fractions are slow inside a bootstrap)."""
    return sum(values) / len(values)


def pstdev(values: Sequence[float]) -> float:
    """Population standard deviation."""
    m = mean(values)
    return math.sqrt(sum((v - m) ** 2 for v in values) / len(values))


SCORES = (1, 2, 3, 4, 5)


def confusion(gold: Sequence[int], pred: Sequence[int]) -> list[list[int]]:
    """5x5 counts, rows = gold score, columns = predicted score."""
    m = [[0] * 5 for _ in SCORES]
    for g, p in zip(gold, pred, strict=True):
        m[g - 1][p - 1] += 1
    return m


def qwk(gold: Sequence[int], pred: Sequence[int]) -> float:
    """Quadratic weighted kappa on the 1-5 scale."""
    n = len(gold)
    if n == 0:
        return float("nan")
    obs = confusion(gold, pred)
    gh = [sum(row) for row in obs]
    ph = [sum(obs[i][j] for i in range(5)) for j in range(5)]
    num = den = 0.0
    for i in range(5):
        for j in range(5):
            w = (i - j) ** 2 / 16
            num += w * obs[i][j]
            den += w * gh[i] * ph[j] / n
    return 1.0 - num / den if den else 1.0


def exact(gold: Sequence[int], pred: Sequence[int]) -> float:
    """Share of identical scores."""
    return sum(g == p for g, p in zip(gold, pred, strict=True)) / len(gold)


def adjacent(gold: Sequence[int], pred: Sequence[int]) -> float:
    """Share of scores within one point."""
    return sum(abs(g - p) <= 1 for g, p in zip(gold, pred, strict=True)) / len(gold)


def mae(gold: Sequence[float], pred: Sequence[float]) -> float:
    """Mean absolute error."""
    return sum(abs(g - p) for g, p in zip(gold, pred, strict=True)) / len(gold)


def pearson(x: Sequence[float], y: Sequence[float]) -> float:
    """Pearson correlation (nan when either side is constant)."""
    mx, my = mean(x), mean(y)
    sx, sy = pstdev(x), pstdev(y)
    if sx == 0 or sy == 0:
        return float("nan")
    return sum((a - mx) * (b - my) for a, b in zip(x, y, strict=True)) / (len(x) * sx * sy)


def _ranks(v: Sequence[float]) -> list[float]:
    order = sorted(range(len(v)), key=lambda i: v[i])
    ranks = [0.0] * len(v)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and v[order[j + 1]] == v[order[i]]:
            j += 1
        for k in range(i, j + 1):
            ranks[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return ranks


def spearman(x: Sequence[float], y: Sequence[float]) -> float:
    """Spearman rank correlation (ties get average ranks)."""
    return pearson(_ranks(x), _ranks(y))


def smd(gold: Sequence[float], pred: Sequence[float]) -> float:
    """Standardised mean difference: (mean pred - mean gold) / pooled SD, as in RSMTool."""
    pooled = math.sqrt((pstdev(gold) ** 2 + pstdev(pred) ** 2) / 2)
    return (mean(pred) - mean(gold)) / pooled if pooled else 0.0


METRICS: dict[str, Callable[[Sequence[int], Sequence[int]], float]] = {
    "qwk": qwk,
    "exact": exact,
    "adjacent": adjacent,
    "pearson": pearson,
    "spearman": spearman,
    "mae": mae,
    "smd": smd,
}


def bootstrap_ci(
    gold: Sequence[int],
    pred: Sequence[int],
    fn: Callable[[Sequence[int], Sequence[int]], float],
    n: int = 1000,
    seed: int = 0,
) -> tuple[float, float]:
    """Percentile 95% confidence interval by resampling items with replacement (seeded)."""
    rng = random.Random(seed)
    idx = range(len(gold))
    stats = []
    for _ in range(n):
        sample = rng.choices(idx, k=len(gold))
        value = fn([gold[i] for i in sample], [pred[i] for i in sample])
        if not math.isnan(value):
            stats.append(value)
    if not stats:
        return (float("nan"), float("nan"))
    stats.sort()
    return (stats[int(0.025 * (len(stats) - 1))], stats[int(0.975 * (len(stats) - 1))])


def summary(gold: Sequence[int], pred: Sequence[int], ci: bool = True) -> dict[str, float | list[float]]:
    """Every metric, each with its bootstrap CI when asked, plus N and the means."""
    out: dict[str, float | list[float]] = {"n": len(gold)}
    if not gold:
        return out
    for name, fn in METRICS.items():
        out[name] = round(fn(gold, pred), 4)
        if ci:
            lo, hi = bootstrap_ci(gold, pred, fn)
            out[f"{name}_ci"] = [round(lo, 4), round(hi, 4)]
    out["mean_gold"] = round(mean(gold), 3)
    out["mean_pred"] = round(mean(pred), 3)
    return out
