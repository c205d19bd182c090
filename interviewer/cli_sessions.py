"""The saved-sessions commands: list them, render one's report again, delete them."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from rich.markup import escape

from .cli_support import console as _console
from .cli_support import settings_from as _settings
from .cli_support import with_home
from .errors import ConfigError, SessionError


@click.command()
@click.pass_context
def sessions(ctx: click.Context) -> None:
    """List saved sessions."""
    from rich.table import Table

    from . import store

    settings = _settings(ctx)
    console = _console()
    with store.open_db(settings.db_path) as conn:
        rows = store.list_sessions(conn)
    if not rows:
        console.print("No sessions yet. Start one with: interviewer practice")
        return
    table = Table("Session", "Updated", "Status", "Answered", "Score", "Title")
    for r in rows:
        score = f"{r.score:.2f}" if r.score is not None else "—"
        updated = r.updated.replace("T", " ")[:16]
        table.add_row(r.id, updated, r.status, f"{r.answered}/{r.total}", score, escape(r.title))
    console.print(table)


@click.command()
@click.argument("session_ids", nargs=-1)
@click.option("--empty", is_flag=True, help="Also every session with no answer in it.")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@click.pass_context
def delete(ctx: click.Context, session_ids: tuple[str, ...], empty: bool, yes: bool) -> None:
    """Delete sessions for good: every answer in them, their reports and drafts."""
    from . import store

    settings = _settings(ctx)
    with store.open_db(settings.db_path) as conn:
        # unknown ids fail before anything goes; a session with typing not yet graded is not "empty"
        chosen = list(dict.fromkeys(store.get_session(conn, sid).id for sid in session_ids))
        extra = [r.id for r in store.list_sessions(conn) if empty and r.answered == 0 and r.id not in chosen]
        kept = [sid for sid in extra if store.has_unsent_work(conn, sid)]
        chosen += [sid for sid in extra if sid not in kept]
        if kept:
            click.echo(f"Kept {', '.join(kept)}: typed or sent but not graded yet (resume to finish, or name it).")
        if not chosen:
            hint = "Nothing to delete. Name sessions (`interviewer sessions` lists them), or pass --empty."
            click.echo(with_home(hint, ctx))
            return
        if not yes and not click.confirm(f"Delete {', '.join(chosen)} and everything typed in them?"):
            click.echo("Nothing deleted.")
            return
        deleted, named_failed = [], False
        for sid in chosen:
            try:
                store.delete_session(conn, sid)
                deleted.append(sid)
            except SessionError as exc:  # open in another terminal: the others still go
                click.echo(f"Not deleted: {exc} {exc.hint}")
                named_failed = named_failed or sid in session_ids
    if deleted:
        click.echo(f"Deleted {len(deleted)} session(s): {', '.join(deleted)}")
    if named_failed:  # one you named is still there; an empty one --empty found open is just left
        raise click.exceptions.Exit(1)


@click.command()
@click.argument("session_id")
@click.option("--format", "fmt", type=click.Choice(["md", "json"]), default="md", show_default=True)
@click.option("--output", type=click.Path(path_type=Path), help="Write to a file instead of the terminal.")
@click.pass_context
def report(ctx: click.Context, session_id: str, fmt: str, output: Path | None) -> None:
    """Render a session's report again."""
    from . import store
    from .report import to_markdown
    from .rules import RuleGrader
    from .session import Interview
    from .state import Context

    settings = _settings(ctx)
    with store.open_db(settings.db_path) as conn:
        interview, _ = Interview.resume(conn, Context(grader=RuleGrader()), session_id, finish=False)
        rep = interview.current_report()
    text = rep.model_dump_json(indent=2) if fmt == "json" else to_markdown(rep)
    if output:
        try:
            store.write_private(output, text + ("\n" if fmt == "json" else ""))
        except OSError as exc:
            raise ConfigError(
                f"Cannot write {output}: {exc.strerror}.", hint="Pick a file in a folder that exists."
            ) from exc
        click.echo(f"Wrote {output}")
    elif fmt == "md" and sys.stdout.isatty():  # rendered for reading; piped, it stays Markdown
        from rich.markdown import Markdown

        _console().print(Markdown(text))
    else:
        click.echo(text)
