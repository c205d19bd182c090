"""A planted key appears in no artefact: output, --debug logs, reports, transcripts, crash logs."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import respx
from click.testing import CliRunner
from conftest import STRONG_METRICS_ANSWER

from interviewer.cli import main

KEY = "sk-live-PLANTED-9f8e7d6c5b4a3210"
PROVIDER_KEY = "9f8e7d6c5b4a3210deadbeefPLANTED2"  # hex-like, as some providers issue


@pytest.fixture(autouse=True)
def _restore_loggers() -> Iterator[None]:
    """--debug reconfigures process-wide loggers; put them back so later output stays clean."""
    names = ("interviewer", "httpx", "LiteLLM")
    saved = {
        n: (logging.getLogger(n).level, list(logging.getLogger(n).handlers), logging.getLogger(n).propagate)
        for n in names
    }
    yield
    for n, (level, handlers, propagate) in saved.items():
        logger = logging.getLogger(n)
        logger.setLevel(level)
        logger.handlers[:] = handlers
        logger.propagate = propagate


@respx.mock
def test_planted_key_never_leaks(tmp_path: Path, _isolated_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INTERVIEWER_MODEL", "openai/leak-test")
    monkeypatch.setenv("INTERVIEWER_API_BASE", "http://llm.test/v1")
    monkeypatch.setenv("INTERVIEWER_API_KEY", KEY)
    monkeypatch.setenv("OPENAI_API_KEY", PROVIDER_KEY)
    monkeypatch.setattr("interviewer.llm.Gateway._backoff", lambda self, attempt, wait: 0.0)
    # A server that echoes the key back in its error, as some providers do.
    respx.post("http://llm.test/v1/chat/completions").mock(
        return_value=httpx.Response(401, json={"error": {"message": f"Bad keys: {KEY} / {PROVIDER_KEY}"}})
    )
    answers = tmp_path / "a.txt"
    # pasted into the answer too (the loopback test): never sent, never saved
    answers.write_text(STRONG_METRICS_ANSWER + f" Oops, my key: {KEY}\n---\n/skip\n---\n/skip\n")
    out = tmp_path / "r.json"
    args = ["--debug", "practice", "--questions", "1", "--answers", str(answers), "--report", str(out)]
    result = CliRunner().invoke(main, args)  # click 8.2+: output holds stdout and stderr
    assert result.exit_code == 0, result.output
    texts = [result.output, result.stderr, out.read_text()]
    sid = json.loads(out.read_text())["session_id"]
    texts.append(CliRunner().invoke(main, ["report", sid]).output)
    texts.append(CliRunner().invoke(main, ["report", sid, "--format", "json"]).output)
    texts += [p.read_bytes().decode("latin-1") for p in _isolated_home.rglob("*") if p.is_file()]
    assert "call model=openai/leak-test" in "".join(texts)  # the debug log really ran
    texts += [call.request.content.decode() for call in respx.calls]
    leaks = [t[:200] for t in texts if KEY in t or PROVIDER_KEY in t or "PLANTED" in t]
    assert not leaks, [t[max(0, t.find("PLANTED") - 300) : t.find("PLANTED") + 50] for t in texts if "PLANTED" in t]


def test_a_placeholder_key_rewrites_no_ordinary_words() -> None:
    # a local server takes any key: "x" or "anything" is no secret, and must not turn "2x" into "2***"
    from interviewer.logs import without_secrets

    assert without_secrets("cut scope to 2x fewer flows", "x") == "cut scope to 2x fewer flows"
    assert without_secrets("Before anything else", "anything") == "Before anything else"
    real = "local-9f8e7d6c5b4a3210abcd"
    assert without_secrets(f"my key: {real}.", real) == "my key: ***."
    assert without_secrets(f"prefix-{real}", real) == f"prefix-{real}"  # only as a whole token
