"""How the transcript looks in the terminal (rich). Only the CLI calls these."""

from __future__ import annotations

import re

from rich.console import Console
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table

from .knowledge import sections
from .report import to_markdown
from .schemas import Passage, Report, Turn
from .state import Pending
from .terminal import COMMANDS
from .text import clean, printable


def prompt_header(console: Console, pending: Pending) -> None:
    """The label before a streamed prompt."""
    n, total = pending["question_index"] + 1, pending["total"]
    label = f"Question {n}/{total}" if pending["kind"] == "main" else "Follow-up"
    console.rule(label, align="left") if pending["kind"] == "main" else console.print(
        f"[bold cyan]{label}:[/] ", end=""
    )


def prompt_block(console: Console, pending: Pending, question: str | None = None) -> None:
    """Show a question or follow-up; a follow-up shown again (on resume, or /repeat) comes with its question."""
    n, total = pending["question_index"] + 1, pending["total"]
    if pending["kind"] == "main":
        console.print(Panel(escape(clean(pending["text"])), title=f"Question {n}/{total}", title_align="left"))
        return
    if question is not None:
        console.print(Panel(escape(clean(question)), title=f"Question {n}/{total}", title_align="left", style="dim"))
    console.print(f"[bold cyan]Follow-up:[/] {escape(clean(pending['text']))}")


def answer_echo(console: Console, text: str) -> None:
    """Echo a scripted answer so the transcript reads like an interactive run."""
    text = printable(text)  # a scripted answer must not drive the terminal with escape codes
    shown = text if len(text) <= 600 else text[:600] + f" … [{len(text):,} characters]"
    console.print(f"[dim]You:[/] {escape(shown)}")


def feedback(console: Console, turn: Turn) -> None:
    """Rubric feedback right after an answer."""
    for note in turn.notes:
        console.print(f"[yellow]Note:[/] {escape(note)}")
    if turn.skipped:  # a skipped follow-up costs nothing; a skipped question counts as 1/5
        if turn.kind == "probe":
            console.print("[dim]Skipped the follow-up: your score stands. Moving on.[/]\n")
        else:
            console.print("[dim]Skipped: it counts as 1/5 in the overall score, not in the dimensions. Moving on.[/]\n")
        return
    grade = turn.grade
    assert grade is not None
    label = "Updated score after the follow-up" if turn.kind == "probe" else "Score"
    notes = " [yellow](degraded: rule-based)[/]" if grade.degraded else ""
    if grade.low_confidence:
        notes += " [yellow](low confidence: the model and the rules disagree by 2 or more)[/]"
    console.print(f"\n[bold]{label}: {grade.overall}/5[/]{notes}")
    table = Table(show_header=True, header_style="bold", box=None, padding=(0, 1))
    table.add_column("Dimension")
    table.add_column("Score", justify="right")
    table.add_column("Evidence from your answer")
    for d in grade.dimensions:
        quote = f"“{escape(d.quoted())}”" if d.evidence else "[dim]—[/]"
        table.add_row(d.name, f"{d.score}/5", quote)
    console.print(table)
    if grade.flags:
        console.print(f"[yellow]Flags:[/] {', '.join(f.replace('_', ' ') for f in grade.flags)}")
    if grade.missing:
        console.print("[bold]Missing:[/] " + escape("; ".join(grade.missing[:4])))
    console.print(f"[bold green]Tip:[/] {escape(grade.tip)}")
    if grade.citations:
        console.print("[dim]See: " + escape(" | ".join(grade.citations)) + "[/]")
    console.print()


def hint(console: Console, paths: list[str], notes: list[Passage], limit: int = 3) -> None:
    """Show the sections the bank links the question to, then the best retrieved passage of your own notes."""
    from rich.markdown import Markdown

    by_path = {s.path: s.text for s in sections()}
    own = [(p, _literal_gt(by_path.get(p, "(section not found)"))) for p in paths]
    items = own[: limit - 1] + [(n.heading, n.text) for n in notes[:1]] if notes else own[:limit]
    for title, body in items:
        console.print(Panel(Markdown(body), title=escape(title), title_align="left", border_style="dim"))


def _literal_gt(body: str) -> str:
    """ ">50M tokens/month" is a comparison in the knowledge file, not a Markdown blockquote."""
    return re.sub(r"^(\s*(?:[-*+]\s+|\d+\.\s+)?)>", r"\1\\>", body, flags=re.MULTILINE)


def help_text(console: Console, interactive: bool) -> None:
    """List the slash commands and how to submit."""
    for cmd, what in COMMANDS.items():
        console.print(f"  [bold]{cmd}[/]  {what}")
    if interactive:
        console.print(
            "  Submit: Esc then Enter (or Alt+Enter), or Enter on a second blank line (one blank line is a paragraph"
            " break). Ctrl-C: save and quit."
        )


def intro(console: Console, title: str, session_id: str, interactive: bool, grader: str = "rule-based") -> None:
    """Session banner."""
    console.print(f"[bold]interviewer[/] — {escape(title)}  [dim](session {session_id}; grader: {escape(grader)})[/]")
    if interactive:
        help_text(console, interactive)
    console.print()


def report(console: Console, rep: Report, command: str = "interviewer") -> None:
    """The end-of-interview summary."""
    from rich.markdown import Markdown

    console.rule("Summary")
    console.print(Markdown(to_markdown(rep, transcript=False)))
    console.print(f"[dim]Every answer with its feedback: {escape(command)} report {rep.session_id}[/]", soft_wrap=True)


def other_language(console: Console, language: str, interactive: bool) -> None:
    """Why an answer in another language is not graded as it is: the rule grader reads English only."""
    console.print(
        f"[yellow]This answer looks like {language}.[/] The offline grader reads English only and would score it 1."
    )
    if interactive:
        console.print(
            "Your text is back in the box: answer in English, or send it unchanged to have it graded anyway. "
            'A model grades other languages (README, "Use your own model").'
        )
    else:
        console.print("Graded as it is.")
