"""Chat-completions responses in the shape OpenAI-compatible servers send, for respx-faked models."""

from __future__ import annotations

import json
from typing import Any

import httpx


def chat(content: str, status: int = 200, headers: dict[str, str] | None = None) -> httpx.Response:
    """A non-streaming completion whose message is `content`."""
    body = {
        "id": "x",
        "object": "chat.completion",
        "created": 0,
        "model": "m",
        "choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": content}}],
        "usage": {"prompt_tokens": 900, "completion_tokens": 120, "total_tokens": 1020},
    }
    return httpx.Response(status, json=body, headers=headers)


def error(status: int, message: str, headers: dict[str, str] | None = None) -> httpx.Response:
    """An API error in OpenAI's shape."""
    return httpx.Response(status, json={"error": {"message": message, "type": "x"}}, headers=headers)


def sse(text: str, usage: tuple[int, int] | None = None) -> httpx.Response:
    """A streamed completion: server-sent events in small chunks, a finish_reason, the usage if given, [DONE]."""

    def event(delta: dict[str, str] | None, finish: str | None, **extra: Any) -> str:
        chunk = {"id": "s", "object": "chat.completion.chunk", "created": 0, "model": "m", **extra}
        chunk["choices"] = [] if delta is None else [{"index": 0, "delta": delta, "finish_reason": finish}]
        return "data: " + json.dumps(chunk)

    lines = [event({"content": text[i : i + 12]}, None) for i in range(0, len(text), 12)]
    lines.append(event({}, "stop"))
    if usage:  # as OpenAI sends it with stream_options.include_usage: a last chunk with no choices
        counts = {"prompt_tokens": usage[0], "completion_tokens": usage[1], "total_tokens": sum(usage)}
        lines.append(event(None, None, usage=counts))
    lines.append("data: [DONE]")
    return httpx.Response(200, headers={"content-type": "text/event-stream"}, content="\n\n".join(lines) + "\n\n")
