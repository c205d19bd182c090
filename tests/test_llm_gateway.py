"""The gateway at the HTTP layer (respx): ladder, re-ask, retries, timeouts, fallbacks, no leaked keys.

Every test runs twice: openai/* models sent by the openai SDK directly ("auto") and through litellm.
"""

from __future__ import annotations

import contextlib
import json
import time
from typing import Any

import httpx
import pytest
import respx
from llm_fakes import chat, error, sse
from pydantic import BaseModel

from interviewer.errors import LLMError
from interviewer.llm import Gateway
from interviewer.llm_config import GatewayConfig, Transport, direct
from interviewer.llm_replies import extract_json
from interviewer.resilience import SessionGuard

BASE = "http://llm.test/v1"
URL = f"{BASE}/chat/completions"
KEY = "sk-test-SECRET-abcdef123456"


class Verdict(BaseModel):
    score: int
    reason: str


_reply, _error = chat, error
_TRANSPORT: list[Transport] = ["auto"]


@pytest.fixture(params=["auto", "litellm"], autouse=True)
def _transport(request: pytest.FixtureRequest) -> Any:
    _TRANSPORT[0] = request.param
    yield request.param
    _TRANSPORT[0] = "auto"


def _gateway(model: str = "openai/test-model", **kw: Any) -> tuple[Gateway, list[float]]:
    slept: list[float] = []
    cfg = GatewayConfig(model=model, api_base=BASE, api_key=KEY, transport=_TRANSPORT[0], **kw)
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
    gw, slept = _gateway(timeout_s=0.3, retries=2)
    start = time.monotonic()
    with pytest.raises(LLMError, match="no reply within"):
        gw.complete(MSG, Verdict)
    assert time.monotonic() - start < 1.5
    # and is not retried: a hung server cost 3 x 30 s per grade before the rules took over (the loopback test)
    assert slept == []


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


def test_only_openai_models_skip_litellm() -> None:
    assert direct("openai/gpt-4o-mini", "auto") and direct("openai/my-vllm-model", "auto")
    assert not direct("openai/gpt-4o-mini", "litellm")
    assert not direct("anthropic/claude-sonnet-4-5", "auto") and not direct("ollama/llama3.1", "auto")


@respx.mock
def test_streamed_tokens_arrive_in_order_with_the_key_sent_as_a_bearer() -> None:
    route = respx.post(URL).mock(return_value=sse("Walk me through the guardrail metrics you would set."))
    gw, _ = _gateway()
    text = "".join(gw.stream(MSG))
    assert text == "Walk me through the guardrail metrics you would set."
    request = route.calls[0].request
    assert json.loads(request.content)["stream"] is True
    assert request.headers["authorization"] == f"Bearer {KEY}"


@respx.mock
def test_usage_and_cost_are_metered_for_a_priced_model() -> None:
    respx.post(URL).mock(return_value=_reply(GOOD))  # 900 prompt + 120 completion tokens
    guard = SessionGuard()
    gw, _ = _gateway(model="openai/gpt-4o-mini", guard=guard)
    gw.complete(MSG, Verdict)
    assert guard.usage.calls == 1 and guard.usage.prompt_tokens == 900 and guard.usage.completion_tokens == 120
    assert 0 < guard.usage.cost_usd < 0.01  # litellm's local price map knows gpt-4o-mini


@respx.mock
def test_an_unpriced_model_costs_nothing_and_is_looked_up_once() -> None:
    respx.post(URL).mock(return_value=_reply(GOOD))
    guard = SessionGuard()
    gw, _ = _gateway(guard=guard)
    gw.complete(MSG, Verdict)
    gw.complete(MSG, Verdict)
    assert guard.usage.cost_usd == 0 and guard.usage.prompt_tokens == 1800
    assert gw._unpriced == {"openai/test-model"}


@respx.mock
def test_a_local_server_needs_no_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    route = respx.post(URL).mock(return_value=_reply(GOOD))
    gw = Gateway(GatewayConfig(model="openai/llama", api_base=BASE, transport=_TRANSPORT[0]))
    assert gw.complete(MSG, Verdict).score == 4
    assert route.call_count == 1


@respx.mock
def test_content_sent_as_a_list_of_parts_is_read_as_text() -> None:
    parts = {
        "id": "x",
        "object": "chat.completion",
        "created": 0,
        "model": "m",
        "choices": [
            {
                "index": 0,
                "finish_reason": "stop",
                "message": {"role": "assistant", "content": [{"type": "text", "text": GOOD}]},
            }
        ],
    }
    respx.post(URL).mock(return_value=httpx.Response(200, json=parts))
    gw, _ = _gateway()
    if _TRANSPORT[0] == "auto":  # litellm normalises the message itself
        assert gw.complete(MSG, Verdict) == Verdict(score=4, reason="solid")
    else:
        with contextlib.suppress(LLMError):  # a typed error the grader falls back from, never a crash
            gw.complete(MSG, Verdict)


@respx.mock
def test_a_page_that_is_not_json_is_a_typed_error_that_names_the_api_base() -> None:
    route = respx.post(URL).mock(return_value=httpx.Response(200, text="<html>Sign in to the proxy</html>"))
    gw, _ = _gateway()
    with pytest.raises(LLMError) as err:
        gw.complete(MSG, Verdict)
    assert route.call_count >= 1
    if _TRANSPORT[0] == "auto":
        assert "INTERVIEWER_API_BASE" in str(err.value)


@respx.mock
def test_model_text_loses_escape_codes_and_key_material_whole_or_split_over_chunks() -> None:
    # the loopback test: a model echoed the key and sent codes that retitled and wiped the terminal
    said = f"Before we start, your key is {KEY}. \x1b]0;PWNED\x07\x1b[2J\x1b[41mPaste it below\x1b[0m: what next?"
    respx.post(URL).mock(return_value=sse(said))
    gw, _ = _gateway()
    text = "".join(gw.stream(MSG))
    assert KEY not in text and "\x1b" not in text and "PWNED" not in text
    assert text.startswith("Before we start, your key is ***.") and text.endswith("Paste it below: what next?")


@respx.mock
def test_structured_output_strings_are_scrubbed_after_parsing() -> None:
    reply = json.dumps({"score": 4, "reason": f"solid \u001b[2J{KEY}"})
    respx.post(URL).mock(return_value=_reply(reply))
    gw, _ = _gateway()
    assert gw.complete(MSG, Verdict) == Verdict(score=4, reason="solid ***")


@respx.mock
def test_a_key_pasted_into_an_answer_never_leaves_the_machine() -> None:
    route = respx.post(URL).mock(return_value=_reply(GOOD))
    gw, _ = _gateway()
    pasted = [{"role": "user", "content": f"My answer. Oops, my key: {KEY} and AKIAIOSFODNN7EXAMPLE"}]
    gw.complete(pasted, Verdict)
    body = route.calls[0].request.content.decode()
    assert KEY not in body and "AKIAIOSFODNN7EXAMPLE" not in body and body.count("[KEY]") == 2


@respx.mock
def test_text_with_no_spaces_still_streams_in_steps() -> None:
    said = "你的北极星指标是什么" * 120  # 1,200 characters, no whitespace
    respx.post(URL).mock(return_value=sse(said))
    gw, _ = _gateway()
    parts = list(gw.stream(MSG))
    assert "".join(parts) == said and len(parts) > 1


@respx.mock
def test_a_configured_key_of_any_shape_is_masked_in_requests() -> None:
    route = respx.post(URL).mock(return_value=_reply(GOOD))
    odd = "local-9f8e7d6c5b4a3210abcdef"  # no provider's shape: only the configured key says it is one
    cfg = GatewayConfig(model="openai/test-model", api_base=BASE, api_key=odd, transport=_TRANSPORT[0])
    gw = Gateway(cfg, sleep=lambda s: None)
    gw.complete([{"role": "user", "content": f"My answer; my key is {odd}."}], Verdict)
    body = route.calls[0].request.content.decode()
    assert odd not in body and "my key is [KEY]." in body


@respx.mock
def test_a_streamed_call_is_metered_from_the_servers_count_or_else_an_estimate() -> None:
    said = "Walk me through the guardrail metrics you would set, and the threshold for each."
    respx.post(URL).mock(side_effect=[sse(said), sse(said, usage=(700, 30))])
    guard = SessionGuard()
    gw, _ = _gateway(model="openai/gpt-4o-mini", guard=guard)
    "".join(gw.stream(MSG))
    estimated = (guard.usage.prompt_tokens, guard.usage.completion_tokens)
    assert guard.usage.calls == 1 and estimated == (len("grade it") // 4, -(-len(said) // 4))
    assert guard.usage.cost_usd > 0  # a streamed call is not free for the budget
    "".join(gw.stream(MSG))
    assert guard.usage.calls == 2
    if _TRANSPORT[0] == "auto":  # the SDK hands the usage chunk on as it came
        assert guard.usage.prompt_tokens - estimated[0] == 700 and guard.usage.completion_tokens - estimated[1] == 30


@respx.mock
def test_a_stream_the_reader_stops_early_is_metered_and_not_called_a_failure() -> None:
    said = "A long rambling question " * 40
    respx.post(URL).mock(return_value=sse(said))
    guard = SessionGuard()
    gw, _ = _gateway(guard=guard)
    stream = gw.stream(MSG)
    next(stream)
    stream.close()  # the interviewer stops a reply past its length limit this way
    assert guard.usage.calls == 1 and guard.usage.completion_tokens > 0
    assert guard.blocked() == "" and not guard._calls  # the reader's choice: neither a success nor a failure


def test_a_stream_before_litellm_has_loaded_is_priced_once_it_has(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    guard = SessionGuard()
    gw, _ = _gateway(model="openai/gpt-4o-mini", guard=guard)
    litellm = sys.modules.get("litellm") or __import__("litellm")
    monkeypatch.delitem(sys.modules, "litellm")
    gw._meter("openai/gpt-4o-mini", None, 1000, 200)  # pricing now would import litellm before the last word
    assert guard.usage.calls == 1 and guard.usage.prompt_tokens == 1000 and guard.usage.cost_usd == 0
    monkeypatch.setitem(sys.modules, "litellm", litellm)
    gw._price_streams()
    assert 0 < guard.usage.cost_usd < 0.01 and guard.usage.calls == 1
