"""Every model fault from the LLM issue, at the HTTP layer: the scripted interview always completes."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
import respx
from click.testing import CliRunner
from conftest import STRONG_METRICS_ANSWER
from llm_fakes import chat

from interviewer.cli import main
from interviewer.knowledge import rubrics
from interviewer.resilience import SessionGuard

URL = "http://llm.test/v1/chat/completions"
DIMS = [d.id for d in rubrics().topics["metrics"].dimensions]


_ok = chat


def _grade(score: object = 4) -> str:
    dims = [{"dimension": d, "score": score, "evidence": ""} for d in DIMS]
    return json.dumps({"dimensions": dims, "missing": [], "tip": "Give each guardrail a threshold and an action."})


def _silent(request: httpx.Request) -> httpx.Response:
    time.sleep(3)
    return _ok(_grade())


def _closed(request: httpx.Request) -> httpx.Response:
    raise httpx.RemoteProtocolError("peer closed connection without sending complete message body")


def _schema_400_then_ok(request: httpx.Request) -> httpx.Response:
    if json.loads(request.content).get("response_format", {}).get("type") == "json_schema":
        return httpx.Response(400, json={"error": {"message": "Input should be 'text' or 'json_object'"}})
    return _ok(_grade())


FAULTS: dict[str, tuple[Callable[[httpx.Request], httpx.Response], bool]] = {
    # name: (server behaviour, whether the model still grades)
    "500": (lambda r: httpx.Response(500, json={"error": {"message": "boom"}}), False),
    "429-retry-after": (
        lambda r: httpx.Response(429, json={"error": {"message": "slow"}}, headers={"retry-after": "1"}),
        False,
    ),
    "silent-server": (_silent, False),
    "closed-mid-response": (_closed, False),
    "prose-not-json": (lambda r: _ok("The candidate did well overall, I'd say a four."), False),
    "truncated-json": (lambda r: _ok(_grade()[:60]), False),
    "empty-choices": (
        lambda r: httpx.Response(
            200, json={"id": "x", "object": "chat.completion", "created": 0, "model": "m", "choices": []}
        ),
        False,
    ),
    "out-of-range-scores": (lambda r: _ok(_grade(score=9)), False),
    "400-on-json-schema": (_schema_400_then_ok, True),
    "401": (lambda r: httpx.Response(401, json={"error": {"message": "Incorrect API key"}}), False),
}


@pytest.mark.parametrize("fault", sorted(FAULTS))
def test_interview_completes_under_each_fault(fault: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    behaviour, model_grades = FAULTS[fault]
    monkeypatch.setenv("INTERVIEWER_GRADER_MODEL", "openai/grader-test")
    monkeypatch.setenv("INTERVIEWER_API_BASE", "http://llm.test/v1")
    monkeypatch.setenv("INTERVIEWER_API_KEY", "sk-test-fault-0000000000")
    monkeypatch.setenv("INTERVIEWER_LLM_TIMEOUT", "1")
    monkeypatch.setattr("interviewer.llm.Gateway._backoff", lambda self, attempt, wait: 0.0)
    answers = tmp_path / "a.txt"
    answers.write_text(STRONG_METRICS_ANSWER + "\n---\nA follow-up about thresholds and rollback.\n---\n/skip\n")
    out = tmp_path / "r.json"
    with respx.mock:
        respx.post(URL).mock(side_effect=behaviour)
        result = CliRunner().invoke(
            main,
            ["practice", "--topic", "metrics", "--questions", "1", "--answers", str(answers), "--report", str(out)],
        )
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output and "Summary" in result.output
    report = json.loads(out.read_text())
    if model_grades:
        assert report["grader"] == "llm" and not report["degraded_turns"]
        assert "model calls" in report["model_usage"]
    else:
        assert "degraded: rule-based" in result.output and "Next:" in result.output
        assert report["degraded_turns"] and report["degraded_turns"][0].startswith("Q1")
    if fault == "401":
        assert "key was refused" in result.output


def test_breaker_trips_on_errors_latency_and_budget() -> None:
    g = SessionGuard()
    for _ in range(5):
        g.record(True, 0.2)
    assert not g.blocked()
    g.record(False, 0.2)
    assert not g.blocked(), "one failed call may be a blip"
    g.record(False, 0.2)
    assert "error rate" in g.blocked()
    slow = SessionGuard()
    for _ in range(6):
        slow.record(True, 3.5)
    assert "P99 latency" in slow.blocked()
    spend = SessionGuard(budget_usd=0.01)
    spend.add_usage(1000, 100, 0.02)
    assert "budget" in spend.blocked()


@respx.mock
def test_a_tripped_breaker_stops_calling_the_model(monkeypatch: pytest.MonkeyPatch) -> None:
    from interviewer.errors import LLMError
    from interviewer.llm import Gateway
    from interviewer.llm_config import GatewayConfig
    from interviewer.llm_grader import LLMGradeOut

    route = respx.post(URL).mock(return_value=_ok(_grade()))
    guard = SessionGuard()
    guard.tripped = "test"
    gw = Gateway(GatewayConfig(model="openai/x", api_base="http://llm.test/v1", guard=guard))
    with pytest.raises(LLMError, match="off for this session"):
        gw.complete([{"role": "user", "content": "x"}], LLMGradeOut)
    assert not route.called


def test_unreachable_host_says_what_to_do(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    with socket.socket() as s:  # a loopback port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    monkeypatch.setenv("INTERVIEWER_GRADER_MODEL", "openai/grader-test")
    monkeypatch.setenv("INTERVIEWER_API_BASE", f"http://127.0.0.1:{port}/v1")
    monkeypatch.setenv("INTERVIEWER_API_KEY", "sk-test-unreachable-00000")
    monkeypatch.setattr("interviewer.llm.Gateway._backoff", lambda self, attempt, wait: 0.0)
    answers = tmp_path / "a.txt"
    answers.write_text(STRONG_METRICS_ANSWER + "\n---\n/skip\n---\n/skip\n")
    result = CliRunner().invoke(main, ["practice", "--topic", "metrics", "--questions", "1", "--answers", str(answers)])
    assert result.exit_code == 0 and "Traceback" not in result.output
    assert f"127.0.0.1:{port}" in result.output and "INTERVIEWER_API_BASE" in result.output
