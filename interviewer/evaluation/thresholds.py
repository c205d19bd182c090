"""Eval gates: a TOML file of min/max bounds on named measurements, per grader."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from ..errors import DataError


@dataclass(frozen=True)
class Check:
    """One bound checked against one measurement."""

    grader: str
    name: str
    bound: str
    limit: float
    value: float | None

    @property
    def passed(self) -> bool:
        """Missing measurements fail: a gate that silently skips is no gate."""
        if self.value is None:
            return False
        return self.value >= self.limit if self.bound == "min" else self.value <= self.limit


def load(path: Path) -> dict[str, dict[str, dict[str, float]]]:
    """Read `[grader] "measurement" = { min = x }` tables."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise DataError(f"Cannot read thresholds {path}: {exc}", hint="Fix the TOML file.") from exc
    for grader, table in data.items():
        for name, bound in table.items():
            if not isinstance(bound, dict) or not set(bound) <= {"min", "max"} or not bound:
                raise DataError(f"{path.name}: [{grader}] {name} must be {{ min = x }} and/or {{ max = y }}")
    return data


def check(grader: str, flat: dict[str, float], spec: dict[str, dict[str, dict[str, float]]]) -> list[Check]:
    """Every bound the file sets for this grader, with the measured value."""
    return [
        Check(grader, name, bound, float(limit), flat.get(name))
        for name, bounds in spec.get(grader, {}).items()
        for bound, limit in bounds.items()
    ]
