"""Local storage: the data directory, the session list and the SQLite checkpointer."""

from __future__ import annotations

import contextlib
import errno
import json
import os
import secrets
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any

from .errors import ConfigError, SessionError

_SCHEMA = """
CREATE TABLE IF NOT EXISTS interviewer_sessions (
    id TEXT PRIMARY KEY,
    created TEXT NOT NULL,
    updated TEXT NOT NULL,
    status TEXT NOT NULL,
    title TEXT NOT NULL,
    total INTEGER NOT NULL,
    answered INTEGER NOT NULL DEFAULT 0,
    score REAL
)"""
# An answer sent but not yet graded and checkpointed; `turns` is how many turns the session had then.
_INBOX = """
CREATE TABLE IF NOT EXISTS interviewer_inbox (
    session_id TEXT PRIMARY KEY,
    turns INTEGER NOT NULL,
    reply TEXT NOT NULL
)"""


@dataclass(frozen=True)
class SessionRow:
    """One line of `interviewer sessions`."""

    id: str
    created: str
    updated: str
    status: str
    title: str
    total: int
    answered: int
    score: float | None


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def new_session_id() -> str:
    """A short, typeable, unique session id."""
    return datetime.now(UTC).strftime("%m%d-") + secrets.token_hex(3)


def ensure_home(home: Path) -> Path:
    """Create the data directory, readable by the user only."""
    try:
        home.mkdir(parents=True, exist_ok=True, mode=0o700)
    except (FileExistsError, NotADirectoryError):  # --home names a file, or a path through one
        blocker = next((p for p in (home, *home.parents) if p.exists() or p.is_symlink()), home)
        what = "a link to no folder" if blocker.is_symlink() and not blocker.exists() else "a file, not a folder"
        raise ConfigError(
            f"The data folder {home} cannot be created: {blocker} is {what}.",
            hint="Pass --home (or INTERVIEWER_HOME) a folder, or a path where one can be created.",
        ) from None
    except OSError as exc:  # no permission, a read-only filesystem, a full disk
        raise ConfigError(
            f"The data folder {home} cannot be created: {exc.strerror or type(exc).__name__}.",
            hint="Pass --home (or INTERVIEWER_HOME) a folder you can write to.",
        ) from None
    with contextlib.suppress(OSError):  # e.g. a filesystem without POSIX modes
        os.chmod(home, 0o700)
    return home


@contextmanager
def open_db(db_path: Path) -> Iterator[sqlite3.Connection]:
    """Open (creating with 0600) the SQLite file that holds checkpoints and sessions."""
    ensure_home(db_path.parent)
    if not db_path.exists():
        db_path.touch(mode=0o600)
    try:
        conn = sqlite3.connect(str(db_path), check_same_thread=False)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")  # every commit reaches the disk; a turn's own commit relaxes it (saver)
        conn.execute(_SCHEMA)
        conn.execute(_INBOX)
        conn.commit()
    except sqlite3.DatabaseError as exc:
        raise SessionError(
            f"The session database {db_path} cannot be read ({exc}).",
            hint=f"Move it aside (mv '{db_path}' '{db_path}.broken') to start fresh; "
            "set INTERVIEWER_HOME to use another folder.",
        ) from exc
    try:
        yield conn
    finally:
        conn.close()


@contextmanager
def session_lock(conn: sqlite3.Connection, session_id: str) -> Iterator[None]:
    """Hold a session for this process, so a second terminal cannot answer the same question and lose one answer.

    An OS file lock: it goes with the process however that ends (kill -9, a closed terminal). Where there is no
    `fcntl` (Windows) the session is not locked.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - POSIX everywhere we test
        yield
        return
    path = _lock_file(conn, session_id)
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        raise SessionError(
            f"Session {session_id} is open in another terminal.",
            hint="Finish it there, or quit it there (/quit or Ctrl-D), then resume it here.",
        ) from None
    except OSError:  # a filesystem without locks (some network mounts): run unlocked rather than not at all
        os.close(fd)
        yield
        return
    try:
        yield
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


def _home(conn: sqlite3.Connection) -> Path:
    return Path(conn.execute("PRAGMA database_list").fetchone()[2]).parent


def checkpointer(conn: sqlite3.Connection) -> Any:
    """LangGraph's SQLite checkpointer on our connection."""
    from .saver import TurnSaver  # langgraph loads only when a session runs

    return TurnSaver(conn)


def create_session(conn: sqlite3.Connection, session_id: str, title: str, total: int) -> None:
    """Record a new session in the list."""
    now = _now()
    conn.execute(
        "INSERT INTO interviewer_sessions (id, created, updated, status, title, total) VALUES (?,?,?,?,?,?)",
        (session_id, now, now, "in_progress", title, total),
    )
    conn.commit()


def update_session(conn: sqlite3.Connection, session_id: str, status: str, answered: int, score: float | None) -> None:
    """Refresh a session's progress line; the step is saved, so its sent answer leaves the inbox."""
    conn.execute(
        "UPDATE interviewer_sessions SET updated=?, status=?, answered=?, score=? WHERE id=?",
        (_now(), status, answered, score, session_id),
    )
    conn.execute("DELETE FROM interviewer_inbox WHERE session_id=?", (session_id,))
    conn.commit()


def put_inbox(conn: sqlite3.Connection, session_id: str, turns: int, reply: dict[str, Any]) -> None:
    """Save a sent answer before it is graded (committed: it survives a crash or a power cut)."""
    conn.execute(
        "INSERT OR REPLACE INTO interviewer_inbox (session_id, turns, reply) VALUES (?,?,?)",
        (session_id, turns, json.dumps(reply)),
    )
    conn.commit()


def inbox(conn: sqlite3.Connection, session_id: str) -> tuple[int, dict[str, Any]] | None:
    """A sent answer whose grading did not finish: (turns the session had then, the reply), or None."""
    rows = _read(conn, "SELECT turns, reply FROM interviewer_inbox WHERE session_id=?", (session_id,))
    return (int(rows[0][0]), json.loads(rows[0][1])) if rows else None


def list_sessions(conn: sqlite3.Connection) -> list[SessionRow]:
    """All sessions, newest first."""
    rows = _read(
        conn,
        "SELECT id, created, updated, status, title, total, answered, score "
        "FROM interviewer_sessions ORDER BY updated DESC",
        (),
    )
    return [SessionRow(*r) for r in rows]


def get_session(conn: sqlite3.Connection, session_id: str) -> SessionRow:
    """One session by id, or a SessionError naming what to do."""
    rows = _read(
        conn,
        "SELECT id, created, updated, status, title, total, answered, score FROM interviewer_sessions WHERE id=?",
        (session_id,),
    )
    row = rows[0] if rows else None
    if row is None:
        raise SessionError(f"No session {session_id!r}.", hint="Run `interviewer sessions` to list them.")
    return SessionRow(*row)


def delete_session(conn: sqlite3.Connection, session_id: str) -> None:
    """Delete a session for good: its checkpoints (every answer), its list row, a pending answer and a draft.

    Held like a running session, so one open in another terminal is refused (`session_lock`).
    """
    get_session(conn, session_id)  # a clear message for an unknown id
    with contextlib.ExitStack() as held:
        try:
            held.enter_context(session_lock(conn, session_id))
        except SessionError as exc:
            raise SessionError(str(exc), hint="Quit it there (/quit or Ctrl-D), then delete it.") from None
        checkpointer(conn).delete_thread(session_id)
        conn.execute("DELETE FROM interviewer_inbox WHERE session_id=?", (session_id,))
        conn.execute("DELETE FROM interviewer_sessions WHERE id=?", (session_id,))
        conn.commit()
        _draft_file(conn, session_id).unlink(missing_ok=True)
        _draft_file(conn, session_id).with_suffix(".tmp").unlink(missing_ok=True)
    _lock_file(conn, session_id).unlink(missing_ok=True)


def has_unsent_work(conn: sqlite3.Connection, session_id: str) -> bool:
    """Whether a session holds typing not yet graded: a kept draft, or an answer sent but not graded."""
    return _draft_file(conn, session_id).exists() or inbox(conn, session_id) is not None


def _read(conn: sqlite3.Connection, sql: str, args: tuple[Any, ...]) -> list[Any]:
    try:
        return conn.execute(sql, args).fetchall()
    except sqlite3.DatabaseError as exc:
        raise SessionError(
            f"The session database is damaged ({exc}).",
            hint="Move sessions.sqlite (in INTERVIEWER_HOME) aside to start fresh; keep the copy for recovery.",
        ) from exc


def _lock_file(conn: sqlite3.Connection, session_id: str) -> Path:
    return _home(conn) / "locks" / f"{session_id}.lock"


def _draft_file(conn: sqlite3.Connection, session_id: str) -> Path:
    return _home(conn) / "drafts" / f"{session_id}.txt"


def save_draft(conn: sqlite3.Connection, session_id: str, text: str) -> None:
    """Keep an answer that was typed but not sent (user-only permissions)."""
    write_draft(_draft_file(conn, session_id), text)


def draft_writer(conn: sqlite3.Connection, session_id: str) -> Callable[[str], None]:
    """`write_draft` for this session's draft file, callable from another thread (no database use)."""
    return partial(write_draft, _draft_file(conn, session_id))


def write_private(path: Path, text: str) -> None:
    """Write a file the candidate asked for (a report holds their answers) user-only, like the data folder, even
    over an older copy that others could read."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.is_symlink():  # writing through it would overwrite, and make private, whatever file it points at
        raise OSError(errno.ELOOP, "it is a symbolic link; name the file itself")
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0), 0o600)
    with contextlib.suppress(OSError):  # not ours to change (another owner, some network mounts): write anyway
        os.fchmod(fd, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text)


def write_draft(path: Path, text: str) -> None:
    """Replace the draft file in one step (a kill mid-write leaves the old draft, not half of one); blank removes it."""
    if not text.strip():
        path.unlink(missing_ok=True)
        return
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, path)


def take_draft(conn: sqlite3.Connection, session_id: str) -> str:
    """The kept draft for a session, or ''. The file stays until the answer is sent (`DraftKeeper.sent`), so a
    resumed session killed before anything is typed still has it."""
    path = _draft_file(conn, session_id)
    return path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""
