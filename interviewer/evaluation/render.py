"""Eval results as terminal tables and as an RSMTool-style Markdown report."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table

from .thresholds import Check

HEADLINE = ("n", "qwk", "exact", "adjacent", "pearson", "spearman", "mae", "smd", "mean_gold", "mean_pred")


def _fmt(v: Any) -> str:
    if isinstance(v, float):
        return f"{v:.3f}" if v == v else "n/a"
    return str(v)


def _ci(stats: dict[str, Any], key: str) -> str:
    ci = stats.get(f"{key}_ci")
    return f"{_fmt(stats[key])} [{_fmt(ci[0])}, {_fmt(ci[1])}]" if ci else _fmt(stats.get(key, ""))


def overall_table(results: dict[str, dict[str, Any]]) -> Table:
    """Graders side by side: headline metrics with bootstrap 95% CIs."""
    t = Table(title="Agreement with gold (overall score, 95% bootstrap CI)")
    t.add_column("metric")
    for g in results:
        t.add_column(g)
    for key in HEADLINE:
        t.add_row(key, *(_ci(r["agreement"]["overall"], key) for r in results.values()))
    return t


def breakdown_table(title: str, rows: dict[str, dict[str, Any]]) -> Table:
    """Per-topic or per-dimension metrics for one grader."""
    t = Table(title=title)
    for c in ("", "n", "qwk", "exact", "adjacent", "mae", "smd"):
        t.add_column(c)
    for name, s in rows.items():
        t.add_row(name, *(_fmt(s.get(k, "")) for k in ("n", "qwk", "exact", "adjacent", "mae", "smd")))
    return t


def suites_table(suites: dict[str, dict[str, Any]]) -> Table:
    """Robustness suites and how each fared."""
    t = Table(title="Robustness suites")
    for c in ("suite", "expectation", "n", "pass rate", "mean Δ / inflation"):
        t.add_column(c)
    for name, s in suites.items():
        extra = _fmt(s.get("mean_delta", s.get("inflation", "")))
        t.add_row(name, s["description"], str(s["n"]), _fmt(s["pass_rate"]), extra)
    return t


def checks_table(checks: list[Check]) -> Table:
    """Threshold gates."""
    t = Table(title="Thresholds")
    for c in ("grader", "measurement", "bound", "value", ""):
        t.add_column(c)
    for check in checks:
        mark = "[green]pass[/]" if check.passed else "[red]FAIL[/]"
        t.add_row(check.grader, check.name, f"{check.bound} {check.limit:g}", _fmt(check.value), mark)
    return t


def print_all(console: Console, results: dict[str, dict[str, Any]], checks: list[Check]) -> None:
    """Everything, in reading order."""
    console.print(overall_table(results))
    for g, r in results.items():
        console.print(breakdown_table(f"{g}: by topic", r["agreement"]["by_topic"]))
        console.print(breakdown_table(f"{g}: by dimension", r["agreement"]["by_dimension"]))
        if r.get("suites"):
            console.print(suites_table(r["suites"]))
    if checks:
        console.print(checks_table(checks))


def _md_table(header: list[str], rows: list[list[Any]]) -> list[str]:
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    out += ["| " + " | ".join(_fmt(v) for v in row) + " |" for row in rows]
    return out


_BREAKDOWN = ("n", "qwk", "exact", "adjacent", "mae", "smd")


def _grader_section(g: str, r: dict[str, Any]) -> list[str]:
    a = r["agreement"]
    lines = ["", f"## {g}: confusion matrix (rows gold 1-5, columns predicted 1-5)", ""]
    lines += _md_table(
        ["gold \\ pred", "1", "2", "3", "4", "5"], [[i + 1, *row] for i, row in enumerate(a["confusion"])]
    )
    for title, key in (("by topic", "by_topic"), ("by dimension", "by_dimension")):
        lines += ["", f"## {g}: {title}", ""]
        lines += _md_table(["", *_BREAKDOWN], [[n, *(s.get(k, "") for k in _BREAKDOWN)] for n, s in a[key].items()])
    tag_keys = ("n", "mean_gold", "mean_pred", "exact", "share_le2", "share_eq1")
    lines += ["", f"## {g}: by tag", ""]
    lines += _md_table(["tag", *tag_keys], [[t, *(s[k] for k in tag_keys)] for t, s in a["by_tag"].items()])
    if r.get("suites"):
        lines += ["", f"## {g}: robustness suites", ""]
        lines += _md_table(
            ["suite", "expectation", "n", "pass rate", "mean Δ / inflation"],
            [
                [n, s["description"], s["n"], s["pass_rate"], s.get("mean_delta", s.get("inflation", ""))]
                for n, s in r["suites"].items()
            ],
        )
    return lines


def markdown(meta: dict[str, Any], results: dict[str, dict[str, Any]], checks: list[Check]) -> str:
    """A Markdown report in RSMTool's order: data, agreement, confusion, subgroups, robustness, gates."""
    lines = [f"# Grader eval: {meta['dataset']}", ""]
    lines += [f"- {k}: {v}" for k, v in meta.items()]
    lines += ["", "## Agreement with gold (overall score, 95% bootstrap CI)", ""]
    lines += _md_table(
        ["metric", *results], [[k, *(_ci(r["agreement"]["overall"], k) for r in results.values())] for k in HEADLINE]
    )
    for g, r in results.items():
        lines += _grader_section(g, r)
    if checks:
        lines += ["", "## Thresholds", ""]
        lines += _md_table(
            ["grader", "measurement", "bound", "value", "result"],
            [[c.grader, c.name, f"{c.bound} {c.limit:g}", c.value, "pass" if c.passed else "FAIL"] for c in checks],
        )
    return "\n".join(lines) + "\n"
