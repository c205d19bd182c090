"""The end-of-interview report: built from state, rendered as Markdown or JSON."""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from .knowledge import unpack_question
from .schemas import DIMENSION_LABELS, TOPIC_LABELS, Exchange, Grade, QuestionResult, Report
from .text import printable

STRONG, WEAK = 4, 2


def _final_grade(turns: list[dict[str, Any]]) -> Grade | None:
    graded = [t for t in turns if t.get("grade")]
    return Grade.model_validate(graded[-1]["grade"]) if graded else None


def question_results(state: dict[str, Any]) -> list[QuestionResult]:
    """One result per question that was asked; a skipped question scores 1."""
    results = []
    for idx, qd in enumerate(state["questions"]):
        turns = [t for t in state.get("turns", []) if t["question_index"] == idx]
        if not turns:
            continue
        q = unpack_question(qd)
        g = _final_grade(turns)
        results.append(
            QuestionResult(
                index=idx,
                question_id=q.id,
                question=q.text,
                topic=q.topic,
                score=g.overall if g else 1,
                skipped=g is None,
                dimensions={d.dimension: d.score for d in g.dimensions} if g else {},
                evidence=[d.quoted() for d in g.dimensions if d.evidence and d.score >= STRONG] if g else [],
                evidence_by_dimension={d.dimension: d.quoted() for d in g.dimensions if d.evidence} if g else {},
                dimension_names={d.dimension: d.name for d in g.dimensions if d.name} if g else {},
                missing=g.missing if g else [],
                tip=g.tip if g else "Skipped: try it again with `interviewer practice --question`.",
                exchanges=[_exchange(t) for t in turns],
                low_confidence=bool(g and g.low_confidence),
            )
        )
    return results


def _exchange(turn: dict[str, Any]) -> Exchange:
    grade = turn.get("grade")
    return Exchange(
        kind=turn["kind"],
        prompt=turn["prompt"],
        answer=printable(turn.get("answer", "")),  # as typed, minus terminal escapes: a report is printed too
        skipped=bool(turn.get("skipped")),
        score=grade["overall"] if grade else None,
        flags=list(grade.get("flags", [])) if grade else [],
        notes=list(turn.get("notes", [])),
        at=turn.get("at", ""),
    )


def overall_score(state: dict[str, Any]) -> float | None:
    """The mean of each asked question's score (its last grade; 1 if skipped), without building a report."""
    scores: dict[int, int] = {}
    for t in state.get("turns", []):
        if t.get("grade"):
            scores[t["question_index"]] = t["grade"]["overall"]
        else:
            scores.setdefault(t["question_index"], 1)
    return round(sum(scores.values()) / len(scores), 2) if scores else None


def build_report(state: dict[str, Any], completed: bool) -> Report:
    """Summarise scores, strengths, gaps and the knowledge sections to study."""
    results = question_results(state)
    dim_scores: dict[str, list[int]] = defaultdict(list)
    for r in results:
        for dim, score in r.dimensions.items():
            dim_scores[dim].append(score)
    dims = {d: round(sum(v) / len(v), 2) for d, v in dim_scores.items()}
    names = _session_names(results, dims)
    grades = [g for t in state.get("turns", []) if (g := t.get("grade"))]
    low = min(dims.values(), default=5.0)
    # a strong session's weakest area too, unless every dimension ties at 4 or above (then none is weaker than the
    # rest); a flat session below that is weak everywhere (a review: all 3s had shown no gap at all)
    flat_strong = low == max(dims.values(), default=5.0) and low >= STRONG
    weak = {d for d, s in dims.items() if s <= WEAK + 0.5 or (s == low < 5 and not flat_strong)}
    ranked = sorted(dims.items(), key=lambda x: x[1])
    strengths = [f"{names[d]} ({s:.1f}/5)" for d, s in reversed(ranked) if s >= STRONG and d not in weak]
    gaps = [f"{names[d]} ({s:.1f}/5)" for d, s in ranked if d in weak]
    for r in results:
        if r.skipped:  # scored 1 in the overall: it must show up here too
            gaps.append(f"Q{r.index + 1} was skipped")
        elif r.score < 5:  # what a 4 still missed is what to practise next
            gaps.extend(f"{m} (Q{r.index + 1})" for m in r.missing[: 2 if r.score <= WEAK + 1 else 1])
    study: list[str] = []
    for r in sorted(results, key=lambda r: r.score):
        if r.score < 5:  # a weak answer's sections, and the first one of an answer that missed a little
            paths = unpack_question(state["questions"][r.index]).knowledge
            for path in paths if r.score <= WEAK + 1 else paths[:1]:
                if path not in study:
                    study.append(path)
    overall = overall_score(state) or 0.0
    degraded = [_degraded_line(t) for t in state.get("turns", []) if t.get("grade") and t["grade"].get("degraded")]
    used = [Grade.model_validate(g) for g in grades if g.get("model_calls")]
    usage = (
        f"{sum(g.model_calls for g in used)} model calls, {sum(g.model_tokens for g in used):,} tokens, "
        f"about ${sum(g.model_cost_usd for g in used):.4f} (litellm's local price map)"
        if used
        else ""
    )
    return Report(
        session_id=state.get("session_id", ""),
        status="completed" if completed else "in_progress",
        overall=overall,
        questions=results,
        dimensions=dims,
        strengths=strengths,
        gaps=gaps,
        study=study,
        grader=grades[-1]["grader"] if grades else "rules",
        rubric_version=grades[-1]["rubric_version"] if grades else "",
        degraded_turns=degraded,
        model_usage=usage,
        dimension_names=names,
    )


def _session_names(results: list[QuestionResult], dims: dict[str, float]) -> dict[str, str]:
    """Each dimension named as its questions showed it when they agree ("Risks & mitigations" on a responsible-AI
    session); topics that name it differently share the general label (an exploratory test saw the summary name
    dimensions no question had shown)."""
    shown: dict[str, set[str]] = defaultdict(set)
    for r in results:
        for d, name in r.dimension_names.items():
            shown[d].add(name)
    return {d: next(iter(shown[d])) if len(shown[d]) == 1 else _label(d) for d in dims}


def _degraded_line(turn: dict[str, Any]) -> str:
    where = f"Q{turn['question_index'] + 1}{' follow-up' if turn['kind'] == 'probe' else ''}"
    return f"{where}: {turn['grade'].get('degraded_reason') or 'model unavailable'}"


def _label(dim: str) -> str:
    return DIMENSION_LABELS.get(dim, dim)


def _when(iso: str) -> str:
    """ "2026-11-27T12:23:40+00:00" as "2026-11-27 12:23 UTC"."""
    return f"{iso[:16].replace('T', ' ')} UTC"


def _md(text: str) -> str:
    """Escape what Markdown would reinterpret: a leading '4.' becomes a list, '|' breaks tables."""
    return re.sub(r"^(\d+)\.", r"\1\\.", text).replace("|", "\\|")


def to_markdown(report: Report, transcript: bool = True) -> str:
    """Render a report as Markdown; `transcript` adds each question with what was written and its feedback (the
    end-of-interview summary leaves it out: the candidate has just read all of it)."""
    # the title may be the candidate's own question: none of its characters may turn into Markdown
    title = re.sub(r"([\\`*_\[\]#|<>~&])", r"\\\1", report.title)
    header = title + (f" · started {_when(report.started)}" if report.started else "")
    head = [f"# Mock interview report — session {report.session_id}", "", *([header, ""] if report.title else [])]
    if not report.questions:  # nothing answered yet: no score, no table of nothing
        return "\n".join([*head, "No answer yet: resume the session to answer its first question.", ""])
    lines = [
        *head,
        f"**Overall:** {report.overall:.2f}/5 over {len(report.questions)} question(s) "
        f"({report.status}; grader: {report.grader}, rubric {report.rubric_version})",
        "",
        *([report.narrative, ""] if report.narrative else []),
        "| # | Topic | Question | Score |",
        "|---|---|---|---|",
    ]
    for r in report.questions:
        score = "skipped (1)" if r.skipped else f"{r.score}/5" + (" (low confidence)" if r.low_confidence else "")
        lines.append(f"| {r.index + 1} | {TOPIC_LABELS[r.topic]} | {_md(r.question)} | {score} |")
    if report.dimensions:
        lines += ["", "## Dimensions", ""]
        lines += [f"- {report.dimension_names.get(d) or _label(d)}: {s:.1f}/5" for d, s in report.dimensions.items()]
    sections = (
        ("Strengths", report.strengths, "(no dimension at 4/5 or above yet)"),
        ("Gaps", report.gaps, "(none found)"),
        ("Study next", report.study, "(nothing: every answer scored 5)"),
    )
    for title, items, empty in sections:
        lines += ["", f"## {title}", ""]
        lines += [f"- {_md(i)}" for i in items] or [f"- {empty}"]
    if transcript and any(r.exchanges for r in report.questions):
        lines += ["", "## Question by question", ""]
        for r in report.questions:
            lines += _question_section(r)
    if report.degraded_turns:
        lines += ["", "## Graded by the rules instead of the model", ""]
        lines += [f"- {_md(i)}" for i in report.degraded_turns]
    if report.model_usage:
        lines += ["", f"Model usage: {report.model_usage}"]
    return "\n".join(lines) + "\n"


ANSWER_CHARS = 6000  # a long paste is cut here in Markdown; the JSON report keeps all of it


def _quoted(text: str) -> list[str]:
    """An answer as a Markdown blockquote, cut at ANSWER_CHARS."""
    cut = len(text) - ANSWER_CHARS
    body = text if cut <= 0 else f"{text[:ANSWER_CHARS]}… ({cut:,} more characters in the JSON report)"
    return [f"> {line}" if line.strip() else ">" for line in body.strip().splitlines()] or ["> (empty)"]


def _question_section(r: QuestionResult) -> list[str]:
    """What was asked, what you wrote and what the grader said about it, for review the next day."""
    score = "skipped (1)" if r.skipped else f"{r.score}/5"
    if r.low_confidence:
        score += " (low confidence: the model and the rules disagree by 2 or more)"
    lines = [f"### Q{r.index + 1} · {TOPIC_LABELS[r.topic]} · {score}", ""]
    for e in r.exchanges:
        asked = "Question" if e.kind == "main" else "Follow-up"
        scored = f" ({e.score}/5)" if e.score is not None else ""
        if "reply_off_topic" in e.flags:  # the score shown is the question's, unchanged by this reply
            scored = " (not counted: about something else)"
        when = f" · sent {_when(e.at)}" if e.at else ""
        lines += [f"**{asked}:** {_md(e.prompt)}", "", f"**Your answer{scored}{when}:**", ""]
        if e.skipped and (not e.answer.strip() or e.answer.strip().startswith("/")):
            lines.append("> (skipped)")
        else:
            lines += _quoted(e.answer) + (["", "_(moved on without a grade)_"] if e.skipped else [])
        lines += ["", *(f"- _Note: {_md(n)}_" for n in e.notes)] if e.notes else []
        if e.flags:
            lines += ["", "- **Flags:** " + ", ".join(f.replace("_", " ") for f in e.flags)]
        lines.append("")

    def name(d: str) -> str:  # the question's own names, as on screen; the summary's are shared across questions
        return _md(r.dimension_names.get(d) or _label(d))

    if r.dimensions:
        lines.append("- **Scores:** " + ", ".join(f"{name(d)} {s}/5" for d, s in r.dimensions.items()))
    lines += [f"- **What worked:** “{_md(q)}”" for q in r.evidence[:2]]
    lines += [
        f"- **Quoted for {name(d)} ({r.dimensions[d]}/5):** “{_md(q)}”"
        for d, q in r.evidence_by_dimension.items()
        if r.dimensions.get(d, STRONG) < STRONG
    ]
    if r.missing:
        lines.append("- **Missing:** " + "; ".join(_md(m) for m in r.missing))
    lines += [f"- **Tip:** {_md(r.tip)}", ""]
    return lines
