"""Settings precedence: flags > environment > .env > defaults."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from interviewer.cli import main
from interviewer.config import Settings


def test_precedence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("INTERVIEWER_HOME")
    assert Settings().model == ""
    (tmp_path / ".env").write_text(f"INTERVIEWER_HOME={tmp_path / 'from-dotenv'}\nINTERVIEWER_MODEL=dotenv/m\n")
    assert Settings().home == tmp_path / "from-dotenv"
    monkeypatch.setenv("INTERVIEWER_HOME", str(tmp_path / "from-env"))
    assert Settings().home == tmp_path / "from-env" and Settings().model == "dotenv/m"
    assert Settings(home=tmp_path / "from-flag").home == tmp_path / "from-flag"


def test_home_flag_is_used(tmp_path: Path) -> None:
    home = tmp_path / "flag-home"
    result = CliRunner().invoke(main, ["--home", str(home), "sessions"])
    assert result.exit_code == 0 and (home / "sessions.sqlite").exists()


def test_invalid_setting_is_a_config_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INTERVIEWER_EMBEDDINGS", "magic")
    result = CliRunner().invoke(main, ["sessions"])
    assert result.exit_code == 2 and "Invalid setting" in result.output and "Next:" in result.output
    assert "INTERVIEWER_EMBEDDINGS" in result.output  # named as the user set it (session 13's exploratory test)
    assert "magic" not in result.output and "pydantic" not in result.output  # no value (it could be a key), no link


def test_api_key_is_never_shown(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INTERVIEWER_API_KEY", "sk-test-SECRET-123")
    s = Settings()
    assert "SECRET" not in repr(s) and "SECRET" not in str(s.model_dump())


def test_env_example_copied_to_dotenv_is_valid(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    example = Path(__file__).resolve().parents[1] / ".env.example"
    (tmp_path / ".env").write_text(example.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.delenv("INTERVIEWER_HOME")
    s = Settings()
    assert s.model == "" and s.grading_model == "" and s.budget_usd is None and s.embeddings == "local"
    documented = {line.split("=")[0] for line in example.read_text().splitlines() if line.startswith("INTERVIEWER_")}
    fields = {f"INTERVIEWER_{name.upper()}" for name in Settings.model_fields}
    assert fields <= documented, f"settings missing from .env.example: {sorted(fields - documented)}"
