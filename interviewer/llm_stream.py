"""Streamed completions: deltas pumped on a worker thread, timed per gap, scrubbed a whole word at a time."""

from __future__ import annotations

import contextlib
import queue
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor
from dataclasses import dataclass
from typing import Any

from .llm_replies import scrubbed

_CHARS_PER_TOKEN = 4  # a rough English average: an estimate is better than counting a streamed call as free


class Silent(Exception):
    """No delta arrived within the timeout."""


@dataclass
class Tally:
    """Tokens of one streamed call: the server's own count when it sends one, else an estimate from the text."""

    prompt_chars: int = 0
    completion_chars: int = 0
    reported: tuple[int, int] | None = None

    def see(self, chunk: Any) -> str | None:
        """The chunk's text delta; its usage, if it carries one, is kept."""
        usage = getattr(chunk, "usage", None)
        if usage is not None and getattr(usage, "prompt_tokens", None) is not None:
            self.reported = (int(usage.prompt_tokens or 0), int(getattr(usage, "completion_tokens", 0) or 0))
        choices = getattr(chunk, "choices", None) or []
        delta = choices[0].delta.content if choices else None
        if delta:
            self.completion_chars += len(str(delta))
        return str(delta) if delta else None

    def tokens(self) -> tuple[int, int]:
        """(prompt, completion) tokens."""
        if self.reported is not None:
            return self.reported
        return -(-self.prompt_chars // _CHARS_PER_TOKEN), -(-self.completion_chars // _CHARS_PER_TOKEN)


def relay(send: Callable[[], Iterable[Any]], pool: Executor, timeout_s: float, tally: Tally) -> Iterator[str]:
    """Raw text deltas in order; Silent when a gap (or the wait for the first) exceeds the timeout.

    When the reader stops early (a reply past its length, a rejected prefix, a timeout), the worker stops reading and
    closes the stream: a rambling model is not downloaded to the end, and its worker is freed.
    """
    events: queue.Queue[tuple[str, Any]] = queue.Queue()
    stop = threading.Event()

    def pump() -> None:
        chunks: Any = None
        try:
            chunks = send()
            for chunk in chunks:
                if stop.is_set():
                    break
                if delta := tally.see(chunk):
                    events.put(("delta", delta))
            events.put(("end", None))
        except Exception as exc:  # handed to the reading thread, which raises it there
            events.put(("error", exc))
        finally:
            if stop.is_set() and callable(close := getattr(chunks, "close", None)):
                with contextlib.suppress(Exception):  # closing a half-read stream is best effort
                    close()

    pool.submit(pump)
    try:
        while True:
            try:
                kind, value = events.get(timeout=timeout_s)
            except queue.Empty:
                raise Silent(f"no tokens within {timeout_s:g}s") from None
            if kind == "end":
                return
            if kind == "error":
                raise value
            yield value
    finally:
        stop.set()


def held_back(deltas: Iterable[str], secret: str | None) -> Iterator[str]:
    """Scrubbed text, released at the last whitespace so a key split over two deltas is scrubbed whole."""
    pending = ""
    for delta in deltas:
        pending += delta
        cut = max(pending.rfind(" "), pending.rfind("\n"))
        if cut < 0 and len(pending) > 400:  # no spaces at all (Chinese, Japanese): go on in steps of a few hundred
            cut = len(pending) - 201
        if cut >= 0:
            yield scrubbed(pending[: cut + 1], secret)
            pending = pending[cut + 1 :]
    if pending:
        yield scrubbed(pending, secret)
