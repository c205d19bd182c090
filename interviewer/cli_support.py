"""Helpers shared by the CLI modules: settings, console, choices, the grader and the index they use."""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
from pydantic import ValidationError

from .errors import ConfigError

if TYPE_CHECKING:
    from rich.console import Console

    from .config import Settings


def norm_choice(value: str | None, choices: tuple[str, ...], what: str) -> str | None:
    if value is None:
        return None
    key = value.strip().lower().replace("-", "_").replace(" ", "_")
    if key not in choices:
        raise ConfigError(f"Unknown {what} {value!r}.", hint=f"Use one of: {', '.join(choices)}.")
    return key


def settings_from(ctx: click.Context) -> Settings:
    """The settings (flags > env > .env > defaults), built once per command and shared by everything it calls."""
    built: Settings | None = ctx.meta.get("interviewer.settings")
    if built is None:
        built = ctx.meta["interviewer.settings"] = _build_settings(ctx)
    return built


def _build_settings(ctx: click.Context) -> Settings:
    from .config import Settings

    overrides = {k: v for k, v in (ctx.obj or {}).items() if v is not None}
    try:
        return Settings(**overrides)
    except ValidationError as exc:
        # named as the user set it, without the value (it could be a key) or pydantic's links
        problems = "; ".join(
            f"INTERVIEWER_{str(e['loc'][0]).upper()}: {e['msg']}" if e["loc"] else e["msg"] for e in exc.errors()
        )
        raise ConfigError(
            f"Invalid setting: {problems}.", hint="Fix it in your environment or .env file (README, Settings)."
        ) from None
    except ValueError as exc:
        raise ConfigError(f"Invalid setting: {exc}", hint="Check your flags, environment and .env file.") from exc


def console() -> Console:
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False)


def _gateway(settings: Settings, model: str, guard: Any) -> Any:
    from .llm import Gateway

    return Gateway.from_settings(settings, model, guard)


def session_guard(settings: Settings) -> Any:
    """One breaker and usage meter for all model calls of a session."""
    from .resilience import SessionGuard

    return SessionGuard(budget_usd=settings.budget_usd)


def warn_keyless(settings: Settings, say: Any) -> None:
    """Say before the first question which configured model has no key (its calls will fall back to the rules)."""
    from .llm_config import missing_key

    # an exploratory test learned why it was "degraded" only once its first answer was graded; a warning, since a
    # key litellm finds under a name not listed here, or a fallback model, may still work
    key = settings.api_key.get_secret_value() if settings.api_key else None
    models = dict.fromkeys(m for m in (settings.model, settings.grading_model, *settings.fallbacks) if m)
    for model in models:
        if var := missing_key(model, key, settings.api_base or None):
            say(
                f"No API key for {model}: set {var} (or INTERVIEWER_API_KEY). Without it, its calls fall back to "
                "the question bank and the offline rule grader, marked degraded (README, Settings)."
            )


def build_grader(settings: Settings, retriever: Any = None, guard: Any = None) -> Any:
    """The rule grader, or a model grader (with the rules as its floor) when a model is configured."""
    from .rules import RuleGrader

    if not settings.grading_model:
        return RuleGrader()
    from .llm_grader import LLMGrader

    guard = guard or session_guard(settings)
    return LLMGrader(_gateway(settings, settings.grading_model, guard), RuleGrader(), retriever, guard)


def build_interviewer(settings: Settings, role: str | None, company: str, guard: Any) -> Any:
    """The model that tailors questions, writes follow-ups and the summary; None without INTERVIEWER_MODEL."""
    if not settings.model:
        return None
    from .llm_interviewer import LLMInterviewer

    return LLMInterviewer(_gateway(settings, settings.model, guard), role, company)


def open_knowledge(settings: Settings) -> Any:
    """The configured knowledge index (local disk or Chroma server)."""
    from .retrieval import open_index

    key = settings.api_key.get_secret_value() if settings.api_key else None
    return open_index(settings.home, settings.embeddings, settings.chroma_host, settings.chroma_port, key)


def home_flag(ctx: click.Context) -> str:
    """` --home PATH` (absolute, so a printed command works from any folder) when --home was given, else ""."""
    home = (ctx.obj or {}).get("home")
    return f" --home {shlex.quote(str(Path(home).resolve()))}" if home else ""


def with_home(hint: str, ctx: click.Context) -> str:
    """A hint's commands with the --home that was given, so they act on the same sessions."""
    flag = home_flag(ctx)
    return hint.replace("`interviewer ", f"`interviewer{flag} ") if flag else hint
