"""The knowledge index: Chroma (embedded or server) for dense search, BM25 in-process, fused by scaled scores."""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal, Protocol

from .chunks import Chunk, collect, linearise_tables
from .errors import RetrievalError
from .schemas import Passage
from .text import FUNCTION_WORDS, stem, words

COLLECTION = "interviewer-knowledge"
# Hybrid score: DENSE_SHARE x dense similarity scaled to 0-1 over the candidates + the rest x BM25 score over
# the best BM25 score. Chosen on the dev queries only (R@3 + MRR: 0.951 + 0.877 vs 0.941 + 0.854 with
# reciprocal-rank fusion, which let a weak BM25 list push a confident dense hit from 3rd to 9th).
DENSE_SHARE = 0.6
CANDIDATES = 20
# Besides each whole section, every table row and list item is embedded on its own ("views"): a query
# about one row ("harmful outputs creeping up") matches that row far better than the diluted section.
# A section's dense score is its own similarity plus VIEW_WEIGHT x its best view's.
LAYOUT = "sections+views/1"
VIEW_WEIGHT = 0.5
VIEW_CANDIDATES = 60
Mode = Literal["hybrid", "dense", "bm25"]
Progress = Callable[[int, int], None]


class Retriever(Protocol):
    """What the interview needs from retrieval."""

    def search(self, query: str, k: int = 3, mode: Mode = "hybrid", dense_query: str | None = None) -> list[Passage]:
        """Best passages for a query (`dense_query`, if given, is what the vector side embeds)."""
        ...


@dataclass(frozen=True)
class RefreshStats:
    """What a refresh did."""

    added: int
    updated: int
    removed: int
    unchanged: int
    rebuilt: bool


@lru_cache(maxsize=1)
def vocabulary() -> tuple[dict[str, str], dict[str, str]]:
    """Section aliases and query glossary from knowledge/search.yaml."""
    import yaml

    from .knowledge import knowledge_dir

    path = knowledge_dir() / "search.yaml"
    if not path.exists():
        return {}, {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return dict(data.get("aliases", {})), {k.lower(): v for k, v in data.get("glossary", {}).items()}


def expand_query(query: str) -> str:
    """Append the glossary's expansion of any abbreviation the query uses."""
    glossary = vocabulary()[1]
    found = [glossary[w] for w in dict.fromkeys(words(query)) if w in glossary]
    return f"{query} ({'; '.join(found)})" if found else query


def indexed_text(chunk: Chunk) -> str:
    """What is embedded and BM25-indexed: the chunk's document plus the section's aliases."""
    alias = vocabulary()[0].get(chunk.heading)
    return f"{chunk.document}\nAlso: {alias}" if alias else chunk.document


def bm25_tokens(text: str) -> list[str]:
    """Lowercased, lightly stemmed content words (shared by the index and its queries)."""
    return [stem(w) for w in words(text) if w not in FUNCTION_WORDS and len(w) > 1] or ["_"]


class KnowledgeIndex:
    """A persistent Chroma collection of knowledge chunks plus an in-memory BM25 index over them."""

    def __init__(self, client: Any, embedding_name: str, embedding_fn: Any, sources_file: Path | None) -> None:
        self.client = client
        self.embedding_name = embedding_name
        self.embedding_fn = embedding_fn
        self.sources_file = sources_file
        self.collection = self._open_collection()
        self._bm25: tuple[Any, list[str], dict[str, Passage]] | None = None
        self._entries: int | None = None  # sections + views, counted once per refresh
        self._vectors: dict[str, Any] = {}
        self._cache_lock = threading.Lock()

    def _open_collection(self) -> Any:
        try:
            col = self.client.get_collection(COLLECTION, embedding_function=self.embedding_fn)
            meta = col.metadata or {}
            if meta.get("embedding") == self.embedding_name and meta.get("layout") == LAYOUT:
                return col
        except Exception:
            col = None
        existed = col is not None or COLLECTION in [c.name for c in self.client.list_collections()]
        if existed:
            self.client.delete_collection(COLLECTION)  # never mix vectors of two embeddings
        self._rebuilt = existed
        return self.client.create_collection(
            COLLECTION,
            embedding_function=self.embedding_fn,
            metadata={"embedding": self.embedding_name, "layout": LAYOUT, "hnsw:space": "cosine"},
        )

    # -- sources the user added -------------------------------------------------------------
    def added_dirs(self) -> list[Path]:
        """Folders the user added with `interviewer index --add`."""
        if self.sources_file is None or not self.sources_file.exists():
            return []
        return [Path(p) for p in json.loads(self.sources_file.read_text(encoding="utf-8"))]

    def remember(self, dirs: list[Path]) -> None:
        """Persist added folders so later refreshes keep them."""
        if self.sources_file is None:
            return
        known = {str(p) for p in self.added_dirs()} | {str(p.expanduser().resolve()) for p in dirs}
        self._save_sources(sorted(known))

    def _save_sources(self, dirs: list[str]) -> None:
        """The list of added folders, readable by the user only (their paths say what they keep notes on)."""
        assert self.sources_file is not None
        self.sources_file.touch(mode=0o600, exist_ok=True)
        os.chmod(self.sources_file, 0o600)
        self.sources_file.write_text(json.dumps(dirs, indent=1), encoding="utf-8")

    def forget(self, dirs: list[Path]) -> list[Path]:
        """Drop added folders (the next refresh removes their sections); returns those that were never added."""
        if self.sources_file is None or not dirs:
            return []
        gone = {str(p.expanduser().resolve()) for p in dirs}
        added = [str(p) for p in self.added_dirs()]
        self._save_sources([p for p in added if p not in gone])
        return [Path(p) for p in sorted(gone - set(added))]

    # -- building ---------------------------------------------------------------------------
    def refresh(self, extra_dirs: list[Path], progress: Progress | None = None) -> RefreshStats:
        """Embed new or changed sections (and their views) only, delete removed ones; cheap when nothing changed."""
        rebuilt = getattr(self, "_rebuilt", False)
        chunks = collect([*self.added_dirs(), *extra_dirs])
        current = self.collection.get(include=["metadatas"])
        entries = [(i, m or {}) for i, m in zip(current["ids"], current["metadatas"] or [], strict=False)]
        have = {i: m.get("hash") for i, m in entries if not m.get("view")}
        wanted = {c.id for c in chunks}
        todo = [c for c in chunks if have.get(c.id) != _hash(c)]
        redo = {c.id for c in todo}
        stale = [
            i for i, m in entries if m.get("chunk_id", i) not in wanted or (m.get("view") and m.get("chunk_id") in redo)
        ]
        if stale:
            self.collection.delete(ids=stale)
        for start in range(0, len(todo), 8):
            batch = todo[start : start + 8]
            rows: list[tuple[str, str, dict[str, str | bool]]] = []
            for c in batch:
                rows.append((c.id, indexed_text(c), _metadata(c)))
                rows += [(f"{c.id}#{n}", view, _view_metadata(c)) for n, view in enumerate(views(c))]
            for part in range(0, len(rows), 256):  # a huge table in someone's notes stays under Chroma's batch cap
                ids, docs, metas = (list(col) for col in zip(*rows[part : part + 256], strict=True))
                self.collection.upsert(ids=ids, documents=docs, metadatas=metas)
            if progress:
                progress(start + len(batch), len(todo))
        self._bm25 = None
        self._entries = None
        self._rebuilt = False
        updated = sum(c.id in have for c in todo)
        removed = sum(1 for i in have if i not in wanted)
        return RefreshStats(len(todo) - updated, updated, removed, len(chunks) - len(todo), rebuilt)

    def count(self) -> int:
        """Sections in the index."""
        return len(self._bm25_index()[1])

    # -- searching --------------------------------------------------------------------------
    def _bm25_index(self) -> tuple[Any, list[str], dict[str, Passage]]:
        if self._bm25 is None:
            import bm25s

            data = self.collection.get(where={"view": False}, include=["documents", "metadatas"])
            ids = list(data["ids"])
            passages = {
                i: _passage(i, doc, meta)
                for i, doc, meta in zip(ids, data["documents"], data["metadatas"], strict=True)
            }
            model = bm25s.BM25()
            model.index([bm25_tokens(d) for d in data["documents"]] or [["_"]], show_progress=False)
            self._bm25 = (model, ids, passages)
        return self._bm25

    def embed(self, text: str) -> Any:
        """The query vector, cached: embedding costs about 0.5 ms per token on two cores."""
        key = expand_query(text)
        with self._cache_lock:
            cached = self._vectors.get(key)
        if cached is None:
            cached = self.embedding_fn([key])[0]
            with self._cache_lock:
                self._vectors[key] = cached
                if len(self._vectors) > 256:
                    self._vectors.pop(next(iter(self._vectors)))
        return cached

    def _dense(self, query: str, n: int) -> dict[str, float]:
        """Sections by similarity plus VIEW_WEIGHT x their best view's (a section or view not returned counts as
        the least similar entry that was). A view's id is "<section id>#<n>", so no metadata is fetched."""
        if self._entries is None:
            self._entries = int(self.collection.count())
        res = self.collection.query(
            query_embeddings=[self.embed(query)], n_results=min(self._entries, VIEW_CANDIDATES), include=["distances"]
        )
        found = list(zip(res["ids"][0], res["distances"][0], strict=True))
        floor = 1.0 - max((d for _, d in found), default=1.0)
        whole: dict[str, float] = {}
        best_view: dict[str, float] = {}
        for entry_id, distance in found:
            cid, view, _ = entry_id.partition("#")
            if view:
                best_view[cid] = max(best_view.get(cid, floor), 1.0 - distance)
            else:
                whole[cid] = 1.0 - distance
        score = {c: whole.get(c, floor) + VIEW_WEIGHT * best_view.get(c, floor) for c in set(whole) | set(best_view)}
        return {c: score[c] for c in sorted(score, key=lambda c: -score[c])[:n]}

    def _sparse(self, query: str, n: int) -> dict[str, float]:
        model, ids, _ = self._bm25_index()
        docs, scores = model.retrieve([bm25_tokens(expand_query(query))], k=n, show_progress=False)
        return {ids[int(d)]: float(s) for d, s in zip(docs[0], scores[0], strict=True) if s > 0}

    def search(self, query: str, k: int = 3, mode: Mode = "hybrid", dense_query: str | None = None) -> list[Passage]:
        """Top-k passages: dense, BM25, or both fused by a weighted sum of their scaled scores.

        Grading passes the question as `dense_query` (its vector is cached from when it was asked) and the
        question + answer + weakest dimension as `query` for BM25, which costs well under a millisecond.
        """
        _, _, passages = self._bm25_index()
        n = min(CANDIDATES, len(passages))
        if n == 0:
            raise RetrievalError("The knowledge index is empty.", hint="Run `interviewer index`.")
        dense = self._dense(dense_query or query, n) if mode in ("hybrid", "dense") else {}
        sparse = self._sparse(query, n) if mode in ("hybrid", "bm25") else {}
        fused = fuse(dense, sparse) if mode == "hybrid" else dense or sparse
        best = sorted(fused, key=lambda c: -fused[c])[:k]
        return [passages[c].model_copy(update={"score": round(fused[c], 5)}) for c in best]


def fuse(dense: dict[str, float], sparse: dict[str, float]) -> dict[str, float]:
    """DENSE_SHARE x dense score min-max scaled over its candidates + the rest x BM25 score over its best."""
    lo, hi = min(dense.values(), default=0.0), max(dense.values(), default=0.0)
    top = max(sparse.values(), default=0.0) or 1.0
    spread = hi - lo or 1.0
    return {
        c: DENSE_SHARE * (dense.get(c, lo) - lo) / spread + (1 - DENSE_SHARE) * sparse.get(c, 0.0) / top
        for c in set(dense) | set(sparse)
    }


def _hash(c: Chunk) -> str:
    """Content hash of what is indexed, so an edited alias re-embeds its section too."""
    import hashlib

    return hashlib.sha256(indexed_text(c).encode()).hexdigest()[:32]


def _metadata(c: Chunk) -> dict[str, str | bool]:
    return {"source": c.source, "heading": c.heading, "chunk_id": c.id, "hash": _hash(c), "text": c.text, "view": False}


def _view_metadata(c: Chunk) -> dict[str, str | bool]:
    return {"chunk_id": c.id, "hash": _hash(c), "view": True}


def views(c: Chunk) -> list[str]:
    """One line per table row or list item, prefixed with the section's own heading."""
    title = c.heading.split(" › ")[-1]
    lines = (line.strip().lstrip("-*").strip() for line in linearise_tables(c.text).splitlines())
    return [f"{title}: {line}" for line in lines if len(line) >= 8]


def _passage(cid: str, document: str, meta: dict[str, Any] | None) -> Passage:
    meta = meta or {}
    text = str(meta.get("text", document))  # the section as written, not its indexed form
    return Passage(chunk_id=cid, heading=str(meta.get("heading", "")), source=str(meta.get("source", "")), text=text)


def open_index(
    home: Path, embeddings: str, chroma_host: str = "", chroma_port: int = 8000, api_key: str | None = None
) -> KnowledgeIndex:
    """Open (creating if needed) the index on local disk under `home`, or on a Chroma server."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    from .embeddings import embedding_function

    name, fn = embedding_function(embeddings, api_key)
    settings = ChromaSettings(anonymized_telemetry=False)
    try:
        if chroma_host:
            client = chromadb.HttpClient(host=chroma_host, port=chroma_port, settings=settings)
            return KnowledgeIndex(client, name, fn, None)
        path = home / "chroma"
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
        client = chromadb.PersistentClient(path=str(path), settings=settings)
    except Exception as exc:
        where = f"the Chroma server at {chroma_host}:{chroma_port}" if chroma_host else f"{home / 'chroma'}"
        raise RetrievalError(
            f"Cannot open the knowledge index at {where}: {type(exc).__name__}: {exc}",
            hint="Check INTERVIEWER_CHROMA_HOST/PORT, or delete the index folder and run `interviewer index`.",
        ) from exc
    return KnowledgeIndex(client, name, fn, home / "index-sources.json")


class LazyRetriever:
    """Opens (and builds or refreshes) the index on first use, or earlier in a background warm-up.

    A broken index must not end an interview: the failure is kept in `error` for the CLI to show once,
    and searches return nothing, so feedback falls back to the question's own knowledge headings.
    """

    def __init__(self, opener: Callable[[], KnowledgeIndex], extra_dirs: list[Path]) -> None:
        self._opener = opener
        self._extra = extra_dirs
        self._lock = threading.Lock()
        self._index: KnowledgeIndex | None = None
        self.error: RetrievalError | None = None
        self.warned = False
        self._warming: threading.Thread | None = None
        self._stop = threading.Event()

    def warm(self, texts: list[str] | None = None) -> None:
        """Open the index, and embed these texts (the session's questions), in the background."""

        def run() -> None:
            index = self._get()
            for text in texts or []:
                if index is None or self._stop.is_set():
                    return
                index.embed(text)

        self._warming = threading.Thread(target=run, name="index-warmup", daemon=True)
        self._warming.start()

    def close(self) -> None:
        """Stop the warm-up at its next text and wait for it.

        A daemon thread cut off inside the embedding model or Chroma when the interpreter exits aborts the
        process ("terminate called without an active exception", exit code 134), and could leave an index
        write half done; an interview that ends within a second of starting would otherwise do that.
        """
        self._stop.set()
        if self._warming is not None:
            self._warming.join()

    def _get(self) -> KnowledgeIndex | None:
        with self._lock:
            if self._index is None and self.error is None:
                try:
                    index = self._opener()
                    index.refresh(self._extra)
                    self._index = index
                except RetrievalError as exc:
                    self.error = exc
            return self._index

    def search(self, query: str, k: int = 3, mode: Mode = "hybrid", dense_query: str | None = None) -> list[Passage]:
        """Passages, or none when the index could not be opened."""
        index = self._get()
        return index.search(query, k, mode, dense_query) if index is not None else []
