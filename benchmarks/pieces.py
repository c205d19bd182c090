"""Where one model-graded turn's own time goes: each piece timed per turn against the stub.

`python benchmarks/pieces.py [--turns 30] [--delay 0.2]` (repo root, dev venv). Pieces nest (a turn
contains the grade, which contains the model call), so the rows do not add up; the overhead row is
what `turns.llm_turns` reports, turn time minus the stub's model seconds.
"""

from __future__ import annotations

import argparse
import functools
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from langgraph.checkpoint.sqlite import SqliteSaver
from langgraph.pregel import _loop

from benchmarks import turns
from interviewer import nodes
from interviewer.llm import Gateway
from interviewer.llm_config import GatewayConfig
from interviewer.llm_grader import LLMGrader
from interviewer.rules import RuleGrader
from interviewer.state import Context

PIECES: list[tuple[Any, str, str]] = [
    (_loop.SyncPregelLoop, "__enter__", "graph run: enter (load checkpoint, rebuild turns)"),
    (_loop.SyncPregelLoop, "__exit__", "graph run: exit (final checkpoint in exit mode)"),
    (SqliteSaver, "put", "checkpoint puts"),
    (SqliteSaver, "put_writes", "checkpoint write puts"),
    (nodes, "guard_answer", "input guard + injection scan"),
    (RuleGrader, "grade", "rule floor (overlaps the model call)"),
    (Gateway, "call", "model call incl. the stub's delay"),
    (LLMGrader, "grade", "whole model grade incl. the stub's delay"),
]


def _timed(owner: Any, name: str, label: str, spent: dict[str, list[float]]) -> None:
    original: Callable[..., Any] = getattr(owner, name)

    @functools.wraps(original)  # LangGraph reads a node's signature to pass it the runtime
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            spent.setdefault(label, []).append(time.perf_counter() - start)

    setattr(owner, name, wrapper)


def main() -> None:
    """Print each piece's milliseconds per turn."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--turns", type=int, default=30)
    ap.add_argument("--delay", type=float, default=0.2)
    args = ap.parse_args()
    spent: dict[str, list[float]] = {}
    for owner, name, label in PIECES:  # before the graph is built: nodes are looked up at build time
        _timed(owner, name, label, spent)
    stub = turns.StubProcess(args.delay)
    gateway = Gateway(GatewayConfig(model="openai/stub", api_base=stub.url, api_key="sk-bench-000000000000"))
    home = Path(tempfile.mkdtemp())
    context = Context(grader=LLMGrader(gateway, RuleGrader()), retriever=turns._retriever(home))
    turns.turn_times(context, 2, stub)  # warm-up
    spent.clear()
    totals, models = turns.turn_times(context, args.turns, stub)
    stub.close()
    overhead = statistics.median(t - m for t, m in zip(totals, models, strict=True))
    print(f"turn minus model, median: {overhead * 1000:.1f} ms")
    print(f"model (stub delay) per turn: {sum(models) / args.turns * 1000:.1f} ms")
    for _, _, label in PIECES:
        times = spent.get(label, [])
        print(f"{label:48s} {sum(times) / args.turns * 1000:7.2f} ms/turn {len(times) / args.turns:5.1f} calls/turn")


if __name__ == "__main__":
    main()
