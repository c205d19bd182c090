"""The turn loop the CLI runs: read an answer, handle slash commands, show feedback, repeat."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.markup import escape

from . import drafts, render, store
from .knowledge import heading_paths, unpack_question
from .language import other_language
from .logs import redact, without_secrets
from .schemas import Report, Turn
from .session import Interview, Step
from .terminal import COMMANDS, AnswerSource, Terminated, ignore_stops, stop_signals

EXIT_OK, EXIT_INCOMPLETE, EXIT_INTERRUPTED = 0, 1, 130


class Presenter:
    """Shows what the graph does as it happens: feedback once a turn is graded, model prompts token by token."""

    def __init__(self, console: Console, command: str = "interviewer") -> None:
        self.console = console
        self.command = command  # how to call the CLI again, with --home when it was given
        self.status: Any = None
        self.rendered = 0  # turns already shown during the current step
        self.prompt_shown = False  # the pending prompt was streamed, so do not print it again
        self.warned = ""  # an answer sent back once for its language: sent again as it is, it is graded

    def on_event(self, mode: str, chunk: Any) -> None:
        """A graph update or a custom stream event."""
        if mode == "updates" and isinstance(chunk, dict) and chunk.get("grade"):
            self._pause()
            for raw in chunk["grade"].get("turns", []):
                render.feedback(self.console, Turn.model_validate(raw))
                self.rendered += 1
        elif mode == "custom" and isinstance(chunk, dict):
            self._stream(chunk)

    def _stream(self, event: dict[str, Any]) -> None:
        if event.get("event") == "start":
            self._pause()
            render.prompt_header(self.console, event["pending"])
        elif event.get("event") == "token":
            self.console.print(escape(event["text"]), end="", soft_wrap=True)
        elif event.get("event") == "end":
            self.console.print()
            self.prompt_shown = bool(event.get("ok"))
            if not self.prompt_shown:
                self.console.print("[yellow](degraded: rule-based — the bank's question follows)[/]")

    def _pause(self) -> None:
        if self.status is not None:
            self.status.stop()
            self.status = None


def run_loop(
    console: Console,
    source: AnswerSource,
    interview: Interview,
    step: Step | None,
    title: str,
    report_path: Path | None,
    presenter: Presenter | None = None,
) -> int:
    """Drive a session to its end or to a safe stop; returns the exit code."""
    presenter = presenter or Presenter(console)
    interview.listener = presenter.on_event
    llm = getattr(interview.context.grader, "llm", None)
    grader = f"{llm.model}, rules as fallback" if llm is not None else "rule-based"
    if interview.context.interviewer is not None:
        grader += f"; questions: {interview.context.interviewer.gateway.model}"
    render.intro(console, title, interview.session_id, source.interactive, grader)
    draft = drafts.resumed(interview)
    if source.interactive:
        source.draft = draft
        source.keep_drafts(drafts.writer(interview))
    try:
        with stop_signals():  # a plain `kill` or a closed terminal saves and stops like /quit
            if step is None:  # after the banner, so a resumed session's recovered feedback follows it
                if answered := interview.answered():
                    console.print(f"[dim]Resuming: {answered} question(s) answered or skipped so far.[/]\n")
                _recap(console, interview)
                if interview.unfinished == "answer":
                    console.print(
                        "[dim]Your last answer was sent but not graded before the session stopped: grading it now.[/]"
                    )
                step = _interruptible(interview.proceed)
            code = _loop(console, source, interview, step, presenter)
    except KeyboardInterrupt:
        ignore_stops()
        code = _saved(console, interview, EXIT_INTERRUPTED, source, presenter.command)
    except Terminated as stop:
        ignore_stops()
        with contextlib.suppress(OSError):  # after SIGHUP the terminal may be gone; the draft is saved first
            _saved(console, interview, 128 + stop.signum, source, presenter.command)
        code = 128 + stop.signum
    if report_path is not None:
        _report_file(console, interview, report_path, presenter.command)
    return code


def _recap(console: Console, interview: Interview) -> None:
    """Resuming at a follow-up: the feedback on the answer it follows up, which the follow-up builds on."""
    state = interview.state()
    pending = state.get("pending")
    if not pending or pending.get("kind") != "probe" or interview.unfinished:
        return
    main = [t for t in state.get("turns", []) if t["question_index"] == pending["question_index"]]
    if main and main[-1].get("grade"):
        console.print("[dim]The feedback on your answer to this question:[/]")
        render.feedback(console, Turn.model_validate(main[-1]))


def _sent_back(console: Console, source: AnswerSource, interview: Interview, presenter: Presenter, text: str) -> bool:
    """An answer in another language, with only the rules to grade it, goes back to the box once, saying why."""
    if getattr(interview.context.grader, "llm", None) is not None or presenter.warned == text:
        return False
    if (language := other_language(text)) is None:
        return False
    presenter.warned = text
    render.other_language(console, language, source.interactive)
    if source.interactive:
        source.draft = text
    return source.interactive


def _report_file(console: Console, interview: Interview, path: Path, command: str) -> None:
    """Write the --report file, or say how to get it when that cannot be done now."""
    again = f"{escape(command)} report {interview.session_id} --format json --output FILE"
    if step_running():  # the state is mid-write: the report command reads it once it is saved
        with contextlib.suppress(OSError):
            console.print(f"Report not written (a step was still running). Next: {again}", soft_wrap=True)
        return
    try:
        _write_report(path, interview.current_report())
        said = f"Report written to {path}"
    except OSError as exc:
        said = f"[red]Could not write the report to {path}: {exc.strerror}.[/] Next: {again}"
    with contextlib.suppress(OSError):  # the terminal may be gone (SIGHUP): the file is what matters
        console.print(said, soft_wrap=True)


STOP_GRACE = 2.0  # seconds a stopped step gets to finish; a model call that takes longer is redone on resume
_running: list[threading.Event] = []  # one per graph step whose worker has not finished


def step_running() -> bool:
    """Whether a graph step stopped by Ctrl-C or a signal still runs (a model call): the database it writes to
    must then not be closed under it, so the CLI ends the process without closing it (SQLite recovers, as
    after `kill -9`)."""
    return any(not done.is_set() for done in _running)


def _interruptible(work: Callable[[], Step]) -> Step:
    """Run a graph step in a worker so Ctrl-C is honoured at once, even while a model call is pending.

    The step's input is already checkpointed, so an interrupted step is finished on resume. The wait is on an
    Event, not on Thread.join: a join interrupted by a signal can mark a running thread as finished.
    """
    result: list[Step] = []
    errors: list[BaseException] = []
    done = threading.Event()

    def run() -> None:
        try:
            result.append(work())
        except BaseException as exc:  # handed back to the waiting thread below
            errors.append(exc)
        finally:
            done.set()

    _running[:] = [d for d in _running if not d.is_set()] + [done]
    threading.Thread(target=run, name="interview-step", daemon=True).start()
    try:
        while not done.wait(0.1):
            pass
    except BaseException:
        # a stop mid-step: a rule-graded step needs only a moment to write its checkpoint, and closing the
        # database under that write crashes the process (see `step_running`)
        done.wait(STOP_GRACE)
        raise
    if errors:
        raise errors[0]
    return result[0]


def _loop(console: Console, source: AnswerSource, interview: Interview, step: Step, presenter: Presenter) -> int:
    shown, again = True, True  # the first prompt may follow a resume: a follow-up then shows its question too
    secret = interview.context.secret
    while step.report is None:
        pending = step.pending
        assert pending is not None, "a running interview always waits on a prompt"
        if shown and not presenter.prompt_shown:
            asked = (
                _question_text(interview, pending["question_index"]) if again and pending["kind"] == "probe" else None
            )
            render.prompt_block(console, pending, asked)
        shown, again, presenter.prompt_shown = True, False, False
        try:
            # a configured key typed or pasted into an answer is never echoed, sent or saved
            text = without_secrets(source.read("Answer" if pending["kind"] == "main" else "Follow-up"), secret)
        except EOFError:
            code = EXIT_OK if source.interactive else EXIT_INCOMPLETE
            return _saved(console, interview, code, source, presenter.command)
        except KeyboardInterrupt:
            if source.confirm("\nSave and quit?"):
                return _saved(console, interview, EXIT_INTERRUPTED, source, presenter.command)
            shown = False  # the prompt comes back with the draft in it
            continue
        command = text.strip().lower() if _is_command(text) else None
        if command == "/quit":
            return _saved(console, interview, EXIT_OK, source, presenter.command)
        if command in ("/help", "/hint", "/repeat") or (command and command not in COMMANDS):
            _local_command(console, source, interview, command, pending["question_index"])
            shown = again = command == "/repeat"
            continue
        if not source.interactive:
            render.answer_echo(console, text)
        if command is None and not text.strip():
            console.print("[yellow]Empty answer.[/] Type an answer, or /skip to move on.")
            shown = False
            continue
        if command is None and _sent_back(console, source, interview, presenter, text):
            shown = False
            continue
        # until its step has saved it, the answer is what a stop keeps (a Ctrl-C right after Enter, before the
        # step began, would otherwise save an empty box); resume drops the copy if the step did save it
        source.draft = text if command is None else ""
        presenter.rendered = 0
        presenter.status = console.status("Grading…")
        presenter.status.start()
        try:
            step = _interruptible(partial(_send, interview, source, text, command == "/skip"))
        finally:
            with contextlib.suppress(OSError):  # a closed terminal must not hide the stop that is under way
                presenter._pause()
        for turn in step.new_turns[presenter.rendered :]:
            render.feedback(console, turn)
        _index_warning(console, interview)
        _model_warning(console, interview, step)
    render.report(console, step.report, presenter.command)
    return EXIT_OK


def _send(interview: Interview, source: AnswerSource, text: str, skip: bool) -> Step:
    """Send an answer and run its step; once that step is saved the answer is no longer the box's to keep, even
    when a stop arrived while it ran (the stop waits for it, see `STOP_GRACE`)."""
    step = interview.answer(text, skip=skip)
    source.draft = ""
    return step


def _question_text(interview: Interview, index: int) -> str:
    return unpack_question(interview.state()["questions"][index]).text


def _index_warning(console: Console, interview: Interview) -> None:
    retriever = interview.context.retriever
    error = getattr(retriever, "error", None)
    if error is not None and not getattr(retriever, "warned", False):
        console.print(f"[yellow]Knowledge index unavailable:[/] {error} Feedback cites the question's own sections.")
        console.print(f"[dim]{error.hint}[/]")
        retriever.warned = True  # type: ignore[union-attr]


def _model_warning(console: Console, interview: Interview, step: Step) -> None:
    """Say once, plainly, why the model stopped grading and what to do about it."""
    grader = interview.context.grader
    error = getattr(grader, "last_error", None)
    degraded = any(t.grade is not None and t.grade.degraded for t in step.new_turns)
    if degraded and error is not None and not getattr(grader, "warned", False):
        console.print(f"[yellow]Model grading unavailable:[/] {escape(redact(str(error)))}")
        console.print(f"Next: {redact(error.hint)}")
        grader.warned = True  # type: ignore[attr-defined]
    guard = getattr(grader, "guard", None)
    if guard is not None and guard.tripped and not getattr(guard, "announced", False):
        console.print(f"[yellow]Circuit breaker:[/] {guard.tripped}. The rules grade the rest of this session.")
        guard.announced = True


def _is_command(text: str) -> bool:
    t = text.strip()
    return t.startswith("/") and len(t.split()) == 1


def _local_command(console: Console, source: AnswerSource, interview: Interview, command: str, idx: int) -> None:
    if command == "/help":
        render.help_text(console, source.interactive)
    elif command == "/hint":
        question = unpack_question(interview.state()["questions"][idx])
        retriever = interview.context.retriever
        found = retriever.search(question.text, k=6) if retriever is not None else []
        # the bank's own sections are shown anyway; what retrieval adds is your notes (`index --add`), never a
        # general hit from the packaged file ("Quick Reference", another chapter)
        builtin = heading_paths()
        notes = {p.heading: p for p in reversed(found) if p.heading not in builtin}  # the best chunk of each
        render.hint(console, question.knowledge, list(reversed(notes.values())))
    elif command not in COMMANDS:
        console.print(f"[yellow]Unknown command {command}.[/] /help lists the commands; your answer was not sent.")


def _saved(
    console: Console, interview: Interview, code: int, source: AnswerSource | None = None, command: str = "interviewer"
) -> int:
    if source is not None and source.interactive:
        # the box exactly as it is, empty included: a draft saved earlier must not bring back text since deleted
        drafts.writer(interview)(source.draft)
        if drafts.was_sent(interview, source.draft):  # stopped while it was graded (the loopback test)
            console.print("\nYour answer was sent before the stop; resume grades it.")
        elif source.draft.strip():
            console.print("\nYour unsent answer is kept; it will be in the answer box when you resume.")
    # soft_wrap: a narrow terminal wraps the command on screen, but a copy of it stays one line
    console.print(f"\nSaved. Resume with: [bold]{escape(command)} resume {interview.session_id}[/]", soft_wrap=True)
    return code


def _write_report(path: Path, report: Report) -> None:
    store.write_private(path, report.model_dump_json(indent=2) + "\n")
