"""Drives the interview graph for one session: start, answer, resume. No terminal I/O here."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal, cast

from langgraph.types import Command, Durability

from . import store
from .errors import SessionError
from .graph import build_graph
from .knowledge import pack_question, unpack_question
from .logs import without_secrets
from .pii import mask
from .report import build_report, overall_score
from .schemas import Question, Report, Turn
from .state import Context, Pending, Reply

Listener = Callable[[str, Any], None]


@dataclass
class Step:
    """What happened since the last step: graded turns, the next prompt, or the final report."""

    new_turns: list[Turn] = field(default_factory=list)
    pending: Pending | None = None
    report: Report | None = None


class Interview:
    """One session's state machine, checkpointed in SQLite after every step."""

    def __init__(
        self, conn: sqlite3.Connection, context: Context, session_id: str, listener: Listener | None = None
    ) -> None:
        self.conn = conn
        self.context = context
        self.session_id = session_id
        self.listener = listener  # sees node updates and streamed tokens as they happen
        self._initial: dict[str, Any] = {}
        self.saver = store.checkpointer(conn)
        self.graph = build_graph(self.saver)
        self._config: Any = {"configurable": {"thread_id": session_id}}
        self._seen = 0
        self._saved: dict[str, Any] | None = None  # the state a reopened session was loaded with
        self._sent: Reply | None = None
        self.unfinished: Literal["step", "answer"] | None = None  # what proceed() finishes on a reopened session

    @classmethod
    def create(
        cls,
        conn: sqlite3.Connection,
        context: Context,
        questions: list[Question],
        title: str,
        listener: Listener | None = None,
    ) -> Interview:
        """Record a new session; `begin()` then runs it up to the first question."""
        session_id = store.new_session_id()
        store.create_session(conn, session_id, title, len(questions))
        interview = cls(conn, context, session_id, listener)
        interview._initial = {
            "session_id": session_id,
            "questions": [pack_question(q) for q in questions],
            "index": 0,
            "turns": [],
            "pending": None,
            "reply": None,
            "report": None,
        }
        return interview

    def question_texts(self) -> list[str]:
        """The session's questions, as the bank words them."""
        questions = (self._initial or self.state()).get("questions", [])
        return [unpack_question(q).text for q in questions]

    def begin(self) -> Step:
        """Run a new session up to its first question."""
        return self._run(self._initial, durability="sync")

    @classmethod
    def start(
        cls,
        conn: sqlite3.Connection,
        context: Context,
        questions: list[Question],
        title: str,
        listener: Listener | None = None,
    ) -> tuple[Interview, Step]:
        """Create a session and run it up to the first question."""
        interview = cls.create(conn, context, questions, title, listener)
        return interview, interview.begin()

    @classmethod
    def resume(
        cls,
        conn: sqlite3.Connection,
        context: Context,
        session_id: str,
        listener: Listener | None = None,
        finish: bool = True,
    ) -> tuple[Interview, Step]:
        """Reopen a session where it stopped; a step interrupted by a crash is finished first (unless not `finish`)."""
        interview = cls.reopen(conn, context, session_id, listener)
        if not finish:  # reading only (`interviewer report`): grade nothing, change nothing
            assert interview._saved is not None
            return interview, interview._step_from(interview._saved, record=False)
        return interview, interview.proceed()

    @classmethod
    def reopen(
        cls, conn: sqlite3.Connection, context: Context, session_id: str, listener: Listener | None = None
    ) -> Interview:
        """Load a saved session without running anything; `unfinished` says what `proceed()` will finish."""
        store.get_session(conn, session_id)
        interview = cls(conn, context, session_id, listener)
        try:
            snapshot = interview.graph.get_state(interview._config)
        except (sqlite3.DatabaseError, ValueError, TypeError, KeyError) as exc:  # a damaged checkpoint, not a bug
            raise SessionError(
                f"Session {session_id} cannot be read: its saved state is damaged ({type(exc).__name__}).",
                hint="Other sessions are unaffected: `interviewer sessions` lists them; start a new practice.",
            ) from exc
        if not snapshot.values:
            raise SessionError(
                f"Session {session_id} has no saved state: it stopped before its first question.",
                hint=f"`interviewer delete {session_id}` removes it; `interviewer practice` starts a new one.",
            )
        interview._saved = dict(snapshot.values)
        interview._seen = len(interview._saved.get("turns", []))
        sent = store.inbox(conn, session_id)
        if not snapshot.interrupts and not interview._saved.get("report"):
            # Not waiting on the candidate and not finished: a step was cut short by an error. Its completed
            # writes are saved, so running on from the checkpoint finishes it without redoing work.
            interview.unfinished = "step"
        elif snapshot.interrupts and sent is not None and sent[0] == interview._seen:
            # An answer was sent and the process died (SIGKILL, power cut) before its turn was saved.
            interview.unfinished, interview._sent = "answer", cast(Reply, sent[1])
        return interview

    def answered(self) -> int:
        """How many questions have at least one turn."""
        if self._initial:
            return 0
        return _answered(self._saved if self._saved is not None else self.state())

    def proceed(self) -> Step:
        """Run a new session up to its first question, or a reopened one up to where the candidate comes in."""
        if self._initial:
            return self.begin()
        if self.unfinished == "step":
            step = self._run(None, durability="sync")
        elif self.unfinished == "answer":
            step = self._run(Command(resume=self._sent), durability="exit")
        else:
            assert self._saved is not None, "proceed() follows create() or reopen()"
            step = self._step_from(self._saved)
        self.unfinished, self._saved = None, None
        return step

    def answer(self, text: str, skip: bool = False) -> Step:
        """Send the candidate's answer (or a skip) and run until the next prompt or the end."""
        reply: Reply = {"text": without_secrets(text, self.context.secret), "skip": skip}
        kept = {**reply, "text": mask(reply["text"])} if self.context.mask_transcript else dict(reply)
        store.put_inbox(self.conn, self.session_id, self._seen, kept)
        # The answer is committed above, so the graph need not checkpoint after each of the turn's
        # steps (about a commit per step): it saves once, when it stops at the next prompt.
        return self._run(Command(resume=reply), durability="exit")

    def state(self) -> dict[str, Any]:
        """The current checkpointed state values."""
        return dict(self.graph.get_state(self._config).values)

    def current_report(self) -> Report:
        """The report so far (final if the interview is complete)."""
        values = self.state()
        rep = build_report(values, completed=bool(values.get("report")))  # today's layout, for old sessions too
        if values.get("report"):  # the closing summary was written once, maybe by a model: keep it
            rep = rep.model_copy(update={"narrative": values["report"].get("narrative", "")})
        row = store.get_session(self.conn, self.session_id)  # read a day later, a report says what and when it was
        return rep.model_copy(update={"title": row.title, "started": row.created})

    def _run(self, payload: Any, durability: Durability) -> Step:
        if durability != "exit":
            return self._stream(payload, durability)
        with self.saver.hold():  # the final checkpoint commits with the session row (and its inbox delete)
            return self._stream(payload, durability)

    def _stream(self, payload: Any, durability: Durability) -> Step:
        last: dict[str, Any] | None = None
        modes, workers = stream_options(self.context.interviewer is not None)
        for mode, chunk in self.graph.stream(
            payload,
            {**self._config, "max_concurrency": workers},
            context=self.context,
            durability=durability,
            stream_mode=modes,
        ):
            if mode == "values":
                last = chunk  # the state after each step: the last one is what get_state would re-read
            elif self.listener is not None:
                self.listener(mode, chunk)
        if last is None:
            return self._step_from(self.state())
        return self._step_from({k: v for k, v in last.items() if k != "__interrupt__"})

    def _step_from(self, values: dict[str, Any], record: bool = True) -> Step:
        turns = values.get("turns", [])
        step = Step(new_turns=[Turn.model_validate(t) for t in turns[self._seen :]])
        self._seen = len(turns)
        if values.get("report"):
            step.report = Report.model_validate(values["report"])
        else:
            step.pending = values.get("pending")
        if record:
            self._record(values, step)
        return step

    def _record(self, values: dict[str, Any], step: Step) -> None:
        status = "completed" if step.report else "in_progress"
        store.update_session(self.conn, self.session_id, status, _answered(values), overall_score(values))


def stream_options(model_writes_prompts: bool) -> tuple[list[str], int | None]:
    """The stream modes and LangGraph's worker limit for a run, decided together because they depend on each other.

    "custom" carries a model-written prompt's tokens; it also makes LangGraph run every node on a worker thread
    (about 2 ms a turn, measured), so it is asked for only when a model writes prompts. Without it, one worker
    takes LangGraph's checkpoint writes (its pool is made per run) instead of a new thread for each; with it, the
    stream's waiter needs a thread of its own, and one worker would hang the run.
    """
    if model_writes_prompts:
        return ["updates", "custom", "values"], None
    return ["updates", "values"], 1


def _answered(values: dict[str, Any]) -> int:
    return len({t["question_index"] for t in values.get("turns", [])})
