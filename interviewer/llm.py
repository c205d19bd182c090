"""The LLM gateway: the only module that imports litellm. Structured output, retries, timeouts, fallbacks."""

from __future__ import annotations

import json
import logging
import os
import random
import sys
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from .config import Settings
from .errors import LLMError, LLMOutputError
from .llm_config import GatewayConfig, Messages, direct, schema_json
from .llm_replies import (
    HINT,
    NotJSON,
    describe,
    extract_json,
    hint_for,
    rejects_format,
    retry_after,
    retryable,
    scrubbed,
    unpack,
)
from .llm_stream import Silent, Tally, held_back, relay
from .logs import adopt, redact, without_secrets
from .pii import mask
from .prompts import render
from .resilience import SessionGuard

log = logging.getLogger("interviewer.llm")
T = TypeVar("T", bound=BaseModel)
LADDER = ("json_schema", "json_object", "text")
_POOL = ThreadPoolExecutor(max_workers=16, thread_name_prefix="llm")


class _UnsupportedMode(Exception):
    """The server rejected this structured-output mode: try the next rung."""


def _schema(schema: type[BaseModel]) -> dict[str, Any]:
    """The class's JSON schema as a fresh dict, which litellm may modify."""
    loaded: dict[str, Any] = json.loads(schema_json(schema))
    return loaded


def _litellm() -> Any:
    os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")  # no price-list download at import
    import litellm

    litellm.suppress_debug_info = True
    litellm.telemetry = False
    for name in ("LiteLLM", "LiteLLM Proxy", "LiteLLM Router"):
        adopt(name)  # with --debug, litellm's own logs go through our redaction, to stderr
    litellm.disable_aiohttp_transport = True  # httpx everywhere: one transport, visible to respx
    return litellm


def warm() -> None:
    """Import litellm in the background (about 3 s on 2 cores), so the first graded answer does not wait for it."""
    threading.Thread(target=_litellm, name="litellm-warmup", daemon=True).start()


def outbound(messages: Messages, secret: str | None = None) -> Messages:
    """What may leave the machine: every message with personal data and key material masked."""
    # a key pasted into an answer never goes to a model, whatever its shape (pii.KEY knows the common ones)
    return [{**m, "content": mask(without_secrets(m["content"], secret, "[KEY]"))} for m in messages]


class Gateway:
    """`complete(messages, schema)` over litellm with our own timeout, retry and fallback policy."""

    def __init__(self, config: GatewayConfig, sleep: Callable[[float], None] = time.sleep) -> None:
        self.config = config
        self.model = config.model
        self._sleep = sleep
        self._modes: dict[str, int] = {}  # model -> first ladder rung that worked this session
        self._unpriced: set[str] = set()  # models litellm has no price for (a failed lookup costs ~1 ms)
        self._lock = threading.Lock()
        self._openai: Any = None  # one SDK client (and its connection pool) per gateway
        self._unpriced_streams: list[tuple[str, int, int]] = []  # (model, prompt, completion) tokens of early streams

    def _client(self) -> Any:
        with self._lock:
            if self._openai is None:
                import httpx
                import openai

                self._openai = openai.OpenAI(
                    api_key=self._key(openai_protocol=True),  # None: the SDK reads OPENAI_API_KEY
                    base_url=self.config.api_base or None,
                    max_retries=0,  # our policy retries, not the SDK's
                    timeout=self.config.timeout_s,
                    http_client=httpx.Client(),  # type: ignore[arg-type]  # httpx, as litellm uses: visible to respx
                )
            return self._openai

    def _send(self, kwargs: dict[str, Any]) -> Any:
        """One request, by the openai SDK for OpenAI-compatible models, else by litellm."""
        import httpx

        model = str(kwargs["model"])
        if not direct(model, self.config.transport):
            return _litellm().completion(**kwargs)
        args = {k: v for k, v in kwargs.items() if k not in ("api_base", "api_key", "num_retries", "timeout")}
        args["model"] = model.removeprefix("openai/")
        client = self._client()
        if args.get("stream"):
            return client.chat.completions.create(**args, timeout=kwargs["timeout"])
        # The raw route skips the SDK's request transform and response models (about 0.6 ms a call, measured)
        # and keeps its auth, base URL and typed errors; the JSON comes back as a plain dict.
        response = client.post(
            "/chat/completions", body=args, cast_to=httpx.Response, options={"timeout": kwargs["timeout"]}
        )
        try:
            return response.json()
        except ValueError:
            raise NotJSON(response.text[:200]) from None

    def complete(self, messages: Messages, schema: type[T], temperature: float = 0.0) -> T:
        """Structured output from the first model (primary, then fallbacks) that produces it."""
        guard = self.config.guard
        if reason := guard.blocked():
            raise LLMError(f"model calls are off for this session: {reason}", hint=HINT)
        _litellm()  # importing litellm takes seconds the first time; that is not the model's latency
        self._price_streams()
        start = time.monotonic()
        errors: list[str] = []
        hints: list[str] = []
        for model in [self.config.model, *self.config.fallbacks]:
            try:
                result = self._ladder(model, messages, schema, temperature)
                guard.record(True, time.monotonic() - start)
                return result
            except LLMError as exc:
                errors.append(str(exc))
                hints.append(exc.hint)
        guard.record(False, time.monotonic() - start)
        raise LLMError("; ".join(errors), hint=next((h for h in hints if h), HINT))

    def _ladder(self, model: str, messages: Messages, schema: type[T], temperature: float) -> T:
        start = self._modes.get(model, 0)
        last: Exception | None = None
        for rung in range(start, len(LADDER)):
            try:
                result = self._structured(model, LADDER[rung], messages, schema, temperature)
            except (_UnsupportedMode, LLMOutputError) as exc:
                last = exc
                continue
            with self._lock:
                self._modes[model] = rung
            return result
        raise LLMOutputError(f"no usable structured output ({last})")

    def _structured(self, model: str, mode: str, messages: Messages, schema: type[T], temperature: float) -> T:
        msgs = list(messages)
        extra: dict[str, Any] = {}
        if mode == "json_schema":
            extra["response_format"] = {
                "type": "json_schema",
                "json_schema": {"name": schema.__name__, "schema": _schema(schema), "strict": False},
            }
        else:
            if mode == "json_object":
                # llama.cpp turns an attached schema into a grammar; OpenAI-style servers ignore it.
                extra["response_format"] = {"type": "json_object", "schema": _schema(schema)}
            schema_text = json.dumps(_schema(schema), indent=1)
            msgs.append({"role": "system", "content": render("json_instructions", schema=schema_text)})
        reply = self.call(model, msgs, temperature, **extra)
        try:
            return schema.model_validate(scrubbed(extract_json(reply), self.config.api_key))
        except (ValueError, ValidationError) as exc:
            retry = [
                *msgs,
                {"role": "assistant", "content": reply[:4000]},
                {"role": "user", "content": render("reask", error=str(exc)[:1500])},
            ]
            again = self.call(model, retry, temperature, **extra)
            try:
                return schema.model_validate(scrubbed(extract_json(again), self.config.api_key))
            except (ValueError, ValidationError) as exc2:
                raise LLMOutputError(f"{mode} output failed validation twice: {str(exc2)[:300]}") from None

    def _request(self, model: str, messages: Messages, temperature: float, **extra: Any) -> dict[str, Any]:
        """litellm arguments: personal data masked, our timeout, no retries of litellm's own."""
        kwargs: dict[str, Any] = {
            "model": model,
            "messages": outbound(messages, self.config.api_key),
            "temperature": temperature,
            "timeout": self.config.timeout_s,
            "num_retries": 0,
            **extra,
        }
        if self.config.api_base:
            kwargs["api_base"] = self.config.api_base
        if key := self._key(openai_protocol=model.startswith("openai/")):
            kwargs["api_key"] = key
        return kwargs

    def _key(self, openai_protocol: bool) -> str | None:
        """The configured key; for a keyless local OpenAI-compatible server, a placeholder the SDK insists on."""
        if self.config.api_key:
            return self.config.api_key
        local = self.config.api_base and openai_protocol and not os.environ.get("OPENAI_API_KEY")
        return "unused" if local else None  # Ollama, vLLM and llama.cpp take any key

    @classmethod
    def from_settings(cls, settings: Settings, model: str, guard: SessionGuard | None = None) -> Gateway:
        """A gateway for one model, configured from the user's settings."""
        key = settings.api_key.get_secret_value() if settings.api_key else None
        return cls(
            GatewayConfig(
                model=model,
                api_base=settings.api_base,
                api_key=key,
                timeout_s=settings.llm_timeout,
                fallbacks=settings.fallbacks,
                guard=guard or SessionGuard(settings.budget_usd),
                transport=settings.llm_transport,
            )
        )

    def call(self, model: str, messages: Messages, temperature: float = 0.0, **extra: Any) -> str:
        """One chat completion's text, with a wall-clock timeout and retries for transient failures only."""
        kwargs = self._request(model, messages, temperature, **extra)
        for attempt in range(self.config.retries + 1):
            log.debug(
                "call model=%s attempt=%d format=%s", model, attempt + 1, extra.get("response_format", {}).get("type")
            )
            future = _POOL.submit(self._send, kwargs)
            try:
                response = future.result(timeout=self.config.timeout_s)
            except NotJSON:
                hint = "is INTERVIEWER_API_BASE an OpenAI-compatible /v1 URL?"
                raise LLMOutputError(f"{model} replied with something other than JSON: {hint}") from None
            except FutureTimeout:
                future.cancel()  # litellm's own timeout may never fire on a silent server; ours does
                # not retried: a server silent for the whole timeout seldom answers the next try, and each try is
                # another full timeout of a candidate staring at "Grading…" (the loopback test waited 3 x 30 s)
                failure: Exception = TimeoutError(f"no reply within {self.config.timeout_s:g}s")
                message = redact(f"{model} failed: {describe(failure)}", self.config.api_key)
                raise LLMError(message, hint=hint_for(failure, self.config.api_base)) from None
            except Exception as exc:  # classified right below, never swallowed
                failure, wait = exc, retry_after(exc)
                log.debug("failed model=%s: %s", model, redact(describe(exc), self.config.api_key))
                if rejects_format(exc) or not retryable(exc):
                    raise self._fatal(model, exc) from None
            else:
                try:
                    text, prompt, completion = unpack(response)
                except (AttributeError, KeyError, TypeError, IndexError, ValueError):
                    raise LLMOutputError(f"{model} returned a reply in an unexpected shape") from None
                self._meter(model, response, prompt, completion)
                if text is None:
                    raise LLMOutputError(f"{model} returned no choices")
                return text
            if attempt == self.config.retries:
                message = redact(
                    f"{model} failed after {attempt + 1} attempts: {describe(failure)}", self.config.api_key
                )
                raise LLMError(message, hint=hint_for(failure, self.config.api_base)) from None
            self._sleep(self._backoff(attempt, wait))
        raise AssertionError("unreachable")

    def _fatal(self, model: str, exc: Exception) -> Exception:
        text = redact(describe(exc), self.config.api_key)
        if rejects_format(exc):
            return _UnsupportedMode(text)
        return LLMError(f"{model}: {text}", hint=hint_for(exc, self.config.api_base))

    def _meter(self, model: str, response: Any, prompt: int, completion: int) -> None:
        if response is None and "litellm" not in sys.modules:
            # a stream straight to an OpenAI-compatible API: pricing it would import litellm (seconds) before the
            # question's last word; its tokens count now, its price once litellm has loaded (see complete)
            self.config.guard.add_usage(prompt, completion, 0.0)
            with self._lock:
                self._unpriced_streams.append((model, prompt, completion))
            return
        self.config.guard.add_usage(prompt, completion, self._cost(model, response, prompt, completion))

    def _price_streams(self) -> None:
        with self._lock:
            pending, self._unpriced_streams = self._unpriced_streams, []
        for model, prompt, completion in pending:
            self.config.guard.add_cost(self._cost(model, None, prompt, completion))

    def _cost(self, model: str, response: Any, prompt: int, completion: int) -> float:
        """Estimated dollars from litellm's local price map; 0 for models it does not price."""
        if model in self._unpriced:
            return 0.0
        lib = _litellm()
        try:
            if response is None or direct(model, self.config.transport):  # None: a stream, priced by its tokens
                return float(sum(lib.cost_per_token(model=model, prompt_tokens=prompt, completion_tokens=completion)))
            return float(lib.completion_cost(completion_response=response))
        except Exception:  # unknown models have no local price: count their tokens at cost 0, and stop asking
            with self._lock:
                self._unpriced.add(model)
            return 0.0

    def _backoff(self, attempt: int, retry_after: float | None) -> float:
        if retry_after is not None:
            return min(retry_after, self.config.max_backoff_s)
        jittered: float = self.config.backoff_s * 2**attempt * (0.5 + random.random())
        return min(jittered, self.config.max_backoff_s)

    def stream(self, messages: Messages, temperature: float = 0.3) -> Iterator[str]:
        """Text deltas of one completion; our timeout applies to the first token and to every gap after it."""
        guard, model = self.config.guard, self.config.model
        if reason := guard.blocked():
            raise LLMError(f"model calls are off for this session: {reason}", hint=HINT)
        if not direct(model, self.config.transport):
            _litellm()  # its first import takes seconds: not part of the wait for the first token
        kwargs = self._request(model, messages, temperature, stream=True)
        tally = Tally(prompt_chars=sum(len(m["content"]) for m in kwargs["messages"]))
        start = time.monotonic()
        try:
            yield from held_back(
                relay(lambda: self._send(kwargs), _POOL, self.config.timeout_s, tally), self.config.api_key
            )
            guard.record(True, time.monotonic() - start)
        except Silent as exc:
            guard.record(False, time.monotonic() - start)
            raise LLMError(str(exc), hint=hint_for(TimeoutError(), "")) from None
        except Exception as exc:  # the server's or the SDK's failure, raised as ours
            guard.record(False, time.monotonic() - start)
            raise LLMError(
                redact(describe(exc), self.config.api_key), hint=hint_for(exc, self.config.api_base)
            ) from None
        finally:  # a stream stopped early (the reader's choice, not a failure) is metered too
            self._meter(model, None, *tally.tokens())
