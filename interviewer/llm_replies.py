"""What a model server's replies and failures mean: the text and tokens of a reply, and for an error, whether to
retry, step down the structured-output ladder or stop, and what to tell the user."""

from __future__ import annotations

import json
import re
from typing import Any

from .logs import without_secrets
from .pii import KEY
from .text import printable


class NotJSON(Exception):
    """A 200 reply whose body is not JSON: a proxy page, or an API base that is not an OpenAI-compatible /v1."""


def unpack(response: Any) -> tuple[str | None, int, int]:
    """Text (None without choices) and token counts of a reply: a JSON dict (direct) or litellm's object."""
    if isinstance(response, dict):
        choices, usage = response.get("choices") or [], response.get("usage") or {}
        text = text_of((choices[0].get("message") or {}).get("content")) if choices else None
        return text, int(usage.get("prompt_tokens") or 0), int(usage.get("completion_tokens") or 0)
    choices, usage = getattr(response, "choices", None), getattr(response, "usage", None)
    text = text_of(choices[0].message.content) if choices else None
    return text, int(getattr(usage, "prompt_tokens", 0) or 0), int(getattr(usage, "completion_tokens", 0) or 0)


def text_of(content: Any) -> str:
    """A message's text; some servers send a list of parts ([{"type": "text", "text": ...}]) instead of a string."""
    if isinstance(content, list):
        return "".join(str(p.get("text") or "") if isinstance(p, dict) else str(p) for p in content)
    return str(content or "")


def extract_json(text: str) -> Any:
    """Tolerant JSON: strips code fences and prose around the first object; allows raw newlines."""
    fenced = re.search(r"```(?:json)?\s*(.*?)```", text, re.DOTALL)
    body = fenced.group(1) if fenced else text
    start, end = body.find("{"), body.rfind("}")
    if start < 0 or end <= start:
        raise ValueError("no JSON object in the reply")
    return json.loads(body[start : end + 1], strict=False)


HINT = "Check the model name, key and server, or unset INTERVIEWER_MODEL to practise with the rule-based grader."


def hint_for(exc: Exception, api_base: str) -> str:
    """What the user should do about this failure."""
    status = getattr(exc, "status_code", None)
    name = type(exc).__name__
    if status in (401, 403):
        return (
            "The key was refused: set INTERVIEWER_API_KEY (or the provider's own, e.g. OPENAI_API_KEY) to a valid key."
        )
    if status == 404:
        return "The model was not found: check INTERVIEWER_MODEL / INTERVIEWER_GRADER_MODEL (provider/model)."
    if status == 429:
        return "The provider is rate-limiting you: wait a minute, or set INTERVIEWER_FALLBACK_MODELS."
    if isinstance(exc, TimeoutError) or name in ("Timeout", "APITimeoutError"):
        return "The model did not answer in time: raise INTERVIEWER_LLM_TIMEOUT or use a faster model."
    if name in ("APIConnectionError", "ConnectError", "InternalServerError", "ServiceUnavailableError"):
        return f"Cannot get an answer from {api_base or 'the provider'}: check INTERVIEWER_API_BASE and the server."
    return HINT


def describe(exc: Exception) -> str:
    status = getattr(exc, "status_code", None)
    return f"{type(exc).__name__}{f' (HTTP {status})' if status else ''}: {str(exc)[:300]}"


def rejects_format(exc: Exception) -> bool:
    """The server refused the structured-output mode: step down the ladder, never retry the same request.

    llama-cpp-python answers a json_schema request with HTTP 500 (measured), llama.cpp's own server
    with 400, others with 422: the status varies, the complaint about `response_format` does not.
    """
    status = getattr(exc, "status_code", None)
    if type(exc).__name__ == "UnsupportedParamsError":
        return True
    pattern = r"response_format|json_schema|Input should be 'text' or 'json_object'"
    return status in (400, 422, 500) and re.search(pattern, str(exc)) is not None


def retryable(exc: Exception) -> bool:
    """429, 5xx and connection errors are worth another try; 400/401/403/404 are not, nor a timeout (a whole timeout
    more of waiting, for a server that seldom answers the next try)."""
    status = getattr(exc, "status_code", None)
    name = type(exc).__name__
    if name in ("APIConnectionError", "ConnectError"):
        return True
    return status == 429 or (isinstance(status, int) and 500 <= status < 600)


def retry_after(exc: Exception) -> float | None:
    headers = getattr(getattr(exc, "response", None), "headers", None) or getattr(exc, "litellm_response_headers", None)
    try:
        value = headers.get("retry-after") if headers is not None else None
        return float(str(value)) if value is not None else None
    except (TypeError, ValueError):
        return None


def scrubbed(value: Any, secret: str | None) -> Any:
    """Model output made safe to show and save: escape codes and control characters out, key material redacted.

    A model can echo a key it saw in an error or an answer, or send escape codes that retitle or wipe the terminal.
    """
    if isinstance(value, str):
        # exact keys and the providers' published key shapes only: the logs' wider net would eat "key-value-store"
        return KEY.sub("***", without_secrets(printable(value), secret))
    if isinstance(value, list):
        return [scrubbed(v, secret) for v in value]
    if isinstance(value, dict):
        return {k: scrubbed(v, secret) for k, v in value.items()}
    return value
