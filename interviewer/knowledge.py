"""Finds and loads the packaged data: question bank, rubrics and the knowledge base's sections."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .errors import DataError
from .schemas import Question, QuestionBank, Rubrics

_HEADING = re.compile(r"^(#{2,4})\s+(.+?)\s*$")
PATH_SEP = " › "
PREAMBLE_WORDS = 40


def data_root() -> Path:
    """Folder holding `knowledge/` and `prompts/`: inside the wheel, else the source checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "_data", here.parent):
        if (candidate / "knowledge" / "rubrics.yaml").is_file():
            return candidate
    raise DataError(
        "Cannot find the packaged knowledge files (knowledge/rubrics.yaml).",
        hint="Reinstall the package: pip install --force-reinstall interviewer",
    )


def knowledge_dir() -> Path:
    """The knowledge/ folder."""
    return data_root() / "knowledge"


def _read_yaml(path: Path) -> Any:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        with path.open(encoding="utf-8") as fh:
            return yaml.load(fh, Loader=loader)
    except (OSError, yaml.YAMLError) as exc:
        raise DataError(f"Cannot read {path}: {exc}", hint="Fix the file or reinstall.") from exc


def _validation_message(path: Path, exc: ValidationError) -> str:
    first = exc.errors()[0]
    where = ".".join(str(p) for p in first["loc"])
    return f"{path.name} is malformed at {where}: {first['msg']} ({exc.error_count()} error(s))"


def load_bank_from(folder: Path) -> QuestionBank:
    """Load and validate every `*.yaml` question file in a folder into one bank."""
    files = sorted(folder.glob("*.yaml"))
    if not files:
        raise DataError(f"No question files in {folder}", hint="Reinstall the package.")
    questions: list[Any] = []
    versions: set[str] = set()
    for path in files:
        raw = _read_yaml(path)
        if not isinstance(raw, dict) or "questions" not in raw:
            raise DataError(f"{path.name} must be a mapping with a 'questions' list")
        versions.add(str(raw.get("version", "")))
        questions.extend(raw["questions"])
    try:
        return QuestionBank.model_validate({"version": "+".join(sorted(versions)), "questions": questions})
    except ValidationError as exc:
        raise DataError(_validation_message(folder, exc), hint="Fix the question bank file.") from exc


def load_rubrics_from(path: Path) -> Rubrics:
    """Load and validate a rubrics file."""
    try:
        return Rubrics.model_validate(_read_yaml(path))
    except ValidationError as exc:
        raise DataError(_validation_message(path, exc), hint="Fix the rubrics file.") from exc


@lru_cache(maxsize=1)
def bank() -> QuestionBank:
    """The packaged question bank (validated once per process)."""
    return load_bank_from(knowledge_dir() / "questions")


@lru_cache(maxsize=1)
def rubrics() -> Rubrics:
    """The packaged rubrics (validated once per process)."""
    return load_rubrics_from(knowledge_dir() / "rubrics.yaml")


@dataclass(frozen=True)
class Section:
    """One heading of the knowledge base with the text under it."""

    path: str
    source: str
    text: str


def parse_sections(markdown: str, source: str, preamble: bool = False) -> list[Section]:
    """Split Markdown into sections keyed by their heading path (levels 2-4).

    With `preamble`, text before the first such heading is a section too, named by the document's
    "# " title or else its file name, when it is more than a title page (PREAMBLE_WORDS or more) or
    the whole document: notes with no "## " headings are still indexed.
    """
    sections: list[Section] = []
    title = next((m.group(1) for m in re.finditer(r"^#\s+(.+?)\s*$", markdown, re.M)), Path(source).stem)
    trail: list[str] = [title] if preamble else []
    sections_after = re.search(r"^#{2,4}\s", markdown, re.M) is not None
    body: list[str] = []
    in_preamble = preamble

    def flush() -> None:
        text = "\n".join(body)
        if in_preamble:  # the title line and comments are not content
            text = re.sub(r"^#\s.*$", "", re.sub(r"<!--.*?-->", "", text, flags=re.S), flags=re.M)
        text = text.strip()
        if in_preamble and sections_after and len(text.split()) < PREAMBLE_WORDS:
            return  # a blurb under the title would be cited for every vague query
        if trail and text:
            sections.append(Section(PATH_SEP.join(trail), source, text))

    for line in markdown.splitlines():
        m = _HEADING.match(line)
        if m:
            flush()
            body = []
            if in_preamble:  # the title names the preamble only, never a heading path
                trail, in_preamble = [], False
            level = len(m.group(1)) - 2
            trail = [*trail[:level], m.group(2)]
        else:
            body.append(line)
    flush()
    return sections


@lru_cache(maxsize=1)
def sections() -> tuple[Section, ...]:
    """All sections of the packaged knowledge Markdown files."""
    out: list[Section] = []
    for path in sorted(knowledge_dir().glob("*.md")):
        out.extend(parse_sections(path.read_text(encoding="utf-8"), path.name))
    return tuple(out)


def heading_paths() -> set[str]:
    """Every heading path, including parents, that a question may cite."""
    paths: set[str] = set()
    for s in sections():
        parts = s.path.split(PATH_SEP)
        paths.update(PATH_SEP.join(parts[: i + 1]) for i in range(len(parts)))
    return paths


def question_by_id(qid: str) -> Question:
    """Look a bank question up by id."""
    for q in bank().questions:
        if q.id == qid:
            return q
    raise DataError(f"No question with id {qid!r} in the bank", hint="Run `interviewer questions` to list ids.")


def pack_question(q: Question) -> dict[str, Any]:
    """How a question is kept in checkpointed state: a bank id, or the whole question if it is the user's own.

    Checkpoints store state again at every step, so a 100-question session must not repeat every
    question's concepts and probes in each one.
    """
    by_id = {b.id: b for b in bank().questions}
    return {"id": q.id} if by_id.get(q.id) == q else q.model_dump(mode="json")


def unpack_question(data: dict[str, Any]) -> Question:
    """The question a packed entry stands for."""
    return question_by_id(data["id"]) if set(data) == {"id"} else Question.model_validate(data)


def relevant_citations(retrieved: list[str], curated: list[str], k: int = 2) -> list[str]:
    """The retrieved sections in the question's own chapters, best first: a word of the answer ("revenue per
    search") must not send a metrics question to "Estimating Market Size". Retrieved sections of your own notes
    (not in the packaged knowledge) are kept."""
    chapters = {h.split(" › ")[0] for h in curated}
    builtin = heading_paths()  # "Quick Reference" too: it is general, not the question's
    kept = [h for h in dict.fromkeys(retrieved) if h.split(" › ")[0] in chapters or h not in builtin]
    return kept[:k]
