"""LangGraph's SQLite checkpointer, with a way to fold one turn's writes into a single commit."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from langgraph.checkpoint.sqlite import SqliteSaver


class TurnSaver(SqliteSaver):
    """A SqliteSaver whose writes can be held uncommitted until the caller's own commit."""

    held = False

    @contextmanager
    def cursor(self, transaction: bool = True) -> Iterator[object]:  # type: ignore[override]
        """The parent's cursor, minus its commit while writes are held."""
        with super().cursor(transaction=transaction and not self.held) as cur:
            yield cur

    @contextmanager
    def hold(self) -> Iterator[None]:
        """Hold the checkpoint writes made inside this block; they are committed by the caller or, at the end, here.

        At synchronous=FULL each commit is an fsync (about 0.4 ms here): a turn's final checkpoint,
        its writes and the session row then cost one instead of four, and land atomically.

        That one commit needs atomicity, not an fsync of its own: the answer it grades was committed to the
        inbox at FULL before the block, and the next FULL commit syncs the log up to and including it. A
        power cut in between rolls the turn back to its inbox answer, which resume grades again; WAL at
        NORMAL never corrupts. So the block runs at NORMAL, and FULL comes back after it.
        """
        self.conn.execute("PRAGMA synchronous=NORMAL")  # outside any transaction: the inbox was just committed
        self.held = True
        try:
            yield
        finally:
            self.held = False
            with self.lock:
                self.conn.commit()
                self.conn.execute("PRAGMA synchronous=FULL")
