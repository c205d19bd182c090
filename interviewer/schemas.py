"""Pydantic models for everything structured: the question bank, rubrics, grades and reports."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

Role = Literal["ai_pm", "technical_pm", "ml_platform_pm", "ai_strategy_pm"]
Topic = Literal["product_sense", "metrics", "ai_strategy", "launch", "responsible_ai"]
Difficulty = Literal["easy", "medium", "hard"]
DimensionId = Literal[
    "structure",
    "user_problem",
    "sizing",
    "metrics_guardrails",
    "tradeoffs_risks",
    "ai_judgment",
    "economics",
    "recommendation",
    "governance",
    "specificity",
]

ROLES: tuple[Role, ...] = ("ai_pm", "technical_pm", "ml_platform_pm", "ai_strategy_pm")
TOPICS: tuple[Topic, ...] = ("product_sense", "metrics", "ai_strategy", "launch", "responsible_ai")
DIFFICULTIES: tuple[Difficulty, ...] = ("easy", "medium", "hard")
ROLE_LABELS: dict[str, str] = {
    "ai_pm": "AI PM",
    "technical_pm": "Technical PM",
    "ml_platform_pm": "ML Platform PM",
    "ai_strategy_pm": "AI Strategy PM",
}
# Topic-neutral names for the report, which averages a dimension across topics.
DIMENSION_LABELS: dict[str, str] = {
    "structure": "Structure",
    "user_problem": "Users & problem",
    "sizing": "Market sizing",
    "metrics_guardrails": "Metrics & guardrails",
    "tradeoffs_risks": "Trade-offs & risks",
    "ai_judgment": "AI judgment",
    "economics": "Economics",
    "recommendation": "Recommendation",
    "governance": "Governance & regulation",
    "specificity": "Specificity",
}
TOPIC_LABELS: dict[str, str] = {
    "product_sense": "Product sense & market sizing",
    "metrics": "Metrics",
    "ai_strategy": "AI strategy",
    "launch": "Launch & measurement",
    "responsible_ai": "Responsible AI & regulation",
}

_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


class Strict(BaseModel):
    """Base for data files: unknown keys are errors, not silently dropped."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Concept(Strict):
    """Something a strong answer covers, with lowercase phrases a rule can detect."""

    id: str
    label: str
    phrases: list[str] = Field(min_length=1)
    dimension: DimensionId | None = None

    @field_validator("id")
    @classmethod
    def _id_format(cls, v: str) -> str:
        if not _ID.match(v):
            raise ValueError(f"concept id {v!r} must be lowercase letters, digits, '_' or '-'")
        return v

    @field_validator("phrases")
    @classmethod
    def _phrases_clean(cls, v: list[str]) -> list[str]:
        cleaned = [p.strip().lower() for p in v]
        if any(not p for p in cleaned):
            raise ValueError("empty detection phrase")
        return cleaned


class Probe(Strict):
    """A follow-up question aimed at one rubric dimension."""

    dimension: DimensionId
    text: str = Field(min_length=10)


class Question(Strict):
    """One interview question from the bank."""

    id: str
    text: str = Field(min_length=20)
    roles: list[Role] = Field(min_length=1)
    topic: Topic
    difficulty: Difficulty
    concepts: list[Concept] = Field(min_length=3)
    constraints: list[Concept] = Field(default_factory=list)
    probes: list[Probe] = Field(min_length=2, max_length=3)
    knowledge: list[str] = Field(min_length=1)

    @field_validator("id")
    @classmethod
    def _id_format(cls, v: str) -> str:
        if not _ID.match(v):
            raise ValueError(f"question id {v!r} must be lowercase letters, digits, '_' or '-'")
        return v

    @model_validator(mode="after")
    def _concepts_have_dimensions(self) -> Question:
        missing = [c.id for c in self.concepts if c.dimension is None]
        if missing:
            raise ValueError(f"concepts without a rubric dimension: {missing}")
        return self


class QuestionBank(Strict):
    """The whole bank; ids are unique."""

    version: str
    questions: list[Question] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_ids(self) -> QuestionBank:
        seen: set[str] = set()
        for q in self.questions:
            if q.id in seen:
                raise ValueError(f"duplicate question id {q.id!r}")
            seen.add(q.id)
        return self


class Dimension(Strict):
    """A rubric dimension with anchored descriptors for scores 1-5."""

    id: DimensionId
    name: str
    description: str
    anchors: dict[int, str]
    concepts: list[Concept] = Field(min_length=1)
    weight: float = Field(default=1.0, gt=0)

    @field_validator("anchors")
    @classmethod
    def _five_anchors(cls, v: dict[int, str]) -> dict[int, str]:
        if sorted(v) != [1, 2, 3, 4, 5] or any(not s.strip() for s in v.values()):
            raise ValueError("anchors must describe exactly the scores 1, 2, 3, 4 and 5")
        return v


class TopicRubric(Strict):
    """The dimensions one topic is graded on."""

    dimensions: list[Dimension] = Field(min_length=4, max_length=6)

    @model_validator(mode="after")
    def _unique_dims(self) -> TopicRubric:
        ids = [d.id for d in self.dimensions]
        if len(set(ids)) != len(ids):
            raise ValueError(f"duplicate dimension ids: {ids}")
        return self

    def dimension(self, dim_id: str) -> Dimension:
        """Return the dimension with this id."""
        for d in self.dimensions:
            if d.id == dim_id:
                return d
        raise KeyError(dim_id)


class Rubrics(Strict):
    """All topic rubrics, versioned so eval caches and labels can name what they used."""

    version: str
    topics: dict[Topic, TopicRubric]

    @model_validator(mode="after")
    def _all_topics(self) -> Rubrics:
        missing = set(TOPICS) - set(self.topics)
        if missing:
            raise ValueError(f"rubrics missing topics: {sorted(missing)}")
        return self


class DimensionScore(BaseModel):
    """One rubric dimension's score for one answer, with the evidence behind it."""

    dimension: DimensionId
    name: str
    score: int = Field(ge=1, le=5)
    evidence: str = ""
    evidence_cut: bool = False  # the quote is the start of a longer sentence: shown with "…"
    missing: list[str] = Field(default_factory=list)

    def quoted(self) -> str:
        """The evidence as shown to the candidate: with "…" when the sentence goes on."""
        return f"{self.evidence} …" if self.evidence and self.evidence_cut else self.evidence


_CapFlag = Literal["empty", "gibberish", "off_topic", "too_short", "generic", "vague", "keyword_stuffed", "recitation"]
GradeFlag = _CapFlag | Literal["injection_ignored", "red_flag", "reply_off_topic"]


class Grade(BaseModel):
    """Rubric feedback for one answer: scores, evidence, gaps, one tip, sections to read."""

    grader: Literal["rules", "llm"] = "rules"
    rubric_version: str
    overall: int = Field(ge=1, le=5)
    raw: float = Field(ge=1.0, le=5.0, description="Continuous score before rounding and caps.")
    dimensions: list[DimensionScore]
    missing: list[str] = Field(default_factory=list)
    tip: str
    citations: list[str] = Field(default_factory=list)
    flags: list[GradeFlag] = Field(default_factory=list)
    degraded: bool = False
    degraded_reason: str = ""
    low_confidence: bool = False
    model_calls: int = 0
    model_tokens: int = 0
    model_cost_usd: float = 0.0

    def score_of(self, dim: str) -> int:
        """Score of one dimension."""
        for d in self.dimensions:
            if d.dimension == dim:
                return d.score
        raise KeyError(dim)

    def weakest(self) -> DimensionScore:
        """The lowest-scoring dimension (first in rubric order on ties)."""
        return min(self.dimensions, key=lambda d: d.score)


class Turn(BaseModel):
    """One prompt and the candidate's answer; the raw answer is kept exactly as typed."""

    question_index: int
    kind: Literal["main", "probe"]
    prompt: str
    dimension: DimensionId | None = None
    answer: str = ""
    cleaned: str = ""
    skipped: bool = False
    notes: list[str] = Field(default_factory=list)
    grade: Grade | None = None
    at: str = ""


class Exchange(BaseModel):
    """A prompt and the answer to it, as the report shows them: what was asked, what you wrote, its score."""

    kind: Literal["main", "probe"]
    prompt: str
    answer: str = ""
    skipped: bool = False
    score: int | None = None
    flags: list[str] = Field(default_factory=list)  # what capped or marked the grade: "off_topic", "red_flag"…
    notes: list[str] = Field(default_factory=list)  # what the input guard did: a cut paste, removed characters
    at: str = ""  # when it was sent (UTC, ISO 8601)


class QuestionResult(BaseModel):
    """A question's final result in the report."""

    index: int
    question_id: str
    question: str
    topic: Topic
    score: int = Field(ge=1, le=5)
    skipped: bool
    dimensions: dict[str, int]
    evidence: list[str] = Field(default_factory=list)
    evidence_by_dimension: dict[str, str] = Field(default_factory=dict)  # every dimension's quote, whatever its score
    dimension_names: dict[str, str] = Field(default_factory=dict)  # as this question's rubric names them on screen
    missing: list[str] = Field(default_factory=list)
    tip: str = ""
    exchanges: list[Exchange] = Field(default_factory=list)  # the question and any follow-up, with your answers
    low_confidence: bool = False  # a model's grade the rules disagree with by 2 or more, as shown on screen


class Report(BaseModel):
    """The end-of-interview summary; also what `interviewer report` renders again."""

    session_id: str
    status: Literal["completed", "in_progress"]
    overall: float
    questions: list[QuestionResult]
    dimensions: dict[str, float]
    strengths: list[str]
    gaps: list[str]
    study: list[str]
    grader: str
    rubric_version: str
    degraded_turns: list[str] = Field(default_factory=list)
    model_usage: str = ""
    narrative: str = ""
    title: str = ""  # the session's title: questions, role, topic, company
    started: str = ""  # when the session was created (UTC, ISO 8601)
    # each dimension's name as its questions showed it, where they agree; else its general label
    dimension_names: dict[str, str] = Field(default_factory=dict)


class Passage(BaseModel):
    """A retrieved knowledge chunk, cited by its heading path."""

    chunk_id: str
    heading: str
    source: str
    text: str
    score: float = 0.0
