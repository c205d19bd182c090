"""Embedding functions for the knowledge index; the default runs offline from two pinned PyPI files."""

from __future__ import annotations

from typing import Any

from chromadb.api.types import Documents, EmbeddingFunction, Embeddings
from chromadb.utils.embedding_functions import register_embedding_function

from .errors import ConfigError
from .minilm import embed_local


@register_embedding_function
class LocalMiniLM(EmbeddingFunction[Documents]):
    """Chroma embedding function for the offline default; registered so a saved index reopens."""

    def __init__(self) -> None:
        pass

    def __call__(self, input: Documents) -> Embeddings:
        import numpy as np

        return [np.asarray(v, dtype=np.float32) for v in embed_local(list(input))]

    @staticmethod
    def name() -> str:
        """Registry name, also stored in the collection's metadata."""
        return "interviewer-minilm-int8"

    def default_space(self) -> Any:
        """Vectors are normalised: cosine."""
        return "cosine"

    def get_config(self) -> dict[str, Any]:
        """Nothing to configure."""
        return {}

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> LocalMiniLM:
        """Rebuild from a saved collection."""
        return LocalMiniLM()


def embedding_function(kind: str, api_key: str | None = None) -> tuple[str, EmbeddingFunction[Documents]]:
    """The embedding function a setting names, with the name stored in the index metadata."""
    if kind == "local":
        return LocalMiniLM.name(), LocalMiniLM()
    if kind == "openai":
        from chromadb.utils.embedding_functions import OpenAIEmbeddingFunction

        if not api_key:
            raise ConfigError("INTERVIEWER_EMBEDDINGS=openai needs a key.", hint="Set OPENAI_API_KEY.")
        return "openai-text-embedding-3-small", OpenAIEmbeddingFunction(
            api_key=api_key, model_name="text-embedding-3-small"
        )
    if kind == "chroma-default":
        from chromadb.utils.embedding_functions import DefaultEmbeddingFunction

        return "chroma-default", DefaultEmbeddingFunction()
    raise ConfigError(f"Unknown embeddings {kind!r}.", hint="Use local, openai or chroma-default.")
