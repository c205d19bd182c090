"""The command line: the only module that talks to the user, catches our errors and sets exit codes."""

from __future__ import annotations

import contextlib
import os
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from .cli_eval import eval_group, index_cmd
from .cli_sessions import delete, report, sessions
from .cli_support import (
    build_grader,
    build_interviewer,
    home_flag,
    norm_choice,
    open_knowledge,
    session_guard,
    warn_keyless,
)
from .cli_support import console as _console
from .cli_support import settings_from as _settings
from .cli_support import with_home as _with_home
from .errors import ConfigError, InterviewerError
from .logs import redact
from .schemas import DIFFICULTIES, ROLES, TOPICS
from .text import clean

EXIT_BUG = 70
EXIT_INTERRUPTED = 130  # Ctrl-C, as the interview loop ends on it

if TYPE_CHECKING:
    from .session import Interview, Step
    from .terminal import AnswerSource


class _Group(click.Group):
    """Turns our errors into a message with a next step and an exit code; never a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except InterviewerError as exc:
            click.secho(f"Error: {redact(str(exc))}", err=True, fg="red")
            if exc.hint:
                click.echo(f"Next: {redact(_with_home(exc.hint, ctx))}", err=True)
            ctx.exit(exc.exit_code)
        except KeyboardInterrupt:  # before the interview began (it handles its own): nothing was typed yet
            click.echo(f"\nStopped. {_with_home('`interviewer sessions` lists what is saved.', ctx)}", err=True)
            ctx.exit(EXIT_INTERRUPTED)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except Exception as exc:  # the last resort: a bug must not print a traceback at the user
            log = _crash_log(exc, (ctx.obj or {}).get("home"))
            click.secho(f"Unexpected error: {type(exc).__name__}. Your answers so far are saved.", err=True, fg="red")
            where = f"details for a bug report are in {log}" if log else "no crash log could be written"
            hint = f"`interviewer sessions` lists them; {where}"
            click.echo(f"Next: {_with_home(hint, ctx)}", err=True)
            ctx.exit(EXIT_BUG)


def _crash_log(exc: Exception, home_flag: Path | None = None) -> str:
    import traceback
    from datetime import datetime

    from .config import Settings, default_home

    try:
        home = Settings(home=home_flag).home if home_flag else Settings().home
    except ValueError:
        home = default_home()
    try:
        folder = home / "logs"
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        path = folder / f"crash-{datetime.now():%Y%m%d-%H%M%S}.txt"
        path.write_text("".join(traceback.format_exception(exc)), encoding="utf-8")
        path.chmod(0o600)
        return str(path)
    except OSError:
        return ""


@click.group(cls=_Group)
@click.option("--home", type=click.Path(path_type=Path), help="Data directory (default: INTERVIEWER_HOME or per-user).")
@click.option("--debug", is_flag=True, help="Log model calls and HTTP requests to stderr (keys are redacted).")
@click.version_option(package_name="interviewer")
@click.pass_context
def main(ctx: click.Context, home: Path | None, debug: bool) -> None:
    """Mock interviews for AI product roles, graded against a rubric, offline by default.

    To use a model, set INTERVIEWER_MODEL (e.g. openai/gpt-4o-mini) and the provider's key (e.g. OPENAI_API_KEY);
    it then asks, probes and grades, with the offline rules as its fallback. See the README, Settings.
    """
    ctx.obj = {"home": home}
    if debug:
        from .logs import configure

        key = _settings(ctx).api_key
        configure(True, [key.get_secret_value()] if key else [])


@main.command()
@click.option("--role", help=f"One of: {', '.join(ROLES)}.")
@click.option("--topic", help=f"One of: {', '.join(TOPICS)}.")
@click.option("--difficulty", help=f"One of: {', '.join(DIFFICULTIES)}.")
@click.option("--questions", "n", type=click.IntRange(1, 20), default=3, show_default=True)
@click.option("--seed", type=int, help="Repeatable draw of questions.")
@click.option("--question", "own", help="Practise your own question instead of the bank.")
@click.option("--company", default="", help="With INTERVIEWER_MODEL: set the questions at this company.")
@click.option("--answers", type=click.Path(path_type=Path), help="Scripted answers, blocks separated by '---'.")
@click.option("--report", "report_path", type=click.Path(path_type=Path), help="Write the report as JSON here.")
@click.pass_context
def practice(
    ctx: click.Context,
    role: str | None,
    topic: str | None,
    difficulty: str | None,
    n: int,
    seed: int | None,
    own: str | None,
    company: str,
    answers: Path | None,
    report_path: Path | None,
) -> None:
    """Start a mock interview."""
    from . import questions

    role = norm_choice(role, ROLES, "role")
    topic = norm_choice(topic, TOPICS, "topic")
    difficulty = norm_choice(difficulty, DIFFICULTIES, "difficulty")
    if own is not None and not own.strip():
        raise ConfigError("--question is empty.", hint='Write the question in quotes: --question "How would you …?"')
    if own and (banked := _bank_question(own)) is not None:  # `questions` lists ids: "--question met-02" asks it
        picked, title = [banked], f"{banked.id} · {banked.topic.replace('_', ' ')}"
    elif own and re.fullmatch(r"\s*[a-z]+-\d+\s*", own, re.IGNORECASE):
        raise ConfigError(f"No question {own.strip()!r} in the bank.", hint="Run `interviewer questions` to list ids.")
    elif own:
        if _settings(ctx).mask_transcript:  # your own question is saved and listed too (the loopback test)
            from .pii import mask

            own = mask(own)
        picked = [questions.custom_question(own, topic)]
        short = " ".join(clean(own).split())  # a title is printed in lists: no escape codes from a pasted question
        title = f"your own question: {short if len(short) <= 50 else short[:49] + '…'}"
        if topic is None:
            _console().print(
                f"[dim]Graded with the {picked[0].topic.replace('_', ' ')} rubric (choose another with --topic).[/]"
            )
    else:
        picked = questions.draw(n, role, topic, difficulty, seed)
        topics = ", ".join(dict.fromkeys(q.topic.replace("_", " ") for q in picked))  # tells sessions apart in a list
        title = f"{len(picked)} question(s) · {_role_label(role)} · {topics}"
        if len(picked) < n:
            _console().print(f"[yellow]Only {len(picked)} question(s) match those filters[/]: asking those.")
    opener = lambda conn, c, listen: _start(conn, c, picked, title, listen)  # noqa: E731
    ctx.exit(_run(ctx, answers, report_path, opener, title, role, company))


@main.command()
@click.argument("session_id")
@click.option("--answers", type=click.Path(path_type=Path), help="Scripted answers for the rest of the session.")
@click.option("--report", "report_path", type=click.Path(path_type=Path), help="Write the report as JSON here.")
@click.pass_context
def resume(ctx: click.Context, session_id: str, answers: Path | None, report_path: Path | None) -> None:
    """Continue a saved session where it stopped."""
    from . import store
    from .session import Interview

    with store.open_db(_settings(ctx).db_path) as conn:
        finished = store.get_session(conn, session_id).status == "completed"
    if finished:  # nothing to continue: say where its results are, rather than replay its end
        hint = f"`interviewer report {session_id}` shows it again; `interviewer practice` starts a new one."
        click.echo(f"Session {session_id} is finished. {_with_home(hint, ctx)}")
        if report_path is not None:  # a script asked for the report file: it still gets it
            ctx.invoke(report, session_id=session_id, fmt="json", output=report_path)
        ctx.exit(0)
    ctx.exit(
        _run(
            ctx,
            answers,
            report_path,
            lambda conn, c, listen: (Interview.reopen(conn, c, session_id, listen), None),
            "resumed",
            lock=session_id,
        )
    )


def _exit_now(code: int) -> None:
    """End the process without closing what a running step still uses; nothing is lost (the answer was saved
    before its step began), and an error that got us here is still named."""
    exc = sys.exc_info()[1]
    failed = exc is not None and not isinstance(exc, (KeyboardInterrupt, SystemExit))
    with contextlib.suppress(OSError):
        if failed:
            print(f"Stopped by {type(exc).__name__}: {redact(str(exc))}", file=sys.stderr)
        sys.stdout.flush()
        sys.stderr.flush()
    os._exit(EXIT_BUG if failed else code)


def _bank_question(text: str) -> Any:
    from .knowledge import bank

    return next((q for q in bank().questions if q.id == text.strip().lower()), None)


def _start(conn: Any, context: Any, picked: list[Any], title: str, listener: Any) -> tuple[Interview, Step | None]:
    from .session import Interview

    return Interview.create(conn, context, picked, title, listener), None  # run_loop begins it after the banner


def _role_label(role: str | None) -> str:
    from .schemas import ROLE_LABELS

    return ROLE_LABELS.get(role or "", "any role")


def _source(answers: Path | None) -> AnswerSource:
    import io

    from .terminal import PromptAnswers, ScriptedAnswers, iter_blocks

    if answers is not None:
        return ScriptedAnswers.from_file(answers)
    if not sys.stdin.isatty():
        # A pipe is read block by block, so a driving process can answer as questions arrive.
        stream = io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", errors="replace")
        return ScriptedAnswers(iter_blocks(stream))
    return PromptAnswers()


def _run(
    ctx: click.Context,
    answers: Path | None,
    report_path: Path | None,
    opener: Any,
    title: str,
    role: str | None = None,
    company: str = "",
    lock: str | None = None,
) -> int:
    """Run a session to its end or a safe stop, holding it (`store.session_lock`) so no other terminal answers it."""
    from contextlib import ExitStack

    from . import store
    from .loop import Presenter, run_loop, step_running
    from .retrieval import LazyRetriever
    from .state import Context

    source = _source(answers)
    console = _console()
    settings = _settings(ctx)
    if settings.model or settings.grading_model:
        warn_keyless(settings, lambda text: console.print(f"[yellow]{text}[/]"))
    retriever = LazyRetriever(lambda: open_knowledge(settings), settings.extra_knowledge)
    guard = session_guard(settings)
    context = Context(
        grader=build_grader(settings, retriever, guard),
        max_answer_chars=settings.max_answer_chars,
        retriever=retriever,
        interviewer=build_interviewer(settings, role, company, guard),
        mask_transcript=settings.mask_transcript,
        secret=settings.api_key.get_secret_value() if settings.api_key else None,
    )
    if company and context.interviewer is None:
        console.print("[dim]--company needs a model to set the questions (INTERVIEWER_MODEL); asking the bank's.[/]")
    presenter = Presenter(console, "interviewer" + home_flag(ctx))
    with store.open_db(settings.db_path) as conn, ExitStack() as held:
        if lock is not None:  # before a resumed session grades an answer left in its inbox
            held.enter_context(store.session_lock(conn, lock))
        interview, step = opener(conn, context, presenter.on_event)
        if lock is None:
            held.enter_context(store.session_lock(conn, interview.session_id))
        # chromadb, the embedding model and the questions' vectors (and litellm, with a model) load
        # while the candidate reads question 1
        retriever.warm(interview.question_texts())
        if settings.model or settings.grading_model:
            from .llm import warm

            warm()
        code = EXIT_BUG  # what an error on the way out ends with (see _exit_now)
        try:
            code = run_loop(console, source, interview, step, title, report_path, presenter)
        finally:
            if step_running():  # a stopped model call would write to a database closed under it: SQLite recovers
                _exit_now(code)
            retriever.close()
        return code


@main.command("questions")
@click.option("--role")
@click.option("--topic")
@click.option("--difficulty")
def list_questions(role: str | None, topic: str | None, difficulty: str | None) -> None:
    """List the question bank."""
    from rich.table import Table

    from .knowledge import bank

    role = norm_choice(role, ROLES, "role")
    topic = norm_choice(topic, TOPICS, "topic")
    difficulty = norm_choice(difficulty, DIFFICULTIES, "difficulty")
    table = Table("Id", "Topic", "Level", "Question")
    for q in bank().questions:
        if (role in (None, *q.roles)) and topic in (None, q.topic) and difficulty in (None, q.difficulty):
            table.add_row(q.id, q.topic, q.difficulty, q.text)
    _console().print(table)


main.add_command(eval_group)
for _command in (sessions, delete, report):
    main.add_command(_command)
main.add_command(index_cmd)
