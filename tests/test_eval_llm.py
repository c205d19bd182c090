"""The model grader's eval pipeline on recorded responses (no key, no network): concurrency, cache, stability.

The recordings in fixtures/llm_recorded.jsonl are hand-written in the shape a chat-completions server
returns (one wrapped in a code fence, as small models do); they exercise the code path, not a model.
"""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest
import respx
from click.testing import CliRunner

from interviewer.cli import main

FIX = Path(__file__).parent / "fixtures"
URL = "http://llm.test/v1/chat/completions"
RECORDED = [json.loads(line) for line in (FIX / "llm_recorded.jsonl").read_text().splitlines()]


def _replay(request: httpx.Request) -> httpx.Response:
    body = json.loads(request.content)
    prompt = body["messages"][-1]["content"]
    for rec in RECORDED:
        if rec["marker"] in prompt:
            msg = {"role": "assistant", "content": rec["content"]}
            return httpx.Response(
                200,
                json={
                    "id": "r",
                    "object": "chat.completion",
                    "created": 0,
                    "model": "rec",
                    "choices": [{"index": 0, "finish_reason": "stop", "message": msg}],
                },
            )
    return httpx.Response(500, json={"error": {"message": "no recording for this prompt"}})


@pytest.fixture
def llm_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INTERVIEWER_API_BASE", "http://llm.test/v1")
    monkeypatch.setenv("INTERVIEWER_API_KEY", "sk-test-recorded-000000000")


def _run(tmp_path: Path, *extra: str) -> tuple[CliRunner, dict]:  # type: ignore[type-arg]
    out = tmp_path / f"o{len(list(tmp_path.glob('o*.json')))}.json"
    args = [
        "eval",
        "grader",
        "--dataset",
        str(FIX / "llm_eval_rows.jsonl"),
        "--grader",
        "rules",
        "--grader",
        "llm",
        "--model",
        "openai/recorded",
        "--no-suites",
        "--json",
        str(out),
        *extra,
    ]
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result, json.loads(out.read_text())


@respx.mock
def test_llm_eval_runs_on_recordings_side_by_side_and_caches(llm_env: None, tmp_path: Path) -> None:
    route = respx.post(URL).mock(side_effect=_replay)
    _, data = _run(tmp_path)
    assert set(data["graders"]) == {"rules", "llm"}
    llm_items = {i: v["by_grader"]["llm"]["overall"] for i, v in data["items"].items()}
    assert llm_items == {"m1": 5, "m2": 3, "m3": 1, "m4": 4, "m5": 2, "m6": 4}
    assert data["graders"]["llm"]["measurements"]["overall.degraded_share"] == 0.0
    assert data["graders"]["llm"]["agreement"]["overall"]["qwk"] > 0.9
    first_calls = route.call_count
    assert first_calls >= 5
    _, again = _run(tmp_path)
    assert route.call_count == first_calls, "a cached re-run must not call the model"
    assert again["items"] == data["items"] and again["row_cache"].startswith("6 graded rows reused")


@respx.mock
def test_a_code_change_regrades_every_row_from_the_call_cache(
    llm_env: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    route = respx.post(URL).mock(side_effect=_replay)
    _, data = _run(tmp_path)
    calls = route.call_count
    monkeypatch.setattr("interviewer.evaluation.memo.code_fingerprint", lambda: "edited-code")
    _, again = _run(tmp_path)
    assert again["row_cache"].startswith("0 graded rows reused"), "kept rows must not outlive the code"
    assert again["llm_cache"].startswith(f"{calls} hits, 0 model calls")
    assert again["items"] == data["items"]


@respx.mock
def test_degraded_rows_are_not_kept(llm_env: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("interviewer.llm.Gateway._backoff", lambda self, attempt, wait: 0.0)
    respx.post(URL).mock(return_value=httpx.Response(503, json={"error": {"message": "overloaded"}}))
    _, down = _run(tmp_path)
    assert down["graders"]["llm"]["measurements"]["overall.degraded_share"] > 0.5
    respx.post(URL).mock(side_effect=_replay)
    _, up = _run(tmp_path)
    assert up["graders"]["llm"]["measurements"]["overall.degraded_share"] == 0.0, "a failed call is retried"


@respx.mock
def test_repeats_measure_stability(llm_env: None, tmp_path: Path) -> None:
    respx.post(URL).mock(side_effect=_replay)
    _, data = _run(tmp_path, "--repeats", "2")
    assert data["graders"]["llm"]["stability"] == 1.0  # recordings are deterministic


@respx.mock
def test_a_failing_model_shows_as_degraded_not_as_rules_scores(
    llm_env: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("interviewer.llm.Gateway._backoff", lambda self, attempt, wait: 0.0)
    respx.post(URL).mock(return_value=httpx.Response(401, json={"error": {"message": "bad key"}}))
    _, data = _run(tmp_path)
    assert data["graders"]["llm"]["measurements"]["overall.degraded_share"] > 0.5
