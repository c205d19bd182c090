"""Benchmarks: `python benchmarks/run.py [--runs 5]` writes benchmarks/RESULTS.md.

Each measurement runs in fresh processes where start-up matters (cold), or in one process after a
warm-up (warm). Medians with min and max over the runs; targets are from the project's issues.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
ENV = {**os.environ, "LITELLM_LOCAL_MODEL_COST_MAP": "True"}


def _proc(args: list[str], env: dict[str, str] | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(args, check=True, capture_output=True, env=env or ENV, cwd=ROOT)
    return time.perf_counter() - start


def _stats(values: list[float]) -> tuple[float, float, float]:
    return statistics.median(values), min(values), max(values)


def bench_help(runs: int) -> list[float]:
    """`interviewer --help`, a fresh process each run."""
    return [_proc([str(BIN / "interviewer"), "--help"]) for _ in range(runs)]


def bench_cold_index(runs: int) -> list[float]:
    """A cold index build (new process, new data dir): import, model load, embed, write."""
    out = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as home:
            out.append(_proc([str(BIN / "interviewer"), "index"], {**ENV, "INTERVIEWER_HOME": home}))
    return out


def bench_in_process(runs: int) -> dict[str, list[float]]:
    """Refresh with nothing changed, and warm hybrid searches (p95 over 100 queries per run)."""
    sys.path.insert(0, str(ROOT))
    from interviewer.retrieval import open_index

    refresh, p95 = [], []
    with tempfile.TemporaryDirectory() as home:
        index = open_index(Path(home), "local")
        index.refresh([])
        queries = ["when should we self-host?", "rollout phases for an AI feature", "p99 guardrail", "TAM example"]
        index.search(queries[0])
        for _ in range(runs):
            refresh.append(_timed(lambda: index.refresh([])))
            times = sorted(_timed(lambda q=q: index.search(q)) for _ in range(25) for q in queries)
            p95.append(times[int(0.95 * (len(times) - 1))])
    return {"refresh": refresh, "search_p95": p95}


def bench_eval(runs: int) -> list[float]:
    """The rule-based grader over the 229-row gold set (no suites), in a fresh process."""
    cmd = [str(BIN / "interviewer"), "eval", "grader", "--no-suites", "--dataset", "evals/datasets/grader.jsonl"]
    return [_proc(cmd) for _ in range(runs)]


def _timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> None:
    """Run everything and write the results file."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    runs = ap.parse_args().runs
    rows: list[tuple[str, str, list[float], float, str]] = []
    rows.append(("`interviewer --help`", "s", bench_help(runs), 0.3, "≤"))
    rows.append(("cold index build (`interviewer index`, new data dir)", "s", bench_cold_index(runs), 10.0, "≤"))
    warm = bench_in_process(runs)
    rows.append(("index refresh, nothing changed", "s", warm["refresh"], 0.5, "≤"))
    rows.append(("warm hybrid search, p95 of 100", "ms", [v * 1000 for v in warm["search_p95"]], 20.0, "≤"))
    rows.append(("rule grader eval, 229 rows (process incl. start-up)", "s", bench_eval(runs), 5.0, "≤"))
    lines = [
        "# Benchmark results",
        "",
        f"Machine: {platform.platform()}, Python {platform.python_version()}, {os.cpu_count()} cores.",
        f"Command: `python benchmarks/run.py --runs {runs}` (from the repo root, in the dev venv).",
        "",
        "| measurement | median | min | max | target | met |",
        "|---|---|---|---|---|---|",
    ]
    for name, unit, values, target, op in rows:
        med, lo, hi = _stats(values)
        met = "yes" if med <= target else "NO"
        lines.append(f"| {name} | {med:.3f} {unit} | {lo:.3f} | {hi:.3f} | {op} {target:g} {unit} | {met} |")
    (ROOT / "benchmarks" / "RESULTS.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
