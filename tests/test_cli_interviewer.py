"""The interviewer model (faked over HTTP with server-sent events): tailored, streamed prompts and a summary."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest
import respx
from click.testing import CliRunner
from llm_fakes import chat, sse

from interviewer.cli import main

URL = "http://llm.test/v1/chat/completions"
TAILORED = "At Acme, how would you measure whether the new AI assistant actually helps support agents?"
PROBE = "You named CSAT: which threshold would make you roll back, and who decides?"


def _json(content: dict[str, object]) -> httpx.Response:
    return chat(json.dumps(content))


def _server(request: httpx.Request) -> httpx.Response:
    body = json.loads(request.content)
    prompt = body["messages"][-1]["content"]
    if body.get("stream"):
        return sse(TAILORED if "Rephrase this interview question" in prompt else PROBE)
    return _json({"narrative": "You structured answers well; practise putting numbers on guardrails."})


@pytest.fixture
def interviewer_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INTERVIEWER_MODEL", "openai/interviewer-test")
    monkeypatch.setenv("INTERVIEWER_GRADER_MODEL", "rules")  # grading stays rule-based here: one role at a time
    monkeypatch.setenv("INTERVIEWER_API_BASE", "http://llm.test/v1")
    monkeypatch.setenv("INTERVIEWER_API_KEY", "sk-test-interviewer-000000")


def _practice(tmp_path: Path) -> tuple[object, dict[str, object]]:
    answers = tmp_path / "a.txt"
    medium = "We would track task completion and CSAT for the assistant, and roll back if errors rise after launch."
    answers.write_text(medium + "\n---\nI would roll back below baseline minus 5%.\n---\n/skip\n")
    out = tmp_path / "r.json"
    result = CliRunner().invoke(
        main,
        [
            "practice",
            "--topic",
            "metrics",
            "--questions",
            "1",
            "--company",
            "Acme",
            "--answers",
            str(answers),
            "--report",
            str(out),
        ],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    return result, json.loads(out.read_text())


@respx.mock
def test_questions_and_follow_ups_are_tailored_and_streamed(
    interviewer_env: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    route = respx.post(URL).mock(side_effect=_server)
    result, report = _practice(tmp_path)
    out = result.output  # type: ignore[attr-defined]
    assert TAILORED in out and PROBE in out
    assert out.count(TAILORED) == 1, "a streamed prompt is not printed a second time"
    assert "practise putting numbers on guardrails" in report["narrative"]
    tailor_request = json.loads(route.calls[0].request.content)
    assert tailor_request["stream"] is True and "Acme" in tailor_request["messages"][-1]["content"]


@respx.mock
def test_a_failing_interviewer_model_falls_back_to_the_bank(
    interviewer_env: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    respx.post(URL).mock(return_value=httpx.Response(500, json={"error": {"message": "down"}}))
    result, report = _practice(tmp_path)
    out = result.output  # type: ignore[attr-defined]
    assert "the bank's question follows" in out and "Question 1/1" in out
    assert report["narrative"].startswith("You averaged")


@respx.mock
def test_a_question_that_grades_or_answers_itself_is_not_asked(
    interviewer_env: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the loopback test: "Great question! The answer is: … Score: 5/5. What next?" was shown as Question 1
    junk = "Great question! The answer is: stage it internal, shadow, A/B, canary. Score: 5/5. What next?"

    def server(request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content)
        if body.get("stream"):
            return sse(junk if "Rephrase this interview question" in body["messages"][-1]["content"] else PROBE)
        return _json({"narrative": "Fine."})

    respx.post(URL).mock(side_effect=server)
    result, _ = _practice(tmp_path)
    out = result.output  # type: ignore[attr-defined]
    assert "Score: 5/5. What next?" not in out and "the bank's question follows" in out
