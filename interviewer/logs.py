"""`--debug` logging to stderr, with every line passed through key redaction first."""

from __future__ import annotations

import logging
import re
import sys

_KEYLIKE = re.compile(r"\b(sk|pk|key|api)[-_][A-Za-z0-9_\-]{8,}|Bearer\s+\S+")


def redact(text: str, secret: str | None) -> str:
    """Remove the key (and anything key-shaped) from text that may reach a user or a log."""
    if secret:
        text = text.replace(secret, "***")
    return _KEYLIKE.sub("***", text)


class Redact(logging.Filter):
    """Removes the configured secret, and anything key-shaped, from a record before any handler sees it."""

    def __init__(self, secrets: list[str]) -> None:
        super().__init__()
        self.secrets = [s for s in secrets if s]

    def filter(self, record: logging.LogRecord) -> bool:
        """Rewrite the message in place; never drop a record."""
        text = record.getMessage()
        for secret in self.secrets:
            text = redact(text, secret)
        record.msg, record.args = redact(text, None), None
        return True


def configure(debug: bool, secrets: list[str]) -> None:
    """Send our and the HTTP client's debug logs to stderr (only with --debug), redacted."""
    if not debug:
        return
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
    handler.addFilter(Redact(secrets))
    for name in ("interviewer", "httpx", "LiteLLM"):
        logger = logging.getLogger(name)
        logger.setLevel(logging.DEBUG)
        logger.addHandler(handler)
        logger.propagate = False
