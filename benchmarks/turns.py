"""In-process turn benchmarks: overhead on top of the model, rule-based turns, streaming, evals, growth."""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")

from benchmarks.stub import StubProcess  # noqa: E402
from interviewer import store  # noqa: E402
from interviewer.knowledge import bank  # noqa: E402
from interviewer.llm import Gateway  # noqa: E402
from interviewer.llm_config import GatewayConfig  # noqa: E402
from interviewer.llm_grader import LLMGrader  # noqa: E402
from interviewer.llm_interviewer import LLMInterviewer  # noqa: E402
from interviewer.retrieval import LazyRetriever, open_index  # noqa: E402
from interviewer.rules import RuleGrader  # noqa: E402
from interviewer.session import Interview  # noqa: E402
from interviewer.state import Context  # noqa: E402

ANSWER = (
    "I'd start by clarifying the goal, then pick a north star such as task completion rate because it tracks "
    "user value. Proxies: acceptance rate and time to resolution. Guardrails: toxicity below baseline + 10% "
    "and P95 latency under 3 s, otherwise roll back to the fallback model; A/B test for 2-4 weeks at 50/50."
)


def p95(values: list[float]) -> float:
    """95th percentile (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(0.95 * (len(ordered) - 1) + 0.5))]


def _retriever(home: Path) -> LazyRetriever:
    retriever = LazyRetriever(lambda: open_index(home, "local"), [])
    retriever.search("warm up")  # the index and model load before timing starts
    return retriever


def _session(context: Context, n_questions: int) -> tuple[Any, Interview]:
    home = Path(tempfile.mkdtemp())
    cm = store.open_db(home / "sessions.sqlite")
    conn = cm.__enter__()
    questions = [bank().questions[i % len(bank().questions)] for i in range(n_questions)]
    interview, _ = Interview.start(conn, context, questions, "bench")
    retriever = context.retriever
    for text in interview.question_texts():  # as the CLI does in the background while question 1 is read
        if isinstance(retriever, LazyRetriever):
            retriever.search(text, k=1)
    return cm, interview


def turn_times(context: Context, turns: int, stub: StubProcess | None = None) -> tuple[list[float], list[float]]:
    """Wall time of each answer() and the model's share of it."""
    cm, interview = _session(context, turns)
    totals, models = [], []
    try:
        for _ in range(turns):
            before = len(stub.model_seconds) if stub else 0
            start = time.perf_counter()
            interview.answer(ANSWER)
            totals.append(time.perf_counter() - start)
            models.append(sum(stub.model_seconds[before:]) if stub else 0.0)
    finally:
        cm.__exit__(None, None, None)
    return totals, models


def llm_turns(delay: float, turns: int, interviewer: bool = False) -> dict[str, float]:
    """Overhead per turn (turn time minus model time) against a stub that answers after `delay`.

    With `interviewer`, the model also writes the next prompt (probe or question), streamed: the
    configuration `INTERVIEWER_MODEL` gives; without, only grades come from the model.
    """
    stub = StubProcess(delay)
    home = Path(tempfile.mkdtemp())
    gateway = Gateway(GatewayConfig(model="openai/stub", api_base=stub.url, api_key="sk-bench-000000000000"))
    asker = LLMInterviewer(gateway) if interviewer else None
    context = Context(grader=LLMGrader(gateway, RuleGrader()), retriever=_retriever(home), interviewer=asker)
    turn_times(context, 2, stub)  # warm-up: litellm import, first connection
    totals, models = turn_times(context, turns, stub)
    stub.close()
    overhead = [t - m for t, m in zip(totals, models, strict=True)]
    return {
        "overhead_p95_ms": p95(overhead) * 1000,
        "overhead_median_ms": statistics.median(overhead) * 1000,
        "ratio_median": statistics.median(t / m for t, m in zip(totals, models, strict=True) if m),
    }


def rule_turns(turns: int) -> dict[str, float]:
    """A turn with no model: input guard, rules, retrieval, checkpoint."""
    context = Context(grader=RuleGrader(), retriever=_retriever(Path(tempfile.mkdtemp())))
    turn_times(context, 2)
    totals, _ = turn_times(context, turns)
    return {"p95_ms": p95(totals) * 1000, "median_ms": statistics.median(totals) * 1000}


def first_token(delay: float, runs: int) -> list[float]:
    """Time to the first streamed token minus the stub's delay (our part of the wait), in ms."""
    stub = StubProcess(delay)
    gateway = Gateway(GatewayConfig(model="openai/stub", api_base=stub.url, api_key="sk-bench-000000000000"))
    out = []
    for i in range(runs + 1):
        start = time.perf_counter()
        stream = gateway.stream([{"role": "user", "content": "Ask me something?"}])
        next(stream)
        elapsed = time.perf_counter() - start
        for _ in stream:
            pass
        if i:  # the first run pays for importing litellm
            out.append((elapsed - delay) * 1000)
    stub.close()
    return out


def growth(turns: int = 100) -> dict[int, dict[str, float]]:
    """Turn latency and bytes checkpointed for that turn, at answers 1, 20 and 100 of one long session."""
    context = Context(grader=RuleGrader(), retriever=_retriever(Path(tempfile.mkdtemp())))
    cm, interview = _session(context, turns)
    marks: dict[int, dict[str, float]] = {}
    try:
        for turn in range(1, turns + 1):
            before = _stored(interview)
            start = time.perf_counter()
            interview.answer(ANSWER)
            elapsed = time.perf_counter() - start
            if turn in (1, 20, 100):
                marks[turn] = {
                    "turn_ms": elapsed * 1000,
                    "db_growth_kb": (_stored(interview) - before) / 1024,
                    "state_turns": len(interview.state()["turns"]),
                }
    finally:
        cm.__exit__(None, None, None)
    return marks


def _stored(interview: Interview) -> int:
    """Bytes of checkpoints and pending writes in the database."""
    c = interview.conn
    a = c.execute("SELECT coalesce(sum(length(checkpoint)) + sum(length(metadata)), 0) FROM checkpoints").fetchone()
    b = c.execute("SELECT coalesce(sum(length(value)), 0) FROM writes").fetchone()
    return int(a[0]) + int(b[0])


def eval_speed(delay: float, rows: int = 40) -> dict[str, float]:
    """The model grader over `rows` gold answers against the stub: serial, 8 workers, and a cached re-run."""
    from rich.console import Console

    from interviewer.config import Settings
    from interviewer.evaluation.command import EvalOptions, run
    from interviewer.llm import _litellm

    _litellm()  # its import (~3 s) is start-up, not grading: keep it out of the serial run's time
    stub = StubProcess(delay)
    data = Path(tempfile.mkdtemp()) / "rows.jsonl"
    data.write_text("\n".join((ROOT / "evals/datasets/grader.jsonl").read_text().splitlines()[:rows]) + "\n")
    quiet = Console(file=open(os.devnull, "w"))  # noqa: SIM115 - closed with the process
    times = {}
    for label, workers, home in (("serial", 1, "a"), ("workers8", 8, "b"), ("cached", 8, "b")):
        settings = Settings(home=data.parent / home, api_base=stub.url, api_key="sk-bench-000000000000")
        opts = EvalOptions(data, ["llm"], suites=False, model="openai/stub", workers=workers, settings=settings)
        start = time.perf_counter()
        run(opts, quiet)
        times[label] = time.perf_counter() - start
    stub.close()
    return times
