"""`interviewer eval grader`: grade a dataset with one or more graders, measure, gate, write outputs."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import Progress, TaskID

from ..config import Settings
from ..errors import ConfigError
from ..grading import Grader
from ..knowledge import rubrics
from ..llm import Gateway
from ..llm_cache import CachedLLM
from ..llm_grader import LLMGrader
from . import render, thresholds
from .dataset import Row, load_rows
from .memo import RowMemo
from .runner import Prediction, agreement, grade_rows, measurements, run_suite, stability
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
    workers: int = 8
    repeats: int = 1
    settings: Settings | None = None
    caches: list[CachedLLM] = field(default_factory=list)
    memos: list[RowMemo] = field(default_factory=list)


def make_grader(name: str, opts: EvalOptions, repeat: int = 0) -> tuple[Grader, RowMemo | None]:
    """Build a grader under test by name; model graders sit behind the disk caches (calls and rows)."""
    from ..rules import RuleGrader

    if name == "rules":
        return RuleGrader(), None  # always graded afresh: it is the CI gate, and fast
    if name != "llm":
        raise ConfigError(f"Unknown grader {name!r}.", hint="Use --grader rules or --grader llm.")
    settings = opts.settings or Settings()
    model = opts.model or settings.grading_model
    if not model:
        raise ConfigError(
            "--grader llm needs a model.", hint="Pass --model provider/model or set INTERVIEWER_GRADER_MODEL."
        )
    gateway = Gateway.from_settings(settings, model)
    # The server and the fallback models decide what answers: a change to either is a different grader.
    who = f"{settings.api_base or ''}|{','.join(settings.fallbacks)}"
    salt = f"{rubrics().version}/repeat-{repeat}/{who}"
    cache = CachedLLM(gateway, settings.home / "cache" / "llm", salt=salt)
    opts.caches.append(cache)
    memo = RowMemo(settings.home / "cache" / "rows", f"{model}/{salt}")
    opts.memos.append(memo)
    return LLMGrader(cache, RuleGrader()), memo


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

            workers = opts.workers if name == "llm" else 1
            grader, memo = make_grader(name, opts)
            results[name], all_preds[name] = _evaluate(grader, rows, suites, tick, workers, memo)
            if name == "llm" and opts.repeats > 1:
                runs = [all_preds[name]]
                for r in range(1, opts.repeats):
                    again, again_memo = make_grader(name, opts, r)
                    runs.append(grade_rows(again, rows, workers=workers, memo=again_memo))
                results[name]["stability"] = stability(runs)
                results[name]["measurements"]["overall.stability"] = results[name]["stability"]
            checks += thresholds.check(name, results[name]["measurements"], spec)
    meta = {
        "dataset": str(opts.dataset),
        "split": opts.split or "all",
        "rows": len(rows),
        "graders": ", ".join(opts.graders),
        "rubric_version": rubrics().version,
    }
    if opts.caches:
        hits, calls = sum(c.hits for c in opts.caches), sum(c.misses for c in opts.caches)
        meta["llm_cache"] = f"{hits} hits, {calls} model calls ({opts.caches[0].folder})"
    if opts.memos:
        meta["row_cache"] = f"{sum(m.hits for m in opts.memos)} graded rows reused ({opts.memos[0].folder})"
    render.print_all(console, results, checks)
    if opts.json_out:
        _write(opts.json_out, json.dumps(_json(meta, results, all_preds, checks), indent=2) + "\n")
        console.print(f"Wrote {opts.json_out}")
    if opts.report_out:
        _write(opts.report_out, render.markdown(meta, results, checks))
        console.print(f"Wrote {opts.report_out}")
    return checks


def _evaluate(
    grader: Grader,
    rows: list[Row],
    suites: list[Suite],
    tick: Callable[[], None],
    workers: int = 1,
    memo: RowMemo | None = None,
) -> tuple[dict[str, Any], list[Prediction]]:
    preds = grade_rows(grader, rows, tick=tick, workers=workers, memo=memo)
    base = {p.row.id: p.grade for p in preds}
    suite_results = {s.name: run_suite(grader, s, base, tick, memo) for s in suites}
    agree = agreement(preds)
    flat = measurements(agree, suite_results)
    # A model grader that fell back to rules is not being measured: say how often that happened.
    flat["overall.degraded_share"] = round(sum(p.grade.degraded for p in preds) / len(preds), 4)
    flat["overall.low_confidence_share"] = round(sum(p.grade.low_confidence for p in preds) / len(preds), 4)
    return {"agreement": agree, "suites": suite_results, "measurements": flat}, preds


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
