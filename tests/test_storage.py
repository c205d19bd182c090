"""Damaged storage gives a clear message and never takes the other sessions with it."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from click.testing import CliRunner
from conftest import STRONG_METRICS_ANSWER

from interviewer.cli import main
from interviewer.config import Settings


def _session(tmp_path: Path, name: str) -> str:
    answers = tmp_path / f"{name}.txt"
    answers.write_text(STRONG_METRICS_ANSWER)
    result = CliRunner().invoke(main, ["practice", "--questions", "2", "--seed", "4", "--answers", str(answers)])
    return result.output.split("session ")[1].split(";")[0]


def test_a_damaged_session_fails_alone_with_a_clear_message(tmp_path: Path) -> None:
    good, bad = _session(tmp_path, "a"), _session(tmp_path, "b")
    with sqlite3.connect(Settings().db_path) as conn:
        conn.execute("UPDATE checkpoints SET checkpoint = X'00ff13' WHERE thread_id = ?", (bad,))
    broken = CliRunner().invoke(main, ["report", bad])
    assert broken.exit_code == 1 and "damaged" in broken.output and "Traceback" not in broken.output
    assert "Next:" in broken.output
    fine = CliRunner().invoke(main, ["report", good, "--format", "json"])
    assert fine.exit_code == 0 and json.loads(fine.output)["session_id"] == good
    listing = CliRunner().invoke(main, ["sessions"])
    assert good in listing.output and bad in listing.output


def test_a_truncated_database_says_what_to_do(tmp_path: Path) -> None:
    _session(tmp_path, "a")
    db = Settings().db_path
    for extra in (db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
        extra.unlink(missing_ok=True)
    db.write_bytes(db.read_bytes()[:1500])
    result = CliRunner().invoke(main, ["sessions"])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "sessions.sqlite" in result.output and "Next:" in result.output


def test_garbage_instead_of_a_database(tmp_path: Path) -> None:
    db = Settings().db_path
    db.parent.mkdir(parents=True, exist_ok=True)
    db.write_bytes(b"this is not a database" * 100)
    result = CliRunner().invoke(main, ["sessions"])
    assert result.exit_code == 1 and "cannot be read" in result.output and "Next:" in result.output


def test_a_session_open_in_one_terminal_cannot_be_answered_from_another(tmp_path: Path) -> None:
    from interviewer import store

    answers = tmp_path / "short.txt"
    answers.write_text("I'd track retention.")  # one answer, then the file runs out: the session stays open
    started = CliRunner().invoke(main, ["practice", "--questions", "2", "--seed", "4", "--answers", str(answers)])
    session_id = started.output.split("session ")[1].split(";")[0]
    more = tmp_path / "more.txt"
    more.write_text(STRONG_METRICS_ANSWER)
    with store.open_db(Settings().db_path) as conn, store.session_lock(conn, session_id):  # "the other terminal"
        second = CliRunner().invoke(main, ["resume", session_id, "--answers", str(more)])
        assert second.exit_code == 1 and "open in another terminal" in second.output and "Next:" in second.output
        assert "Traceback" not in second.output
    after = CliRunner().invoke(main, ["resume", session_id, "--answers", str(more)])  # released: it runs
    assert "open in another terminal" not in after.output and after.exit_code in (0, 1)


def test_a_filesystem_without_locks_runs_the_session_unlocked(monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import errno
    import fcntl

    from interviewer import store

    def no_locks(fd: int, op: int) -> None:
        raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr(fcntl, "flock", no_locks)
    with store.open_db(Settings().db_path) as conn, store.session_lock(conn, "s1"):
        pass  # not "open in another terminal": nothing else holds it
