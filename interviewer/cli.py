"""The command line: the only module that talks to the user, catches our errors and sets exit codes."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from .errors import ConfigError, InterviewerError
from .schemas import DIFFICULTIES, ROLES, TOPICS

EXIT_BUG = 70

if TYPE_CHECKING:
    from rich.console import Console

    from .config import Settings
    from .session import Interview, Step
    from .terminal import AnswerSource


def _norm_choice(value: str | None, choices: tuple[str, ...], what: str) -> str | None:
    if value is None:
        return None
    key = value.strip().lower().replace("-", "_").replace(" ", "_")
    if key not in choices:
        raise ConfigError(f"Unknown {what} {value!r}.", hint=f"Use one of: {', '.join(choices)}.")
    return key


def _settings(ctx: click.Context) -> Settings:
    from .config import Settings

    overrides = {k: v for k, v in (ctx.obj or {}).items() if v is not None}
    try:
        return Settings(**overrides)
    except ValueError as exc:
        raise ConfigError(f"Invalid setting: {exc}", hint="Check your flags, environment and .env file.") from exc


def _console() -> Console:
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False)


class _Group(click.Group):
    """Turns our errors into a message with a next step and an exit code; never a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except InterviewerError as exc:
            click.secho(f"Error: {exc}", err=True, fg="red")
            if exc.hint:
                click.echo(f"Next: {exc.hint}", err=True)
            ctx.exit(exc.exit_code)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except Exception as exc:  # the last resort: a bug must not print a traceback at the user
            log = _crash_log(exc)
            click.secho(f"Unexpected error: {type(exc).__name__}. Your answers so far are saved.", err=True, fg="red")
            click.echo(f"Next: `interviewer sessions` lists them; details for a bug report are in {log}", err=True)
            ctx.exit(EXIT_BUG)


def _crash_log(exc: Exception) -> str:
    import traceback
    from datetime import datetime

    from .config import Settings, default_home

    try:
        home = Settings().home
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
        return "(could not write a crash log)"


@click.group(cls=_Group)
@click.option("--home", type=click.Path(path_type=Path), help="Data directory (default: INTERVIEWER_HOME or per-user).")
@click.version_option(package_name="interviewer")
@click.pass_context
def main(ctx: click.Context, home: Path | None) -> None:
    """Mock interviews for AI product roles, graded against a rubric, offline by default."""
    ctx.obj = {"home": home}


@main.command()
@click.option("--role", help=f"One of: {', '.join(ROLES)}.")
@click.option("--topic", help=f"One of: {', '.join(TOPICS)}.")
@click.option("--difficulty", help=f"One of: {', '.join(DIFFICULTIES)}.")
@click.option("--questions", "n", type=click.IntRange(1, 20), default=3, show_default=True)
@click.option("--seed", type=int, help="Repeatable draw of questions.")
@click.option("--question", "own", help="Practise your own question instead of the bank.")
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
    answers: Path | None,
    report_path: Path | None,
) -> None:
    """Start a mock interview."""
    from . import questions

    role = _norm_choice(role, ROLES, "role")
    topic = _norm_choice(topic, TOPICS, "topic")
    difficulty = _norm_choice(difficulty, DIFFICULTIES, "difficulty")
    if own:
        picked = [questions.custom_question(own, topic)]
        title = "your own question"
    else:
        picked = questions.draw(n, role, topic, difficulty, seed)
        title = f"{len(picked)} question(s) · {_role_label(role)}"
    ctx.exit(_run(ctx, answers, report_path, lambda conn, c: _start(conn, c, picked, title), title))


@main.command()
@click.argument("session_id")
@click.option("--answers", type=click.Path(path_type=Path), help="Scripted answers for the rest of the session.")
@click.option("--report", "report_path", type=click.Path(path_type=Path), help="Write the report as JSON here.")
@click.pass_context
def resume(ctx: click.Context, session_id: str, answers: Path | None, report_path: Path | None) -> None:
    """Continue a saved session where it stopped."""
    from .session import Interview

    ctx.exit(_run(ctx, answers, report_path, lambda conn, c: Interview.resume(conn, c, session_id), "resumed"))


def _start(conn: Any, context: Any, picked: list[Any], title: str) -> tuple[Interview, Step]:
    from .session import Interview

    return Interview.start(conn, context, picked, title)


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


def _run(ctx: click.Context, answers: Path | None, report_path: Path | None, opener: Any, title: str) -> int:
    from . import store
    from .loop import run_loop
    from .state import Context

    settings = _settings(ctx)
    source = _source(answers)
    console = _console()
    from .retrieval import LazyRetriever

    retriever = LazyRetriever(lambda: open_knowledge(settings), settings.extra_knowledge)
    retriever.warm()  # chromadb and the embedding model load while the candidate reads question 1
    grader = build_grader(settings, retriever)
    with store.open_db(settings.db_path) as conn:
        context = Context(grader=grader, max_answer_chars=settings.max_answer_chars, retriever=retriever)
        interview, step = opener(conn, context)
        return run_loop(console, source, interview, step, title, report_path)


@main.command()
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
        table.add_row(r.id, r.updated.replace("T", " ")[:16], r.status, f"{r.answered}/{r.total}", score, r.title)
    console.print(table)


@main.command()
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
        interview, _ = Interview.resume(conn, Context(grader=RuleGrader()), session_id)
        rep = interview.current_report()
    text = rep.model_dump_json(indent=2) if fmt == "json" else to_markdown(rep)
    if output:
        output.write_text(text + ("\n" if fmt == "json" else ""), encoding="utf-8")
        click.echo(f"Wrote {output}")
    else:
        click.echo(text)


@main.command("questions")
@click.option("--role")
@click.option("--topic")
@click.option("--difficulty")
def list_questions(role: str | None, topic: str | None, difficulty: str | None) -> None:
    """List the question bank."""
    from rich.table import Table

    from .knowledge import bank

    role = _norm_choice(role, ROLES, "role")
    topic = _norm_choice(topic, TOPICS, "topic")
    difficulty = _norm_choice(difficulty, DIFFICULTIES, "difficulty")
    table = Table("Id", "Topic", "Level", "Question")
    for q in bank().questions:
        if (role in (None, *q.roles)) and topic in (None, q.topic) and difficulty in (None, q.difficulty):
            table.add_row(q.id, q.topic, q.difficulty, q.text)
    _console().print(table)


@main.group("eval")
def eval_group() -> None:
    """Offline evals."""


@eval_group.command("grader")
@click.option(
    "--dataset", type=click.Path(path_type=Path), default=Path("evals/datasets/grader.jsonl"), show_default=True
)
@click.option(
    "--grader",
    "graders",
    multiple=True,
    default=("rules",),
    show_default=True,
    help="rules or llm; repeat to compare side by side.",
)
@click.option("--model", help="provider/model for --grader llm.")
@click.option("--split", help="Only rows whose 'split' field has this value (dev or test).")
@click.option("--suites/--no-suites", default=True, show_default=True, help="Run the robustness suites.")
@click.option("--thresholds", type=click.Path(path_type=Path), help="TOML gates; failing one exits 3.")
@click.option("--json", "json_out", type=click.Path(path_type=Path), help="Write every item and metric as JSON.")
@click.option("--report", "report_out", type=click.Path(path_type=Path), help="Write a Markdown report.")
@click.option("--workers", type=click.IntRange(1, 64), default=8, show_default=True, help="Concurrent model calls.")
@click.option(
    "--repeats",
    type=click.IntRange(1, 10),
    default=1,
    show_default=True,
    help="Grade N times with a model grader to measure stability.",
)
@click.pass_context
def eval_grader(
    ctx: click.Context,
    dataset: Path,
    graders: tuple[str, ...],
    model: str | None,
    split: str | None,
    suites: bool,
    thresholds: Path | None,
    json_out: Path | None,
    report_out: Path | None,
    workers: int,
    repeats: int,
) -> None:
    """Measure a grader against gold labels (QWK, agreement, CIs) and robustness suites."""
    from .errors import EvalThresholdError
    from .evaluation.command import EvalOptions, run

    opts = EvalOptions(
        dataset,
        list(dict.fromkeys(graders)),
        split,
        suites,
        thresholds,
        json_out,
        report_out,
        model,
        workers=workers,
        repeats=repeats,
        settings=_settings(ctx),
    )
    checks = run(opts, _console())
    failed = [c for c in checks if not c.passed]
    if failed:
        names = ", ".join(f"{c.grader}:{c.name}" for c in failed)
        raise EvalThresholdError(f"{len(failed)} threshold(s) failed: {names}", hint="See the Thresholds table.")


def build_grader(settings: Settings, retriever: Any = None) -> Any:
    """The rule grader, or a model grader (with the rules as its floor) when a model is configured."""
    from .rules import RuleGrader

    if not settings.grading_model:
        return RuleGrader()
    from .llm import Gateway, GatewayConfig
    from .llm_grader import LLMGrader

    key = settings.api_key.get_secret_value() if settings.api_key else None
    config = GatewayConfig(
        model=settings.grading_model,
        api_base=settings.api_base,
        api_key=key,
        timeout_s=settings.llm_timeout,
        fallbacks=settings.fallbacks,
    )
    return LLMGrader(Gateway(config), RuleGrader(), retriever)


def open_knowledge(settings: Settings) -> Any:
    """The configured knowledge index (local disk or Chroma server)."""
    from .retrieval import open_index

    key = settings.api_key.get_secret_value() if settings.api_key else None
    return open_index(settings.home, settings.embeddings, settings.chroma_host, settings.chroma_port, key)


@main.command("index")
@click.option(
    "--add",
    "add",
    multiple=True,
    type=click.Path(path_type=Path, exists=True),
    help="A folder (or .md file) of your own notes to index too; remembered for later refreshes.",
)
@click.pass_context
def index_cmd(ctx: click.Context, add: tuple[Path, ...]) -> None:
    """Build or refresh the knowledge index (only new or changed sections are embedded)."""
    from rich.progress import Progress

    settings = _settings(ctx)
    console = _console()
    with console.status("Opening the knowledge index…"):
        index = open_knowledge(settings)
    index.remember(list(add))
    with Progress(console=console, transient=True) as progress:
        task = progress.add_task("Embedding", total=None)

        def tick(done: int, total: int) -> None:
            progress.update(task, completed=done, total=total)

        stats = index.refresh(settings.extra_knowledge, tick)
    where = f"{settings.chroma_host}:{settings.chroma_port}" if settings.chroma_host else str(settings.home / "chroma")
    console.print(
        f"Index: {index.count()} sections ({stats.added} added, {stats.updated} updated, {stats.removed} removed, "
        f"{stats.unchanged} unchanged{'; rebuilt for a new embedding' if stats.rebuilt else ''}) at {where}, "
        f"embeddings: {index.embedding_name}"
    )


@eval_group.command("retrieval")
@click.option(
    "--dataset", type=click.Path(path_type=Path), default=Path("evals/datasets/retrieval.jsonl"), show_default=True
)
@click.option("--k", "k", type=click.IntRange(1, 10), default=3, show_default=True, help="Headline recall@k.")
@click.option("--split", help="Only rows whose 'split' field has this value.")
@click.option("--thresholds", type=click.Path(path_type=Path), help="TOML gates ([retrieval] table); failing exits 3.")
@click.option("--json", "json_out", type=click.Path(path_type=Path), help="Write metrics and per-query ranks.")
@click.pass_context
def eval_retrieval(
    ctx: click.Context, dataset: Path, k: int, split: str | None, thresholds: Path | None, json_out: Path | None
) -> None:
    """Recall@1/3/5 and MRR of dense, BM25 and hybrid retrieval on a query set."""
    import json

    from rich.table import Table

    from .errors import EvalThresholdError
    from .evaluation import retrieval_eval
    from .evaluation import thresholds as gates

    settings = _settings(ctx)
    console = _console()
    queries = retrieval_eval.load_queries(dataset, split)
    with console.status("Opening the knowledge index…"):
        index = open_knowledge(settings)
        index.refresh(settings.extra_knowledge)
        result = retrieval_eval.evaluate(index, queries)
    for name, modes in result["splits"].items():
        table = Table(title=f"Retrieval, split {name} (n={next(iter(modes.values()))['n']}; headline recall@{k})")
        for c in ("mode", "recall@1", "recall@3", "recall@5", "MRR"):
            table.add_column(c)
        for mode, s in modes.items():
            table.add_row(mode, *(f"{s[m]:.3f}" for m in ("recall@1", "recall@3", "recall@5", "mrr")))
        console.print(table)
    checks = gates.check("retrieval", retrieval_eval.measurements(result), gates.load(thresholds)) if thresholds else []
    if json_out:
        json_out.parent.mkdir(parents=True, exist_ok=True)
        json_out.write_text(json.dumps({"dataset": str(dataset), "k": k, **result}, indent=2) + "\n", encoding="utf-8")
        console.print(f"Wrote {json_out}")
    failed = [c for c in checks if not c.passed]
    if checks:
        from .evaluation.render import checks_table

        console.print(checks_table(checks))
    if failed:
        raise EvalThresholdError(f"{len(failed)} retrieval threshold(s) failed.", hint="See the Thresholds table.")
