"""One Settings object: flags > environment > .env > defaults. Built once, in the CLI."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


def default_home() -> Path:
    """The per-user data directory (platformdirs), used unless INTERVIEWER_HOME is set."""
    from platformdirs import user_data_path

    return user_data_path("interviewer", appauthor=False)


class Settings(BaseSettings):
    """Every setting the tool reads; names map to INTERVIEWER_* environment variables."""

    model_config = SettingsConfigDict(
        env_prefix="INTERVIEWER_",
        env_file=".env",
        env_file_encoding="utf-8",
        extra="ignore",
        populate_by_name=True,
        env_ignore_empty=True,  # a blank line copied from .env.example means "use the default"
    )

    home: Path = Field(default_factory=default_home, description="Data directory: sessions DB, index, caches.")
    model: str = Field(default="", description="provider/model that asks and probes; empty = rule-based.")
    grader_model: str = Field(
        default="",
        validation_alias=AliasChoices("INTERVIEWER_GRADER_MODEL", "GRADER_MODEL", "grader_model"),
        description="provider/model that grades; empty = INTERVIEWER_MODEL, or rule-based if that is empty too.",
    )
    fallback_models: str = Field(default="", description="Comma-separated provider/models to try when one fails.")
    llm_timeout: float = Field(default=30.0, gt=0, le=600, description="Wall-clock seconds per model call.")
    llm_transport: Literal["auto", "litellm"] = Field(
        default="auto",
        description="auto: openai/* models go straight through the openai SDK, others through litellm; "
        "litellm: every model through litellm.",
    )
    mask_transcript: bool = Field(default=False, description="Also mask personal data in the saved transcript.")
    budget_usd: float | None = Field(default=None, gt=0, description="Stop calling models once a session spends this.")
    api_base: str = Field(default="", description="Base URL of an OpenAI-compatible server (Ollama, vLLM...).")
    api_key: SecretStr | None = Field(default=None, description="Key for api_base; providers' own env vars also work.")
    embeddings: Literal["local", "openai", "chroma-default"] = Field(default="local")
    chroma_host: str = Field(default="", description="Chroma server host; empty = embedded on local disk.")
    chroma_port: int = Field(default=8000, ge=1, le=65535)
    max_answer_chars: int = Field(default=12_000, ge=200, le=200_000)
    knowledge_dirs: str = Field(default="", description="Extra folders of Markdown notes to index (':'-separated).")

    @field_validator("home", mode="after")
    @classmethod
    def _expand_home(cls, v: Path) -> Path:
        return v.expanduser()

    @property
    def extra_knowledge(self) -> list[Path]:
        """The user's extra knowledge folders."""
        return [Path(p).expanduser() for p in self.knowledge_dirs.replace(",", os.pathsep).split(os.pathsep) if p]

    @property
    def grading_model(self) -> str:
        """The model that grades: GRADER_MODEL, else INTERVIEWER_MODEL, else none; 'rules' forces the rules."""
        if self.grader_model.strip().lower() == "rules":
            return ""
        return self.grader_model or self.model

    @property
    def fallbacks(self) -> list[str]:
        """Fallback models, in order."""
        return [m.strip() for m in self.fallback_models.split(",") if m.strip()]

    @property
    def db_path(self) -> Path:
        """The SQLite file holding checkpoints and the session list."""
        return self.home / "sessions.sqlite"
