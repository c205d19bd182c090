"""The built wheel carries its data and runs an offline interview from outside the repository."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_wheel_installs_and_runs_offline_interview_elsewhere(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(dist), str(REPO)],
        check=True,
        capture_output=True,
        text=True,
    )
    wheel = next(dist.glob("interviewer-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "interviewer/_data/knowledge/rubrics.yaml" in names
    assert any(n.startswith("interviewer/_data/knowledge/questions/") for n in names)
    assert "interviewer/_data/prompts/grade_system.md" in names and "interviewer/rules_fit.json" in names
    assert "interviewer/injection_model.json" in names and "interviewer/injection_flags.json" in names
    assert "interviewer/offtopic_model.json" in names and "interviewer/stance_model.json" in names
    assert "interviewer/_data/knowledge/search.yaml" in names

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    py = venv / "bin" / "python"
    subprocess.run([str(py), "-m", "pip", "install", "-q", "--no-deps", "--no-index", str(wheel)], check=True)
    # Dependencies come from this test environment's site-packages (appended after the venv's own),
    # so the package itself is the freshly installed wheel, not the source checkout.
    site = Path(
        subprocess.check_output(
            [str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], text=True
        ).strip()
    )
    (site / "zz_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "answers.txt").write_text("We'd define a north star and guardrails.\n---\n/skip\n---\n/skip\n")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["INTERVIEWER_HOME"] = str(tmp_path / "home")
    where = subprocess.check_output(
        [str(py), "-c", "import interviewer, sys; print(interviewer.__file__)"], cwd=elsewhere, env=env, text=True
    )
    assert str(venv) in where
    result = subprocess.run(
        [
            str(venv / "bin" / "interviewer"),
            "practice",
            "--questions",
            "1",
            "--answers",
            "answers.txt",
            "--report",
            "out.json",
        ],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads((elsewhere / "out.json").read_text())
    assert report["status"] == "completed" and len(report["questions"]) == 1
