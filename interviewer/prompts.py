"""Prompt templates are files in prompts/; one function renders them and fails loudly on a missing variable."""

from __future__ import annotations

import string
from functools import lru_cache
from pathlib import Path

from .errors import DataError
from .knowledge import data_root


def prompts_dir() -> Path:
    """The prompts/ folder (inside the wheel, or the checkout)."""
    return data_root() / "prompts"


@lru_cache(maxsize=32)
def template(name: str) -> string.Template:
    """A prompt file as a `$variable` template."""
    path = prompts_dir() / f"{name}.md"
    try:
        return string.Template(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise DataError(f"Missing prompt file {path.name}", hint="Reinstall the package.") from exc


def variables(name: str) -> set[str]:
    """The variables a prompt needs."""
    return set(template(name).get_identifiers())


def render(name: str, **values: str) -> str:
    """Fill a prompt; a missing or unexpected variable is an error, never a silent blank."""
    needed = variables(name)
    missing, extra = needed - set(values), set(values) - needed
    if missing or extra:
        raise DataError(
            f"Prompt {name!r}: missing {sorted(missing)}, unexpected {sorted(extra)}",
            hint="Fix the caller or the file.",
        )
    return template(name).substitute(values)
