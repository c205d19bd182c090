"""Where answers come from: an interactive multi-line prompt, or a scripted file of blocks."""

from __future__ import annotations

import contextlib
import re
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, Protocol

from .errors import DataError

SEPARATOR = "---"
COMMANDS = {
    "/help": "show these commands",
    "/hint": "show the framework sections for this question (and your matching notes)",
    "/skip": "skip this question or follow-up",
    "/repeat": "show the question again",
    "/quit": "save and quit (prints the command to resume)",
}


class Terminated(BaseException):
    """The process was asked to stop: SIGTERM (a plain `kill`, a logout) or SIGHUP (its terminal closed).

    A BaseException, like KeyboardInterrupt, so that no `except Exception` on the way swallows it.
    """

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


# SIGTERM (a plain `kill`) and, where there is one, SIGHUP (the terminal closed)
_STOPS = [signal.SIGTERM, *([signal.SIGHUP] if hasattr(signal, "SIGHUP") else [])]


@contextlib.contextmanager
def stop_signals() -> Iterator[None]:
    """While inside, SIGTERM and SIGHUP raise Terminated, so the session stops the way /quit does."""
    if threading.current_thread() is not threading.main_thread():
        yield  # signal handlers can only be set from the main thread
        return

    def stop(signum: int, frame: Any) -> None:
        raise Terminated(signum)

    previous = {signum: signal.signal(signum, stop) for signum in _STOPS}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def ignore_stops() -> None:
    """From here on Ctrl-C, SIGTERM and SIGHUP are ignored: the session is being saved, and a second press or
    signal must not cut that short (the process ends right after)."""
    if threading.current_thread() is threading.main_thread():
        for signum in (signal.SIGINT, *_STOPS):
            signal.signal(signum, signal.SIG_IGN)


class AnswerSource(Protocol):
    """Yields the candidate's next input; raises EOFError (quit) or KeyboardInterrupt (Ctrl-C)."""

    interactive: bool
    draft: str

    def read(self, label: str) -> str:
        """Read one answer or slash command."""
        ...

    def confirm(self, question: str) -> bool:
        """Ask a yes/no question (default yes)."""
        ...

    def keep_drafts(self, write: Callable[[str], None]) -> None:
        """Save text typed but not sent with `write` while it is typed ("" once it is sent or cleared)."""
        ...


class DraftKeeper:
    """Writes the answer being typed at most every `every` seconds, so a killed process or a closed terminal
    loses at most that much typing; once the answer is sent the kept copy is cleared, never written back."""

    def __init__(self, write: Callable[[str], None], every: float = 0.5) -> None:
        self._write, self._every = write, every
        self._lock = threading.Lock()
        self._text = ""
        self._timer: threading.Timer | None = None

    def changed(self, text: str) -> None:
        """The box now holds `text`: write it within `every` seconds."""
        with self._lock:
            self._text = text
            if self._timer is None:
                self._timer = threading.Timer(self._every, self._flush)
                self._timer.daemon = True
                self._timer.start()

    def sent(self) -> None:
        """The box's text was sent: drop any pending write and clear the kept copy."""
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
            self._text = ""
            self._save("")

    def _flush(self) -> None:
        with self._lock:  # under the lock: a send in between cancels this write or runs after it
            if self._timer is None:
                return
            self._timer = None
            self._save(self._text)

    def _save(self, text: str) -> None:
        with contextlib.suppress(OSError):  # best effort: a full disk must not break typing or sending
            self._write(text)


def iter_blocks(lines: Iterable[str]) -> Iterator[str]:
    """Yield answer blocks as soon as their closing `---` line arrives (works on a live pipe)."""
    block: list[str] = []
    for line in lines:
        if line.strip() == SEPARATOR:
            yield "\n".join(block).strip()
            block = []
        else:
            block.append(line.rstrip("\n"))
    tail = "\n".join(block).strip()
    if tail:
        yield tail


def split_blocks(text: str) -> list[str]:
    """Split a scripted answers text into blocks at lines holding only `---`."""
    return list(iter_blocks(text.splitlines()))


class ScriptedAnswers:
    """Answers from a file (or piped stdin); running out behaves like Ctrl-D."""

    interactive = False
    draft = ""

    def __init__(self, blocks: Iterable[str]) -> None:
        self._blocks: Iterator[str] = iter(blocks)

    @classmethod
    def from_file(cls, path: Path) -> ScriptedAnswers:
        """Read blocks from a file, tolerating invalid UTF-8."""
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise DataError(f"Cannot read answers file {path}: {exc.strerror}", hint="Check the path.") from exc
        return cls(split_blocks(data.decode("utf-8", errors="replace")))

    def read(self, label: str) -> str:
        """Next block, or EOFError when the file is exhausted."""
        try:
            return next(self._blocks)
        except StopIteration:
            raise EOFError from None

    def confirm(self, question: str) -> bool:
        """Scripts always take the safe default."""
        return True

    def keep_drafts(self, write: Callable[[str], None]) -> None:
        """A script's answers are in its file already."""


# a paste's lines arrive far closer together than anyone types them
PASTE_GAP = 0.015
# what a terminal sends for a mouse event (X10, SGR, urxvt); anything else read as one is pasted text
_MOUSE_REPORT = re.compile(r"\x1b\[(M[\s\S]{3}|<\d+;\d+;\d+[Mm]|\d+;\d+;\d+M)")


def sends(text: str, cursor: int) -> bool:
    """Whether Enter sends the answer: a lone command, or a second blank line at the end of some text."""
    # one blank line is a paragraph break: an exploratory test (session 13) typed "…not permission.", Enter, Enter,
    # and the first paragraph was graded alone while the rest went into the follow-up's box
    if text.startswith("/") and len(text.split()) == 1:  # "/skip", not "/ First, I'd…"
        return True
    if not text.strip() or text[cursor:].strip():  # nothing yet, or Enter in the middle of the text
        return False
    lines = text[:cursor].split("\n")
    return len(lines) >= 2 and lines[-1].strip() == "" and lines[-2].strip() == ""


class PromptAnswers:
    """prompt_toolkit multi-line input: Esc-Enter or Alt-Enter submits, as does Enter on a second blank line."""

    interactive = True

    def __init__(self, draft: str = "") -> None:
        from prompt_toolkit import PromptSession

        self.draft = draft  # text typed but not sent: kept across Ctrl-C, saved on quit
        from prompt_toolkit.key_binding import KeyBindings
        from prompt_toolkit.keys import Keys

        kb = KeyBindings()

        @kb.add("enter")
        def _(event):  # type: ignore[no-untyped-def]
            buf = event.current_buffer
            # keys still queued, or text that changed a moment ago: a paste (a terminal without bracketed paste
            # sends its lines as Enters), whose blank lines are paragraph breaks, never "send"
            pasting = bool(event.key_processor.input_queue) or time.monotonic() - self._changed_at < PASTE_GAP
            if not pasting and sends(buf.document.text, buf.document.cursor_position):
                buf.validate_and_handle()
            else:
                buf.insert_text("\n")

        @kb.add(Keys.Vt100MouseEvent)
        def _(event):  # type: ignore[no-untyped-def]
            # no mouse here; but a colour code pasted without bracketed paste ("\x1b[1m") reads as a malformed mouse
            # report, which crashed prompt_toolkit's handler and dropped the rest of the paste: it stays as text
            # (the input guard strips escape codes before grading)
            if not _MOUSE_REPORT.fullmatch(event.data):
                event.current_buffer.insert_text(event.data)

        @kb.add("c-c")
        def _(event):  # type: ignore[no-untyped-def]
            self.draft = event.current_buffer.text  # Ctrl-C must not throw away what was typed
            event.app.exit(exception=KeyboardInterrupt())

        @kb.add("c-d")
        def _(event):  # type: ignore[no-untyped-def]
            # save and quit with the box kept, text or not (the default deletes a character when there is text)
            self.draft, self._ctrl_d = event.current_buffer.text, True
            event.app.exit(exception=EOFError())

        self._session: PromptSession[str] = PromptSession(multiline=True, key_bindings=kb, bottom_toolbar=self._toolbar)
        self._keeper: DraftKeeper | None = None
        self._changed_at = 0.0
        self._ctrl_d = False  # the last read ended on Ctrl-D, not on the terminal going away
        self._session.default_buffer.on_text_changed += self._typed

    def _typed(self, buffer: Any) -> None:
        self._changed_at = time.monotonic()
        if self._keeper is not None:
            self._keeper.changed(buffer.text)

    def _toolbar(self) -> str:
        doc = self._session.default_buffer.document
        if doc.text.strip() and sends(doc.text, doc.cursor_position):
            return " Enter: send · or type on for a new paragraph"
        return " Esc Enter: send · or Enter on a second blank line · /help: commands"

    def keep_drafts(self, write: Callable[[str], None]) -> None:
        """Save the answer as it is typed (the default `kill`, a closed terminal or a crash lose at most 0.5 s)."""
        self._keeper = DraftKeeper(write)

    def read(self, label: str) -> str:
        """Prompt for one answer, starting from any unsent draft."""
        draft, self.draft = self.draft, ""
        if draft and self._keeper is not None:  # prompt(default=…) fires no change: a sent-back answer is kept too
            self._keeper.changed(draft)
        try:
            text = self._session.prompt(
                f"{label} › ", default=draft, prompt_continuation=lambda w, n, s: " " * max(0, w - 2) + "│ "
            )
        except Terminated:
            self.draft = self._session.default_buffer.text  # the box as it was, saved by the quit that follows
            raise
        except (EOFError, OSError) as exc:
            if isinstance(exc, EOFError) and self._ctrl_d:
                raise  # Ctrl-D: its binding kept the box
            # input ended, or the terminal fails (EIO), under us: it was closed (a wrapper shell can take the SIGHUP)
            self.draft = self._session.default_buffer.text or draft
            raise Terminated(signal.SIGHUP) from None
        finally:
            self._ctrl_d = False
        if self._keeper is not None:
            self._keeper.sent()
        return text

    def confirm(self, question: str) -> bool:
        """Yes/no with Enter meaning yes."""
        from prompt_toolkit.shortcuts import prompt

        try:
            reply = prompt(f"{question} [Y/n] ")
        except (EOFError, KeyboardInterrupt):
            return True
        return reply.strip().lower() in ("", "y", "yes")
