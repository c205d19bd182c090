"""Wiring only: the interview state machine."""

from __future__ import annotations

from typing import Any

from langgraph.graph import END, START, StateGraph

from . import nodes, routing
from .state import Context, InterviewState


def build_graph(checkpointer: Any) -> Any:
    """Compile ask → grade (which pauses for the answer) → (probe → grade) → ask → … → report.

    `await_answer` and `advance` are no longer routed to; they stay so that sessions saved by earlier versions
    with one of them next (every paused session was paused in `await_answer`) still resume.
    """
    g = StateGraph(InterviewState, context_schema=Context)
    g.add_node("ask", nodes.ask)
    g.add_node("await_answer", nodes.await_answer)
    g.add_node("grade", nodes.grade)
    g.add_node("probe", nodes.probe)
    g.add_node("advance", nodes.advance)
    g.add_node("report", nodes.report)
    g.add_edge(START, "ask")
    g.add_edge("ask", "grade")
    g.add_edge("await_answer", "grade")
    g.add_conditional_edges("grade", routing.after_grade)
    g.add_edge("probe", "grade")
    g.add_conditional_edges("advance", routing.after_advance)
    g.add_edge("report", END)
    return g.compile(checkpointer=checkpointer)
