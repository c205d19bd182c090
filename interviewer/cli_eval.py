"""CLI commands for the knowledge index and the offline evals (registered by `interviewer.cli`)."""

from __future__ import annotations

from pathlib import Path

import click

from .cli_support import console as _console
from .cli_support import open_knowledge
from .cli_support import settings_from as _settings


@click.group("eval")
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


@click.command("index")
@click.option(
    "--add",
    "add",
    multiple=True,
    type=click.Path(path_type=Path, exists=True),
    help="A folder (or .md file) of your own notes to index too; remembered for later refreshes.",
)
@click.option(
    "--forget",
    "forget",
    multiple=True,
    type=click.Path(path_type=Path),
    help="Stop indexing a folder added earlier (its sections are removed).",
)
@click.pass_context
def index_cmd(ctx: click.Context, add: tuple[Path, ...], forget: tuple[Path, ...]) -> None:
    """Build or refresh the knowledge index (only new or changed sections are embedded)."""
    from rich.progress import Progress

    settings = _settings(ctx)
    console = _console()
    with console.status("Opening the knowledge index…"):
        index = open_knowledge(settings)
    for path in index.forget(list(forget)):
        console.print(f"[yellow]{path} was not indexed[/] (nothing to forget).")
    with Progress(console=console, transient=True) as progress:
        task = progress.add_task("Embedding", total=None)

        def tick(done: int, total: int) -> None:
            progress.update(task, completed=done, total=total)

        stats = index.refresh([*settings.extra_knowledge, *add], tick)
    index.remember(list(add))  # only once they indexed: a bad path must not break every later refresh
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


def _gate(kind: str, flat: dict[str, float], thresholds: Path | None) -> None:
    from .errors import EvalThresholdError
    from .evaluation import thresholds as gates
    from .evaluation.render import checks_table

    if thresholds is None:
        return
    checks = gates.check(kind, flat, gates.load(thresholds))
    _console().print(checks_table(checks))
    failed = [c for c in checks if not c.passed]
    if failed:
        raise EvalThresholdError(f"{len(failed)} {kind} threshold(s) failed.", hint="See the Thresholds table.")


def _dump(path: Path | None, data: dict[str, object]) -> None:
    import json

    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
        _console().print(f"Wrote {path}")


@eval_group.command("pii")
@click.option("--dataset", type=click.Path(path_type=Path), default=Path("evals/datasets/pii.jsonl"), show_default=True)
@click.option("--thresholds", type=click.Path(path_type=Path), help="TOML gates ([pii] table); failing exits 3.")
@click.option("--json", "json_out", type=click.Path(path_type=Path))
def eval_pii(dataset: Path, thresholds: Path | None, json_out: Path | None) -> None:
    """Recall per type, precision and false detections of the PII masker on a labelled set."""
    from rich.table import Table

    from .evaluation.guardrails_eval import PII_TYPES, pii_eval

    result = pii_eval(dataset)
    table = Table("split", "rows", *PII_TYPES, "precision", "PII-free rows flagged", title="PII masking (recall)")
    for split, r in result.items():
        recall = [f"{r['recall'][t]:.3f} ({r['support'][t]})" if t in r["recall"] else "—" for t in PII_TYPES]
        table.add_row(split, str(r["rows"]), *recall, f"{r['precision']:.3f}", f"{r['negative_rows_flagged']:.3f}")
    _console().print(table)
    _dump(json_out, result)
    flat = {f"{s}.recall.{t}": v for s, r in result.items() for t, v in r["recall"].items()}
    flat |= {f"{s}.negative_rows_flagged": r["negative_rows_flagged"] for s, r in result.items()}
    _gate("pii", flat, thresholds)


@eval_group.command("injection")
@click.option(
    "--dataset", type=click.Path(path_type=Path), default=Path("evals/datasets/injection.jsonl"), show_default=True
)
@click.option(
    "--answers",
    "answers",
    type=click.Path(path_type=Path),
    default=Path("evals/datasets/grader.jsonl"),
    show_default=True,
    help="Gold rows whose answers the attacks are applied to.",
)
@click.option("--split", help="Only rows whose split field has this value; the 18 built-in templates always run.")
@click.option("--thresholds", type=click.Path(path_type=Path), help="TOML gates ([injection] table).")
@click.option("--json", "json_out", type=click.Path(path_type=Path))
def eval_injection(
    dataset: Path, answers: Path, split: str | None, thresholds: Path | None, json_out: Path | None
) -> None:
    """Flag rate on attacks, false flags on answers that discuss injection, and score inflation (rules)."""
    from rich.table import Table

    from .errors import DataError
    from .evaluation.dataset import load_rows
    from .evaluation.guardrails_eval import injection_eval
    from .rules import RuleGrader

    try:
        base = load_rows(answers, "dev")
    except DataError as exc:
        raise DataError(str(exc), hint="Check --answers (gold rows with a dev split).") from exc
    result = injection_eval(dataset, base, RuleGrader(), split=split)
    table = Table("measure", "value", title="Prompt-injection guard (rule-based grader)")
    for key in (
        "attack_templates",
        "base_answers",
        "pairs",
        "flag_rate",
        "own_flag_rate",
        "inflation_rate",
        "benign",
        "false_flag_rate",
    ):
        table.add_row(key, str(result[key]))
    _console().print(table)
    _dump(json_out, result)
    _gate("injection", {k: float(v) for k, v in result.items() if isinstance(v, float)}, thresholds)
