"""A disk cache in front of a model, for evals: a re-run with the same inputs costs nothing."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import threading
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel

from .llm_config import LLM, Messages, schema_json

T = TypeVar("T", bound=BaseModel)


class CachedLLM:
    """Keyed on model, prompt hash, schema, rubric version (and repeat), and temperature."""

    def __init__(self, inner: LLM, folder: Path, salt: str) -> None:
        self.inner = inner
        self.model = inner.model
        self.folder = folder
        self.salt = salt
        self.hits = 0
        self.misses = 0
        self._lock = threading.Lock()

    def key(self, messages: Messages, schema: type[BaseModel], temperature: float) -> str:
        """The cache key for one call."""
        prompt = hashlib.sha256(json.dumps(messages, sort_keys=True).encode()).hexdigest()
        material: dict[str, Any] = {
            "model": self.model,
            "prompt": prompt,
            "schema": schema_json(schema),
            "salt": self.salt,
            "temperature": temperature,
        }
        return hashlib.sha256(json.dumps(material, sort_keys=True).encode()).hexdigest()

    def complete(self, messages: Messages, schema: type[T], temperature: float = 0.0) -> T:
        """The cached answer, or the model's (then cached)."""
        key = self.key(messages, schema, temperature)
        path = self.folder / key[:2] / f"{key}.json"
        if path.exists():
            with self._lock:
                self.hits += 1
            return schema.model_validate_json(path.read_text(encoding="utf-8"))
        result = self.inner.complete(messages, schema, temperature)
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(result.model_dump_json())
        os.replace(tmp, path)  # atomic: concurrent workers never read half a file
        with self._lock:
            self.misses += 1
        return result
