"""Stopping mid-step (Ctrl-C, SIGTERM): a quick step is let finish its write; a slow one is reported as running."""

from __future__ import annotations

import os
import signal
import threading
import time

import pytest

from interviewer import loop
from interviewer.terminal import Terminated, stop_signals


def _sigterm_in(seconds: float) -> threading.Timer:
    timer = threading.Timer(seconds, os.kill, (os.getpid(), signal.SIGTERM))
    timer.start()
    return timer


def test_a_stop_lets_a_quick_step_finish_before_the_database_can_close() -> None:
    finished: list[bool] = []

    def step() -> object:
        time.sleep(0.4)  # a rule-graded turn writing its checkpoint
        finished.append(True)
        return object()

    timer = _sigterm_in(0.1)
    with stop_signals(), pytest.raises(Terminated):
        loop._interruptible(step)  # type: ignore[arg-type]
    timer.join()
    assert finished == [True] and not loop.step_running()


def test_a_step_still_running_after_the_grace_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loop, "STOP_GRACE", 0.1)
    release = threading.Event()

    def slow_model_call() -> object:
        release.wait(10)
        return object()

    timer = _sigterm_in(0.1)
    with stop_signals(), pytest.raises(Terminated):
        loop._interruptible(slow_model_call)  # type: ignore[arg-type]
    timer.join()
    # a join interrupted by the signal would have marked the worker finished; the step is in fact running
    assert loop.step_running()
    release.set()
    for _ in range(100):
        if not loop.step_running():
            break
        time.sleep(0.02)
    assert not loop.step_running()
