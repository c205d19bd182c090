"""One JSON Lines reader for every eval dataset: tolerant of bad bytes, strict about bad rows."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from ..errors import DataError

M = TypeVar("M", bound=BaseModel)


def read_rows(path: Path, model: type[M], split: str | None = None, option: str = "--dataset") -> list[M]:
    """Validated rows (optionally of one split); the first bad line is named, an empty result is an error."""
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as exc:
        raise DataError(
            f"Cannot read {path}: {exc.strerror}",
            hint=f"Check the {option} path; the default datasets are in the repository's evals/datasets, so run from "
            "its root or pass the file.",
        ) from exc
    rows: list[M] = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            rows.append(model.model_validate(json.loads(line)))
        except (json.JSONDecodeError, ValidationError) as exc:
            raise DataError(f"{path.name} line {n} is not a valid row: {exc}", hint="Fix or remove that line.") from exc
    ids = [getattr(r, "id", n) for n, r in enumerate(rows)]
    if len(set(ids)) != len(ids):
        raise DataError(f"{path.name} has duplicate ids", hint="Give every row a unique id.")
    rows = [r for r in rows if split is None or getattr(r, "split", None) == split]
    if not rows:
        raise DataError(f"{path.name} has no rows{f' in split {split!r}' if split else ''}.", hint=f"Check {option}.")
    return rows
