"""An interview with a configured model, faked at the HTTP layer: model grades, and a dead model degrades."""

from __future__ import annotations

import json
import os
from pathlib import Path

import httpx
import pytest
import respx
from click.testing import CliRunner
from conftest import STRONG_METRICS_ANSWER
from llm_fakes import chat

from interviewer.cli import main
from interviewer.knowledge import rubrics

URL = "http://llm.test/v1/chat/completions"
KEY = "sk-test-PLANTED-KEY-0123456789"


@pytest.fixture
def model_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INTERVIEWER_GRADER_MODEL", "openai/grader-test")
    monkeypatch.setenv("INTERVIEWER_API_BASE", "http://llm.test/v1")
    monkeypatch.setenv("INTERVIEWER_API_KEY", KEY)
    monkeypatch.setenv("INTERVIEWER_LLM_TIMEOUT", "5")


def _grade_reply() -> httpx.Response:
    dims = [{"dimension": d.id, "score": 4, "evidence": ""} for d in rubrics().topics["metrics"].dimensions]
    return chat(json.dumps({"dimensions": dims, "missing": [], "tip": "Put a threshold on each guardrail you name."}))


def _answers(tmp_path: Path) -> Path:
    path = tmp_path / "a.txt"
    path.write_text(STRONG_METRICS_ANSWER + "\n---\n/skip\n", encoding="utf-8")
    return path


@respx.mock
def test_model_grades_the_interview(model_env: None, tmp_path: Path, _isolated_home: Path) -> None:
    route = respx.post(URL).mock(return_value=_grade_reply())
    out = tmp_path / "r.json"
    result = CliRunner().invoke(
        main,
        [
            "practice",
            "--topic",
            "metrics",
            "--questions",
            "1",
            "--answers",
            str(_answers(tmp_path)),
            "--report",
            str(out),
        ],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    assert "grader: openai/grader-test" in result.output and "Score: 4/5" in result.output
    assert "Put a threshold on each guardrail" in result.output
    assert route.called
    assert json.loads(out.read_text())["grader"] == "llm"
    artefacts = [
        out.read_text(),
        result.output,
        *(p.read_bytes().decode("latin-1") for p in _isolated_home.rglob("*") if p.is_file()),
    ]
    assert not any(KEY in a for a in artefacts), "the API key leaked into an artefact"


@respx.mock
def test_a_dead_model_degrades_to_rules_and_the_interview_goes_on(
    model_env: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("interviewer.llm.Gateway._backoff", lambda self, attempt, wait: 0.0)
    respx.post(URL).mock(return_value=httpx.Response(503, json={"error": {"message": "down"}}))
    result = CliRunner().invoke(
        main,
        ["practice", "--topic", "metrics", "--questions", "1", "--answers", str(_answers(tmp_path))],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    assert "degraded: rule-based" in result.output and "Summary" in result.output


@respx.mock
@pytest.mark.parametrize("configured", [True, False])
def test_litellm_is_imported_in_the_background_only_with_a_model(
    configured: bool, model_env: None, tmp_path: Path, _isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import interviewer.llm

    warmed: list[bool] = []
    monkeypatch.setattr(interviewer.llm, "warm", lambda: warmed.append(True))
    if not configured:
        monkeypatch.delenv("INTERVIEWER_GRADER_MODEL")
    respx.post(URL).mock(return_value=_grade_reply())
    args = ["practice", "--topic", "metrics", "--questions", "1", "--answers", str(_answers(tmp_path))]
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert warmed == ([True] if configured else [])


def test_the_warm_up_imports_litellm_off_the_main_thread() -> None:
    import subprocess
    import sys

    script = (
        "import sys, threading, interviewer.llm as llm\n"
        "assert 'litellm' not in sys.modules\n"
        "llm.warm()\n"
        "[t.join(120) for t in threading.enumerate() if t.name == 'litellm-warmup']\n"
        "assert 'litellm' in sys.modules\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr


@respx.mock
def test_a_hosted_model_without_a_key_is_named_before_the_first_question(
    tmp_path: Path, _isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # an exploratory test (session 14) learned why the session was "degraded" only after its first answer
    monkeypatch.setenv("INTERVIEWER_MODEL", "openai/gpt-4o-mini")
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    route = respx.post("https://api.openai.com/v1/chat/completions").mock(return_value=_grade_reply())
    args = ["practice", "--topic", "metrics", "--questions", "1", "--answers", str(_answers(tmp_path))]
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    notice = result.output.index("No API key for openai/gpt-4o-mini: set OPENAI_API_KEY")
    assert notice < result.output.index("Question 1/1") and not route.called
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-other-0123456789")  # a key under the provider's own name is enough
    again = CliRunner().invoke(main, args, catch_exceptions=False)
    assert "No API key" not in again.output


def test_with_debug_litellms_own_lines_go_to_stderr_not_into_the_interview() -> None:
    # the loopback test saw 13 "LiteLLM:DEBUG" lines on stdout, among the questions (a fresh process: litellm logs
    # while it is imported, which only happens once per process)
    import subprocess
    import sys

    script = (
        "from interviewer.logs import configure\n"
        "configure(True, [])\n"
        "import interviewer.llm as llm\n"
        "llm._litellm()\n"
        "print('DONE')\n"
    )
    env = {**os.environ, "LITELLM_LOCAL_MODEL_COST_MAP": "True"}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=180, env=env)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "DONE"
