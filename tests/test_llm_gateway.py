"""The gateway at the HTTP layer (respx): ladder, re-ask, retries, timeouts, fallbacks, no leaked keys."""

from __future__ import annotations

import json
import time
from typing import Any

import httpx
import pytest
import respx
from llm_fakes import chat, error
from pydantic import BaseModel

from interviewer.errors import LLMError
from interviewer.llm import Gateway, GatewayConfig, extract_json

BASE = "http://llm.test/v1"
URL = f"{BASE}/chat/completions"
KEY = "sk-test-SECRET-abcdef123456"


class Verdict(BaseModel):
    score: int
    reason: str


_reply, _error = chat, error


def _gateway(**kw: Any) -> tuple[Gateway, list[float]]:
    slept: list[float] = []
    cfg = GatewayConfig(model="openai/test-model", api_base=BASE, api_key=KEY, **kw)
    return Gateway(cfg, sleep=slept.append), slept


MSG = [{"role": "user", "content": "grade it"}]
GOOD = json.dumps({"score": 4, "reason": "solid"})


@respx.mock
def test_json_schema_first() -> None:
    route = respx.post(URL).mock(return_value=_reply(GOOD))
    gw, _ = _gateway()
    assert gw.complete(MSG, Verdict) == Verdict(score=4, reason="solid")
    sent = json.loads(route.calls[0].request.content)
    assert sent["response_format"]["type"] == "json_schema" and sent["temperature"] == 0.0


@respx.mock
def test_ladder_steps_down_and_remembers() -> None:
    def server(request: httpx.Request) -> httpx.Response:
        fmt = json.loads(request.content).get("response_format", {}).get("type")
        if fmt == "json_schema":  # llama.cpp's answer, measured
            return _error(400, "Input should be 'text' or 'json_object'")
        return _reply(f"Sure! ```json\n{GOOD}\n```")

    route = respx.post(URL).mock(side_effect=server)
    gw, _ = _gateway()
    assert gw.complete(MSG, Verdict).score == 4
    assert route.call_count == 2
    assert gw.complete(MSG, Verdict).score == 4
    assert route.call_count == 3  # went straight to json_object this time
    assert "JSON schema" in json.loads(route.calls[-1].request.content)["messages"][-1]["content"]


@respx.mock
def test_invalid_output_is_reasked_once_with_the_error() -> None:
    route = respx.post(URL).mock(side_effect=[_reply('{"score": "high"}'), _reply(GOOD)])
    gw, _ = _gateway()
    assert gw.complete(MSG, Verdict).reason == "solid"
    reask = json.loads(route.calls[1].request.content)["messages"][-1]["content"]
    assert "could not be used" in reask and "score" in reask


@respx.mock
def test_junk_everywhere_fails_as_output_error_after_the_whole_ladder() -> None:
    route = respx.post(URL).mock(return_value=_reply("I think it's a 4."))
    gw, _ = _gateway()
    with pytest.raises(LLMError, match="structured output"):
        gw.complete(MSG, Verdict)
    assert route.call_count == 6  # three rungs, each with one re-ask


@respx.mock
def test_429_honours_retry_after_then_succeeds() -> None:
    respx.post(URL).mock(side_effect=[_error(429, "slow down", {"retry-after": "3"}), _reply(GOOD)])
    gw, slept = _gateway()
    assert gw.complete(MSG, Verdict).score == 4
    assert slept == [3.0]


@respx.mock
def test_5xx_retries_with_backoff() -> None:
    route = respx.post(URL).mock(side_effect=[_error(503, "busy"), _error(500, "oops"), _reply(GOOD)])
    gw, slept = _gateway(retries=2)
    assert gw.complete(MSG, Verdict).score == 4
    assert route.call_count == 3 and len(slept) == 2 and all(0 < s <= 20 for s in slept)


@respx.mock
def test_401_fails_fast_without_retries_and_without_the_key() -> None:
    route = respx.post(URL).mock(return_value=_error(401, f"Incorrect API key provided: {KEY}"))
    gw, slept = _gateway(retries=3)
    with pytest.raises(LLMError) as info:
        gw.complete(MSG, Verdict)
    assert route.call_count == 1 and slept == []
    assert KEY not in str(info.value) and "SECRET" not in str(info.value)


@respx.mock
def test_wall_clock_timeout_fires_on_a_silent_server() -> None:
    def silent(request: httpx.Request) -> httpx.Response:
        time.sleep(2.0)
        return _reply(GOOD)

    respx.post(URL).mock(side_effect=silent)
    gw, _ = _gateway(timeout_s=0.3, retries=0)
    start = time.monotonic()
    with pytest.raises(LLMError, match="no reply within"):
        gw.complete(MSG, Verdict)
    assert time.monotonic() - start < 1.5


@respx.mock
def test_fallback_model_answers_when_the_primary_cannot() -> None:
    def server(request: httpx.Request) -> httpx.Response:
        model = json.loads(request.content)["model"]
        return _error(404, "no such model") if model == "test-model" else _reply(GOOD)

    respx.post(URL).mock(side_effect=server)
    gw, _ = _gateway(fallbacks=["openai/backup-model"])
    assert gw.complete(MSG, Verdict).score == 4


def test_extract_json_is_tolerant() -> None:
    assert extract_json('Here you go:\n{"a": "line\nbreak"} thanks') == {"a": "line\nbreak"}
    with pytest.raises(ValueError):
        extract_json("no json here")


@respx.mock
def test_a_500_that_rejects_the_format_steps_down_without_retrying() -> None:
    def server(request: httpx.Request) -> httpx.Response:  # llama-cpp-python's answer, measured
        if json.loads(request.content).get("response_format", {}).get("type") == "json_schema":
            return _error(500, "1 validation error: body.response_format.type Input should be 'text' or 'json_object'")
        return _reply(GOOD)

    route = respx.post(URL).mock(side_effect=server)
    gw, slept = _gateway(retries=2)
    assert gw.complete(MSG, Verdict).score == 4
    assert route.call_count == 2 and slept == []
