"""Shared fixtures: every test gets its own data directory and never sees the user's .env."""

from __future__ import annotations

import os
from collections.abc import Collection, Iterator
from pathlib import Path

import pytest

os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")

from interviewer.schemas import DimensionScore, Grade, Question

STRONG_METRICS_ANSWER = (
    "I'd start by clarifying the goal: the assistant exists to resolve customer problems faster. "
    "My north star would be the task completion rate, because it measures user value rather than clicks. "
    "Proxy metrics would be response acceptance rate and time to resolution, split by segment. "
    "I would add guardrails: the toxicity score must stay below baseline + 10%, and P95 latency under 3 seconds, "
    "otherwise we roll back to the fallback model. "
    "The trade-off is that optimizing speed could hurt quality, so I'd A/B test for 2-4 weeks with a 50/50 split."
)


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    home = tmp_path / "home"
    monkeypatch.setenv("INTERVIEWER_HOME", str(home))
    monkeypatch.setenv("COLUMNS", "200")  # rich wraps at the terminal width; keep transcripts on one line
    for var in (
        "INTERVIEWER_MODEL",
        "INTERVIEWER_GRADER_MODEL",
        "GRADER_MODEL",
        "INTERVIEWER_API_KEY",
        "INTERVIEWER_API_BASE",
        "INTERVIEWER_FALLBACK_MODELS",
    ):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.chdir(tmp_path)
    yield home


@pytest.fixture(autouse=True)
def _signal_handlers() -> Iterator[None]:
    """A stopped session ignores further Ctrl-C and signals for the rest of its process (`ignore_stops`); in
    the test process that would outlive the test, so each test gets its handlers back."""
    import signal

    names = [n for n in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, n)]
    saved = {n: signal.getsignal(getattr(signal, n)) for n in names}
    yield
    for n, handler in saved.items():
        signal.signal(getattr(signal, n), handler)


class FakeGrader:
    """Returns queued overall scores (all dimensions equal) and records every call."""

    def __init__(self, scores: list[int]) -> None:
        self.scores = list(scores)
        self.calls: list[tuple[str, str]] = []
        self.touched: list[frozenset[str]] = []  # what each call was told the input guard left of cut lines

    def grade(self, question: Question, answer: str, touched: Collection[str] = ()) -> Grade:
        from interviewer.knowledge import rubrics

        self.calls.append((question.id, answer))
        self.touched.append(frozenset(touched))
        score = self.scores.pop(0) if self.scores else 3
        dims = [
            DimensionScore(dimension=d.id, name=d.name, score=score)
            for d in rubrics().topics[question.topic].dimensions
        ]
        return Grade(rubric_version="test", overall=score, raw=float(score), dimensions=dims, tip="t")
