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
    """The rule-based grader over the whole gold set (no suites), in a fresh process."""
    cmd = [str(BIN / "interviewer"), "eval", "grader", "--no-suites", "--dataset", "evals/datasets/grader.jsonl"]
    return [_proc(cmd) for _ in range(runs)]


def bench_first_question(runs: int) -> list[float]:
    """From launch to the first question on screen, offline, a fresh process each run."""
    out = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as home:
            env = {**ENV, "INTERVIEWER_HOME": home, "PYTHONUNBUFFERED": "1"}
            start = time.perf_counter()
            proc = subprocess.Popen(
                [str(BIN / "interviewer"), "practice", "--questions", "1"],
                cwd=ROOT,
                env=env,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                text=True,
            )
            assert proc.stdout is not None
            for line in proc.stdout:
                if "Question 1/1" in line:
                    out.append(time.perf_counter() - start)
                    break
            proc.kill()
            proc.wait()
    return out


def bench_memory() -> float:
    """Peak RSS (MB) of a scripted 5-question offline interview, in its own process."""
    with tempfile.TemporaryDirectory() as home:
        answers = Path(home) / "a.txt"
        answers.write_text("\n---\n".join(["We'd track task completion with a toxicity guardrail."] * 12))
        code = (
            "import resource, subprocess, sys; "
            f"subprocess.run([{str(BIN / 'interviewer')!r}, 'practice', '--questions', '5', '--answers', "
            f"{str(answers)!r}], capture_output=True); "
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
        )
        env = {**ENV, "INTERVIEWER_HOME": home}
        kb = int(subprocess.check_output([sys.executable, "-c", code], env=env, cwd=ROOT, text=True).strip())
    return kb / 1024


def bench_peer(runs: int) -> list[float] | None:
    """`llm --help` (simonw/llm) from a scratch venv the runner creates; None if it cannot be installed."""
    with tempfile.TemporaryDirectory() as d:
        venv = Path(d) / "venv"
        try:
            subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, capture_output=True)
            subprocess.run(
                [str(venv / "bin" / "pip"), "install", "-q", "llm"], check=True, capture_output=True, timeout=600
            )
        except (subprocess.SubprocessError, OSError):
            return None
        llm = str(venv / "bin" / "llm")
        _proc([llm, "--help"])
        return [_proc([llm, "--help"]) for _ in range(runs)]


def _timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> None:
    """Run everything and write the results file."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--peer", action="store_true", help="Also time `llm --help` from a scratch venv (needs PyPI).")
    args = ap.parse_args()
    runs = args.runs
    rows: list[tuple[str, str, list[float], float, str]] = []
    rows.append(("`interviewer --help`", "s", bench_help(runs), 0.3, "≤"))
    rows.append(("cold index build (`interviewer index`, new data dir)", "s", bench_cold_index(runs), 10.0, "≤"))
    warm = bench_in_process(runs)
    rows.append(("index refresh, nothing changed", "s", warm["refresh"], 0.5, "≤"))
    rows.append(("warm hybrid search, p95 of 100", "ms", [v * 1000 for v in warm["search_p95"]], 20.0, "≤"))
    n_rows = len((ROOT / "evals/datasets/grader.jsonl").read_text(encoding="utf-8").splitlines())
    rows.append((f"rule grader eval, {n_rows} rows (process incl. start-up)", "s", bench_eval(runs), 5.0, "≤"))
    rows.append(("launch to first question, offline, cold process", "s", bench_first_question(runs), 1.5, "≤"))
    from benchmarks import turns

    rule, llm, asks, ttft = [], [], [], []
    for _ in range(runs):
        rule.append(turns.rule_turns(30)["p95_ms"])
        llm.append(turns.llm_turns(0.2, 30))
        asks.append(turns.llm_turns(0.2, 30, interviewer=True))
        ttft.append(statistics.median(turns.first_token(0.2, 5)))
    rows.append(("rule-based turn (no model), p95 of 30", "ms", rule, 50.0, "≤"))
    rows.append(
        ("turn minus model time, stub D=200 ms, p95 of 30", "ms", [r["overhead_p95_ms"] for r in llm], 30.0, "≤")
    )
    rows.append(("turn time / model time, D=200 ms, median", "x", [r["ratio_median"] for r in llm], 1.05, "≤"))
    rows.append(
        (
            "model also writes the next prompt (2 calls a turn): turn minus model time, p95 of 30",
            "ms",
            [r["overhead_p95_ms"] for r in asks],
            30.0,
            "≤",
        )
    )
    rows.append(
        ("model also writes the next prompt: turn / model time", "x", [r["ratio_median"] for r in asks], 1.05, "≤")
    )
    rows.append(("first streamed token minus stub delay (D=200 ms)", "ms", ttft, 30.0, "≤"))
    speeds = [turns.eval_speed(0.2) for _ in range(max(1, runs // 2))]
    rows.append(
        (
            "LLM eval, 8 workers vs serial (40 rows, D=200 ms)",
            "x faster",
            [s["serial"] / s["workers8"] for s in speeds],
            6.0,
            "≥",
        )
    )
    rows.append(
        ("LLM eval, cached re-run vs first run", "x faster", [s["workers8"] / s["cached"] for s in speeds], 20.0, "≥")
    )
    rows.append(
        (
            "LLM eval, cached re-run vs serial first run",
            "x faster",
            [s["serial"] / s["cached"] for s in speeds],
            20,
            "≥",
        )
    )
    rows.append(
        ("peak RSS, scripted 5-question offline interview", "MB", [bench_memory() for _ in range(runs)], 400.0, "≤")
    )
    growth = turns.growth(100)
    peer = bench_peer(runs) if args.peer else None
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
        met = "yes" if (med <= target if op == "≤" else med >= target) else "NO"
        lines.append(f"| {name} | {med:.3f} {unit} | {lo:.3f} | {hi:.3f} | {op} {target:g} {unit} | {met} |")
    lines += [
        "",
        "## Growth over one 100-answer rule-based session",
        "",
        "| answer | turn time | bytes checkpointed for that turn | turns in state |",
        "|---|---|---|---|",
    ]
    lines += [
        f"| {t} | {g['turn_ms']:.1f} ms | {g['db_growth_kb']:.0f} KB | {g['state_turns']:.0f} |"
        for t, g in growth.items()
    ]
    if peer:
        ours = statistics.median(rows[0][2])
        lines += [
            "",
            f"Peer: `llm --help` median {statistics.median(peer):.3f} s (min {min(peer):.3f}, max "
            f"{max(peer):.3f}) vs `interviewer --help` {ours:.3f} s: ratio {ours / statistics.median(peer):.2f}.",
        ]
    (ROOT / "benchmarks" / "RESULTS.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
