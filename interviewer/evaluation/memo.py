"""Whole graded rows kept on disk for model-grader evals: a re-run with unchanged inputs skips our own work too.

The model cache (`llm_cache`) already makes a re-run free of model calls; what is left per row is the
input guard and the rule grade every model grade carries as its floor. Those are pure functions of
the code, the packaged data and the row, so the key covers exactly that: a fingerprint of every file
of the package, its knowledge and prompts, the grader's identity, the question and the raw answer.
Any edit to the code or the rubric changes the fingerprint, and a degraded grade (the model failed)
is never kept, so a re-run retries it.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import threading
from functools import lru_cache
from pathlib import Path

from ..knowledge import data_root
from ..schemas import Grade, Question


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of every file the grade can depend on: the package, its knowledge and its prompts."""
    package = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    for root in (package, data_root() / "knowledge", data_root() / "prompts"):
        for path in sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
            digest.update(str(path.relative_to(root)).encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


class RowMemo:
    """Graded rows on disk, keyed on the code fingerprint, the grader's identity, the question and the answer."""

    def __init__(self, folder: Path, grader_id: str) -> None:
        self.folder = folder
        self.grader_id = grader_id
        self.hits = 0
        self._lock = threading.Lock()

    def key(self, question: Question, answer: str, max_chars: int) -> str:
        """The key for one row."""
        material = {
            "code": code_fingerprint(),
            "grader": self.grader_id,
            "question": question.model_dump(mode="json"),
            "answer": answer,
            "max_chars": max_chars,
        }
        return hashlib.sha256(json.dumps(material, sort_keys=True).encode()).hexdigest()

    def get(self, key: str) -> Grade | None:
        """The kept grade, if any."""
        path = self.folder / key[:2] / f"{key}.json"
        try:
            grade = Grade.model_validate_json(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):  # absent, unreadable or damaged: grade the row again
            return None
        with self._lock:
            self.hits += 1
        return grade

    def put(self, key: str, grade: Grade) -> None:
        """Keep a grade, unless it is a fallback that a re-run should retry."""
        if grade.degraded:
            return
        path = self.folder / key[:2] / f"{key}.json"
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)  # inside the 0700 data dir
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(grade.model_dump_json())
            os.replace(tmp, path)  # atomic: concurrent workers never read half a file
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
