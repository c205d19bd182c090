"""The answer typed but not sent: kept on disk as it is typed, masked when the transcript is, restored on resume."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING

from . import store
from .logs import without_secrets
from .pii import mask

if TYPE_CHECKING:
    from .session import Interview


def writer(interview: Interview) -> Callable[[str], None]:
    """Writes the unsent answer to its file, masked when the transcript is (the draft is on disk too)."""
    write = store.draft_writer(interview.conn, interview.session_id)
    secret = interview.context.secret  # never on disk, even typed into an answer
    if interview.context.mask_transcript:
        return lambda text: write(mask(without_secrets(text, secret)))
    return lambda text: write(without_secrets(text, secret))


def was_sent(interview: Interview, draft: str) -> bool:
    """Whether this text is the answer already sent and waiting to be graded (a stop came while it was graded)."""
    if not draft.strip():
        return False
    try:
        pending = store.inbox(interview.conn, interview.session_id)
    except sqlite3.Error:  # read during a stop: not knowing, say the box keeps it (resume drops it if it was sent)
        return False
    sent = pending[1].get("text", "").strip() if pending is not None else ""
    return bool(sent) and sent in (draft.strip(), mask(draft).strip())


def resumed(interview: Interview) -> str:
    """The typing kept from before the stop, unless it is the answer sent then and graded now (by any source):
    that one must not be in the box as well."""
    draft = store.take_draft(interview.conn, interview.session_id)
    if was_sent(interview, draft):
        store.save_draft(interview.conn, interview.session_id, "")
        return ""
    return draft
