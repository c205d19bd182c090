"""The knowledge index: chunking, incremental refresh, rebuild on a new embedding, hybrid search, eval."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from interviewer import embeddings
from interviewer.chunks import chunk_file, collect, linearise_tables
from interviewer.cli import main
from interviewer.errors import RetrievalError
from interviewer.knowledge import knowledge_dir
from interviewer.retrieval import KnowledgeIndex, open_index

KB = knowledge_dir() / "ai-product-interview-prep.md"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeIndex:
    index = open_index(tmp_path_factory.mktemp("idx"), "local")
    index.refresh([])
    return index


def test_chunks_follow_headings_and_keep_tables_whole() -> None:
    chunks = chunk_file(KB, KB.name)
    matrix = next(c for c in chunks if c.heading == "3. AI Product Strategy › Build vs Buy Decision Matrix")
    assert matrix.text.count("\n|") == 7  # header, rule and six rows together
    assert {c.heading.split(" › ")[0] for c in chunks} >= {"1. Product Sense Framework", "Quick Reference"}
    assert chunk_file(KB, KB.name)[0].id == chunks[0].id  # ids are stable
    assert "Factor: Data privacy; Build: ✅ Full control" in linearise_tables(matrix.text)


def test_refresh_is_incremental_and_tracks_user_notes(tmp_path: Path) -> None:
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "mine.md").write_text("## My notes\n\n### Pricing\n\nSeat-based pricing for copilots.\n")
    index = open_index(tmp_path / "home", "local")
    first = index.refresh([notes])
    assert first.added == index.count() and first.added > 13
    assert index.refresh([notes]).added == 0 and index.refresh([notes]).unchanged == index.count()
    (notes / "mine.md").write_text("## My notes\n\n### Pricing\n\nUsage-based pricing for agents.\n")
    changed = index.refresh([notes])
    assert (changed.added, changed.updated) == (0, 1)
    assert index.search("usage based pricing for agents", k=1)[0].heading == "My notes › Pricing"
    gone = index.refresh([])
    assert gone.removed == 1


def test_rows_are_embedded_as_views_and_replaced_with_their_section(tmp_path: Path) -> None:
    notes = tmp_path / "notes"
    notes.mkdir()
    page = notes / "p.md"
    page.write_text("## Mine\n\n### Rollout\n\n- canary at 1% of traffic\n- ramp to 25% after a week\n")
    index = open_index(tmp_path / "home", "local")
    index.refresh([notes])
    section = next(c for c in collect([notes]) if c.heading == "Mine › Rollout")

    def stored_views() -> list[str]:
        got = index.collection.get(where={"chunk_id": section.id}, include=["documents", "metadatas"])
        return sorted(d for d, m in zip(got["documents"], got["metadatas"], strict=True) if m["view"])

    assert stored_views() == ["Rollout: canary at 1% of traffic", "Rollout: ramp to 25% after a week"]
    page.write_text("## Mine\n\n### Rollout\n\n- shadow mode for two weeks\n")
    index.refresh([notes])
    assert stored_views() == ["Rollout: shadow mode for two weeks"]
    index.refresh([])
    assert stored_views() == [] and index.count() == 13


def test_index_command_remembers_added_folders(tmp_path: Path) -> None:
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "a.md").write_text("## Interview stories\n\n### Launch story\n\nWe shipped a summariser in 6 weeks.\n")
    first = CliRunner().invoke(main, ["index", "--add", str(notes)])
    assert first.exit_code == 0, first.output
    again = CliRunner().invoke(main, ["index"])
    assert "0 removed" in again.output and "0 added" in again.output


class _OtherEmbedding:
    """A different embedding function (name), to prove vectors are never mixed."""

    def __call__(self, input: list[str]) -> list[Any]:
        import numpy as np

        return [np.ones(8, dtype=np.float32) * (len(t) % 7 + 1) for t in input]

    @staticmethod
    def name() -> str:
        return "test-other"

    def get_config(self) -> dict[str, Any]:
        return {}

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> _OtherEmbedding:
        return _OtherEmbedding()

    def is_legacy(self) -> bool:
        return False

    def default_space(self) -> str:
        return "cosine"

    def supported_spaces(self) -> list[str]:
        return ["cosine"]


def test_changing_the_embedding_rebuilds_the_index(tmp_path: Path) -> None:
    index = open_index(tmp_path, "local")
    index.refresh([])
    other = KnowledgeIndex(index.client, "test-other", _OtherEmbedding(), None)
    stats = other.refresh([])
    assert stats.rebuilt and stats.added == 13
    back = open_index(tmp_path, "local")
    assert back.refresh([]).rebuilt and back.collection.metadata["embedding"] == "interviewer-minilm-int8"


def test_hybrid_search_finds_the_framework_passage(built: KnowledgeIndex) -> None:
    top = [p.heading for p in built.search("at what monthly token volume should we stop paying per token?", k=3)]
    assert "3. AI Product Strategy › Decision Rules" in top
    for mode in ("dense", "bm25", "hybrid"):
        hits = built.search("rollout phases: shadow, canary and A/B test", k=3, mode=mode)  # type: ignore[arg-type]
        assert hits and "Launch Framework" in hits[0].heading
    assert "| Phase |" in built.search("canary release traffic share", k=1)[0].text  # the text as written


def test_tampered_model_file_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(embeddings, "MODEL_SHA256", "0" * 64)
    with pytest.raises(RetrievalError, match="checksum"):
        embeddings.model_files()


def test_eval_retrieval_reports_every_mode_and_gates(tmp_path: Path) -> None:
    rows = [
        {"id": "a", "query": "how big is the market, top down", "evidence": "expected adoption rate", "split": "dev"},
        {
            "id": "b",
            "query": "kill switch when errors spike",
            "evidence": "Roll back to fallback model",
            "headings": ["Metric Guardrails"],
            "split": "test",
        },
    ]
    data = tmp_path / "q.jsonl"
    data.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    out = tmp_path / "r.json"
    ok = CliRunner().invoke(main, ["eval", "retrieval", "--dataset", str(data), "--json", str(out)])
    assert ok.exit_code == 0, ok.output
    result = json.loads(out.read_text())
    assert set(result["splits"]) == {"dev", "test"} and set(result["splits"]["dev"]) == {"dense", "bm25", "hybrid"}
    assert set(result["items"]) == {"a", "b"}
    gates = tmp_path / "t.toml"
    gates.write_text('[retrieval]\n"test.hybrid.recall@1" = { min = 1.01 }\n')
    bad = CliRunner().invoke(main, ["eval", "retrieval", "--dataset", str(data), "--thresholds", str(gates)])
    assert bad.exit_code == 3


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_same_retrieval_against_a_chroma_server(tmp_path: Path) -> None:
    beside = Path(sys.executable).parent / "chroma"  # the CLI chromadb installs next to this Python
    chroma = str(beside) if beside.exists() else shutil.which("chroma")
    if chroma is None:
        pytest.skip("the `chroma` CLI is not on PATH, so no local server can be started")
    port = _free_port()
    server = subprocess.Popen(
        [chroma, "run", "--path", str(tmp_path / "srv"), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                if server.poll() is not None:
                    pytest.skip(f"`chroma run` exited with code {server.returncode} before listening")
                time.sleep(0.2)
        else:
            pytest.skip("`chroma run` did not listen on 127.0.0.1 within 30 s")
        index = open_index(tmp_path / "home", "local", chroma_host="127.0.0.1", chroma_port=port)
        assert index.refresh([]).added == 13
        assert index.refresh([]).added == 0
        headings = [p.heading for p in index.search("self-host above 50M tokens a month?", k=3)]
        assert "3. AI Product Strategy › Decision Rules" in headings
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_two_sections_with_the_same_heading_get_distinct_ids(tmp_path: Path) -> None:
    page = tmp_path / "dup.md"
    page.write_text("## Notes\n\n### Pricing\n\nSeats.\n\n### Pricing\n\nUsage.\n")
    ids = [c.id for c in chunk_file(page, "dup.md")]
    assert len(ids) == len(set(ids)) == 2


def test_collect_rejects_a_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(RetrievalError, match="does not exist"):
        collect([tmp_path / "nope"])


def test_a_bad_added_path_is_not_remembered_and_hidden_files_are_skipped(tmp_path: Path) -> None:
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "ok.md").write_text("## Mine\n\n### Pricing\n\nSeat-based pricing.\n")
    (notes / ".#lock.md").symlink_to(tmp_path / "nowhere.md")  # an editor lock: a broken link
    (notes / ".git").mkdir()
    (notes / ".git" / "x.md").write_text("## Hidden\n\n### Secret\n\nnot indexed\n")
    ok = CliRunner().invoke(main, ["index", "--add", str(notes)])
    assert ok.exit_code == 0, ok.output
    from interviewer.config import Settings

    sources = next(Settings().home.rglob("index-sources.json"))
    assert sources.stat().st_mode & 0o777 == 0o600  # the folders you keep notes in are yours to know
    gone = tmp_path / "gone"
    gone.mkdir()
    (gone / "a.md").write_text("## A\n\n### B\n\ntext\n")
    CliRunner().invoke(main, ["index", "--add", str(gone)])
    gone.joinpath("a.md").unlink()
    gone.rmdir()
    broken = CliRunner().invoke(main, ["index"])
    assert broken.exit_code != 0 and "does not exist" in broken.output
    fixed = CliRunner().invoke(main, ["index", "--forget", str(gone)])
    assert fixed.exit_code == 0 and "1 removed" in fixed.output and "was not indexed" not in fixed.output
    again = CliRunner().invoke(main, ["index", "--forget", str(gone)])  # forgotten already: say so
    assert again.exit_code == 0 and "was not indexed" in again.output


def test_notes_without_section_headings_are_indexed_and_a_title_blurb_is_not(tmp_path: Path) -> None:
    flat = tmp_path / "interview-log.md"
    flat.write_text("# Interview log\n\nThe recruiter said the panel cares about eval design.\n<!-- draft -->\n")
    plain = tmp_path / "pricing ideas.md"
    plain.write_text("Seat-based pricing for copilots, usage-based for agents.\n")
    assert [(c.heading, c.text) for c in chunk_file(flat, flat.name)] == [
        ("Interview log", "The recruiter said the panel cares about eval design.")
    ]
    assert [c.heading for c in chunk_file(plain, plain.name)] == ["pricing ideas"]
    titled = tmp_path / "guide.md"
    titled.write_text("# Guide\n\nA short blurb.\n\n## Pricing\n\nSeats.\n")
    assert [c.heading for c in chunk_file(titled, titled.name)] == ["Pricing"]
    long_intro = " ".join(["context"] * 45)
    titled.write_text(f"# Guide\n\n{long_intro}\n\n## Pricing\n\nSeats.\n")
    assert [c.heading for c in chunk_file(titled, titled.name)] == ["Guide", "Pricing"]
    titled.write_text(f"# Guide\n\n{long_intro}\n\n### Pricing\n\nSeats.\n")  # the title never prefixes a heading
    assert [c.heading for c in chunk_file(titled, titled.name)] == ["Guide", "Pricing"]


def test_closing_the_lazy_index_stops_its_warm_up_and_waits_for_it() -> None:
    # a warm-up thread cut off inside native code at interpreter exit aborts the process (exit code 134)
    import threading

    from interviewer.retrieval import LazyRetriever

    started, release, embedded = threading.Event(), threading.Event(), []

    class SlowIndex:
        def refresh(self, extra: list[Path]) -> None:
            pass

        def embed(self, text: str) -> None:
            embedded.append(text)
            started.set()
            release.wait(10)

    lazy = LazyRetriever(SlowIndex, [])  # type: ignore[arg-type]
    lazy.warm(["q1", "q2", "q3"])
    assert started.wait(10)
    threading.Timer(0.2, release.set).start()  # the embedding in progress finishes on its own
    lazy.close()
    assert lazy._warming is not None and not lazy._warming.is_alive()
    assert embedded == ["q1"]  # no text after the one in progress


def test_feedback_cites_retrieved_sections_from_the_questions_own_chapters() -> None:
    from interviewer.knowledge import relevant_citations

    curated = ["2. Metric Trees › North Star → Proxy Metrics", "2. Metric Trees › Evaluation Metrics for AI Products"]
    retrieved = [
        "1. Product Sense Framework › Estimating Market Size",  # from "revenue per search" in the answer
        "2. Metric Trees › Guardrail Metrics",
        "My notes › Search metrics",  # the candidate's own notes have no numbered chapter: kept
        "2. Metric Trees › Evaluation Metrics for AI Products",
    ]
    assert relevant_citations(retrieved, curated) == [
        "2. Metric Trees › Guardrail Metrics",
        "My notes › Search metrics",
    ]


def test_hint_shows_the_questions_own_sections_then_your_notes_never_an_unrelated_hit() -> None:
    from types import SimpleNamespace

    from rich.console import Console

    from interviewer.knowledge import bank, pack_question
    from interviewer.loop import _local_command
    from interviewer.schemas import Passage

    question = max(
        (q for q in bank().questions if q.topic == "responsible_ai" and "Quick Reference" not in q.knowledge),
        key=lambda q: len(q.knowledge),  # the most sections of its own: your notes must still get a place
    )
    found = [
        Passage(chunk_id="1", heading="Quick Reference", source="kb", text="QUICK-REF-BODY"),
        Passage(chunk_id="2", heading="1. Product Sense Framework › Problem Validation", source="kb", text="PV-BODY"),
        Passage(chunk_id="3", heading="My notes › Red-team log", source="notes.md", text="MY-NOTES-BODY"),
    ]
    retriever = SimpleNamespace(search=lambda text, k=2: found)
    interview = SimpleNamespace(
        state=lambda: {"questions": [pack_question(question)]}, context=SimpleNamespace(retriever=retriever)
    )
    console = Console(record=True, width=200)
    _local_command(console, None, interview, "/hint", 0)  # type: ignore[arg-type]
    shown = console.export_text()
    assert question.knowledge[0] in shown  # the bank's own section, first
    assert "QUICK-REF-BODY" not in shown and "PV-BODY" not in shown
    assert "MY-NOTES-BODY" in shown and shown.index(question.knowledge[0]) < shown.index("MY-NOTES-BODY")


def test_a_comparison_in_the_knowledge_file_is_not_rendered_as_a_quote() -> None:
    from rich.console import Console

    from interviewer.render import hint

    console = Console(record=True, width=200)
    hint(console, ["3. AI Product Strategy › Decision Rules"], [])
    assert ">50M tokens/month" in console.export_text()
