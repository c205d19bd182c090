"""Helpers shared by the CLI modules: settings, console, choices, the grader and the index they use."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

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
    from .config import Settings

    overrides = {k: v for k, v in (ctx.obj or {}).items() if v is not None}
    try:
        return Settings(**overrides)
    except ValueError as exc:
        raise ConfigError(f"Invalid setting: {exc}", hint="Check your flags, environment and .env file.") from exc


def console() -> Console:
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False)


def build_grader(settings: Settings, retriever: Any = None) -> Any:
    """The rule grader, or a model grader (with the rules as its floor) when a model is configured."""
    from .rules import RuleGrader

    if not settings.grading_model:
        return RuleGrader()
    from .llm import Gateway, GatewayConfig
    from .llm_grader import LLMGrader
    from .resilience import SessionGuard

    key = settings.api_key.get_secret_value() if settings.api_key else None
    guard = SessionGuard(budget_usd=settings.budget_usd)
    config = GatewayConfig(
        model=settings.grading_model,
        api_base=settings.api_base,
        api_key=key,
        timeout_s=settings.llm_timeout,
        fallbacks=settings.fallbacks,
        guard=guard,
    )
    return LLMGrader(Gateway(config), RuleGrader(), retriever, guard)


def open_knowledge(settings: Settings) -> Any:
    """The configured knowledge index (local disk or Chroma server)."""
    from .retrieval import open_index

    key = settings.api_key.get_secret_value() if settings.api_key else None
    return open_index(settings.home, settings.embeddings, settings.chroma_host, settings.chroma_port, key)
