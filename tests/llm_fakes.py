"""Chat-completions responses in the shape OpenAI-compatible servers send, for respx-faked models."""

from __future__ import annotations

import json

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


def sse(text: str) -> httpx.Response:
    """A streamed completion: server-sent events in small chunks, then a finish_reason and [DONE]."""

    def event(delta: dict[str, str], finish: str | None) -> str:
        chunk = {
            "id": "s",
            "object": "chat.completion.chunk",
            "created": 0,
            "model": "m",
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
        }
        return "data: " + json.dumps(chunk)

    lines = [event({"content": text[i : i + 12]}, None) for i in range(0, len(text), 12)]
    lines += [event({}, "stop"), "data: [DONE]"]
    return httpx.Response(200, headers={"content-type": "text/event-stream"}, content="\n\n".join(lines) + "\n\n")
