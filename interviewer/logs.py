"""Secret redaction, and `--debug` logging to stderr with every line redacted first."""

from __future__ import annotations

import logging
import os
import re
import sys

_KEYLIKE = re.compile(r"\b(sk|pk|key|api|gsk|xai|hf)[-_][A-Za-z0-9_\-]{8,}|Bearer\s+\S+")
_USERINFO = re.compile(r"(?<=://)[^/\s@]+@")  # "http://user:key@host/v1": a key in a server URL
_SECRET_VARS = re.compile(r"(API_KEY|_KEY|_TOKEN|_SECRET|PASSWORD)$")
_handler: logging.Handler | None = None


def env_secrets() -> list[str]:
    """Values of every *_API_KEY / *_KEY / *_TOKEN / *_SECRET variable: providers read their keys from these."""
    return sorted((v for k, v in os.environ.items() if _SECRET_VARS.search(k) and len(v) >= 8), key=len, reverse=True)


def without_secrets(text: str, secret: str | None = None, mark: str = "***") -> str:
    """Text with the configured key and every provider key from the environment replaced where they stand as whole
    tokens, whatever their shape. Values under 16 characters are left alone: a placeholder ("x", "anything") that a
    local server accepts is no secret, and replacing it would rewrite ordinary words in answers and prompts."""
    for value in [secret, *env_secrets()]:
        if value and len(value) >= 16 and value in text:
            text = re.sub(rf"(?<![\w-]){re.escape(value)}(?![\w-])", mark, text)
    return text


def redact(text: str, secret: str | None = None) -> str:
    """Remove the configured key, any provider key from the environment, and anything key-shaped."""
    for value in [secret, *env_secrets()]:
        if value:
            text = text.replace(value, "***")
    return _KEYLIKE.sub("***", _USERINFO.sub("***@", text))


class Redact(logging.Filter):
    """Rewrites each record through `redact` before any handler sees it."""

    def __init__(self, secrets: list[str]) -> None:
        super().__init__()
        self.secrets = [s for s in secrets if s]

    def filter(self, record: logging.LogRecord) -> bool:
        """Rewrite the message in place; never drop a record."""
        text = record.getMessage()
        for secret in self.secrets:
            text = redact(text, secret)
        record.msg, record.args = redact(text), None
        return True


def configure(debug: bool, secrets: list[str]) -> None:
    """Send our, the HTTP client's and litellm's debug logs to stderr (only with --debug), redacted."""
    global _handler
    if not debug:
        return
    _handler = logging.StreamHandler(sys.stderr)
    _handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
    _handler.addFilter(Redact(secrets))
    # litellm's loggers are adopted when litellm is imported (llm._litellm): set to DEBUG before, its import would
    # log through the stdout handler it installs, into the interview (the loopback test saw 13 such lines)
    for name in ("interviewer", "httpx"):
        adopt(name)


def adopt(name: str) -> None:
    """Route a logger only through our redacting handler (litellm adds its own stdout handler on import)."""
    if _handler is None:
        return
    logger = logging.getLogger(name)
    logger.setLevel(logging.DEBUG)
    logger.handlers[:] = [_handler]
    logger.propagate = False
