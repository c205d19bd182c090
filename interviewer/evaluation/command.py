"""`interviewer eval grader`: grade a dataset with one or more graders, measure, gate, write outputs."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import Progress, TaskID

from ..errors import ConfigError
from ..grading import Grader
from ..knowledge import rubrics
from . import render, thresholds
from .dataset import Row, load_rows
from .runner import Prediction, agreement, grade_rows, measurements, run_suite
from .suites import Suite, build_suites


@dataclass
class EvalOptions:
    """What to run."""

    dataset: Path
    graders: list[str]
    split: str | None = None
    suites: bool = True
    thresholds: Path | None = None
    json_out: Path | None = None
    report_out: Path | None = None
    model: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def make_grader(name: str, opts: EvalOptions) -> Grader:
    """Build a grader under test by name."""
    if name == "rules":
        from ..rules import RuleGrader

        return RuleGrader()
    raise ConfigError(
        f"Grader {name!r} is not available yet.",
        hint="Use --grader rules; the LLM grader arrives with the LLM gateway.",
    )


def run(opts: EvalOptions, console: Console) -> list[thresholds.Check]:
    """Run the eval; returns the threshold checks (the CLI turns failures into an exit code)."""
    rows = load_rows(opts.dataset, opts.split)
    spec = thresholds.load(opts.thresholds) if opts.thresholds else {}
    results: dict[str, dict[str, Any]] = {}
    all_preds: dict[str, list[Prediction]] = {}
    checks: list[thresholds.Check] = []
    suites = build_suites(rows) if opts.suites else []
    with Progress(console=console, transient=True) as progress:
        for name in opts.graders:
            task = progress.add_task(f"{name}: grading", total=len(rows) + sum(len(s.variants) for s in suites))

            def tick(task: TaskID = task) -> None:
                progress.advance(task)

            results[name], all_preds[name] = _evaluate(make_grader(name, opts), rows, suites, tick)
            checks += thresholds.check(name, results[name]["measurements"], spec)
    meta = {
        "dataset": str(opts.dataset),
        "split": opts.split or "all",
        "rows": len(rows),
        "graders": ", ".join(opts.graders),
        "rubric_version": rubrics().version,
    }
    render.print_all(console, results, checks)
    if opts.json_out:
        _write(opts.json_out, json.dumps(_json(meta, results, all_preds, checks), indent=2) + "\n")
        console.print(f"Wrote {opts.json_out}")
    if opts.report_out:
        _write(opts.report_out, render.markdown(meta, results, checks))
        console.print(f"Wrote {opts.report_out}")
    return checks


def _evaluate(
    grader: Grader, rows: list[Row], suites: list[Suite], tick: Callable[[], None]
) -> tuple[dict[str, Any], list[Prediction]]:
    preds = grade_rows(grader, rows, tick=tick)
    base = {p.row.id: p.grade for p in preds}
    suite_results = {s.name: run_suite(grader, s, base, tick) for s in suites}
    agree = agreement(preds)
    return {"agreement": agree, "suites": suite_results, "measurements": measurements(agree, suite_results)}, preds


def _json(
    meta: dict[str, Any], results: dict[str, Any], preds: dict[str, list[Prediction]], checks: list[thresholds.Check]
) -> dict[str, Any]:
    first = next(iter(preds))
    items: dict[str, Any] = {}
    for p in preds[first]:
        items[p.row.id] = {
            "predicted": p.grade.overall,
            "gold": p.row.gold.overall if p.row.gold else None,
            "topic": p.row.topic,
            "tags": p.row.tags,
            "by_grader": {},
        }
    for name, ps in preds.items():
        for p in ps:
            items[p.row.id]["by_grader"][name] = {
                "overall": p.grade.overall,
                "raw": p.grade.raw,
                "dimensions": {d.dimension: d.score for d in p.grade.dimensions},
                "flags": p.grade.flags,
            }
    return {
        **meta,
        "items": items,
        "graders": results,
        "thresholds": [{**c.__dict__, "passed": c.passed} for c in checks],
    }


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
