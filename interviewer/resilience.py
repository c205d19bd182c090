"""Session-wide protections around model calls: a circuit breaker and a usage (token, cost) meter.

The breaker applies the knowledge base's own launch guardrails to the interviewer itself: over a
sliding window of calls, P99 latency above 3 s or an error rate above 1% switches the session to the
rule-based path for good.
"""

from __future__ import annotations

import threading
from collections import deque
from dataclasses import dataclass, field

WINDOW = 20
MIN_CALLS = 5  # latency percentiles need a few samples
MIN_FAILURES = 2  # one failed call (after retries) may be a blip; two in the window is a pattern
P99_LIMIT_S = 3.0
ERROR_LIMIT = 0.01


@dataclass
class Usage:
    """Model calls, tokens and estimated cost (litellm's local price map) so far."""

    calls: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cost_usd: float = 0.0


@dataclass
class SessionGuard:
    """Shared by every gateway of one session."""

    budget_usd: float | None = None
    window: int = WINDOW
    usage: Usage = field(default_factory=Usage)
    tripped: str = ""  # why the breaker opened; empty while closed
    announced: bool = False
    _calls: deque[tuple[bool, float]] = field(default_factory=lambda: deque(maxlen=WINDOW))
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def blocked(self) -> str:
        """Why model calls are off for this session ('' if they are allowed)."""
        if self.tripped:
            return self.tripped
        if self.budget_usd is not None and self.usage.cost_usd >= self.budget_usd:
            return f"the budget of ${self.budget_usd:.2f} is spent"
        return ""

    def record(self, ok: bool, seconds: float) -> None:
        """One finished call (after retries): its outcome and latency."""
        with self._lock:
            self._calls.append((ok, seconds))
            if self.tripped:
                return
            failures = sum(not ok for ok, _ in self._calls)
            errors = failures / len(self._calls)
            latencies = sorted(s for _, s in self._calls)
            p99 = latencies[min(len(latencies) - 1, int(0.99 * len(latencies)))]
            if failures >= MIN_FAILURES and errors > ERROR_LIMIT:
                self.tripped = f"model error rate {errors:.0%} over the last {len(self._calls)} calls (limit 1%)"
            elif len(self._calls) >= MIN_CALLS and p99 > P99_LIMIT_S:
                self.tripped = f"model P99 latency {p99:.1f}s over the last {len(self._calls)} calls (limit 3s)"

    def add_cost(self, cost_usd: float) -> None:
        """Add the price of a call already counted (a stream priced once litellm had loaded)."""
        with self._lock:
            self.usage.cost_usd += cost_usd

    def add_usage(self, prompt_tokens: int, completion_tokens: int, cost_usd: float) -> None:
        """Count one response's tokens and cost."""
        with self._lock:
            self.usage.calls += 1
            self.usage.prompt_tokens += prompt_tokens
            self.usage.completion_tokens += completion_tokens
            self.usage.cost_usd += cost_usd
