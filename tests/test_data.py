"""The packaged knowledge: bank, rubrics and the Markdown knowledge base are complete and consistent."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from interviewer.errors import DataError
from interviewer.knowledge import bank, heading_paths, knowledge_dir, load_bank_from, load_rubrics_from, rubrics
from interviewer.schemas import DIFFICULTIES, ROLES, TOPICS


def test_bank_size_and_coverage() -> None:
    qs = bank().questions
    assert len(qs) >= 60
    assert Counter(q.topic for q in qs).keys() == set(TOPICS)
    assert {q.difficulty for q in qs} == set(DIFFICULTIES)
    for role in ROLES:
        roles_topics = {q.topic for q in qs if role in q.roles}
        assert roles_topics == set(TOPICS), f"{role} lacks topics"


def test_every_question_is_consistent_with_its_rubric_and_the_knowledge_base() -> None:
    paths = heading_paths()
    for q in bank().questions:
        dims = {d.id for d in rubrics().topics[q.topic].dimensions}
        assert {c.dimension for c in q.concepts} <= dims, q.id
        assert {c.dimension for c in q.constraints if c.dimension} <= dims, q.id
        assert {p.dimension for p in q.probes} <= dims, q.id
        assert 2 <= len(q.probes) <= 3, q.id
        assert set(q.knowledge) <= paths, (q.id, set(q.knowledge) - paths)


def test_rubrics_have_anchored_dimensions() -> None:
    r = rubrics()
    for topic, tr in r.topics.items():
        assert 4 <= len(tr.dimensions) <= 6, topic
        for d in tr.dimensions:
            assert sorted(d.anchors) == [1, 2, 3, 4, 5]
            assert d.concepts


def _write_bank(folder: Path, text: str) -> Path:
    folder.mkdir()
    (folder / "bad.yaml").write_text(text, encoding="utf-8")
    return folder


def test_malformed_bank_fails_loudly(tmp_path: Path) -> None:
    src = (knowledge_dir() / "questions" / "metrics.yaml").read_text(encoding="utf-8")
    broken = src.replace("difficulty: easy", "difficulty: trivial", 1)
    assert broken != src
    with pytest.raises(DataError, match="difficulty"):
        load_bank_from(_write_bank(tmp_path / "q", broken))


def test_duplicate_ids_and_bad_yaml_fail(tmp_path: Path) -> None:
    src = (knowledge_dir() / "questions" / "metrics.yaml").read_text(encoding="utf-8")
    folder = _write_bank(tmp_path / "dup", src)
    (folder / "again.yaml").write_text(src, encoding="utf-8")
    with pytest.raises(DataError, match="duplicate"):
        load_bank_from(folder)
    with pytest.raises(DataError):
        load_bank_from(_write_bank(tmp_path / "yaml", "questions: [unclosed"))


def test_malformed_rubric_fails(tmp_path: Path) -> None:
    src = (knowledge_dir() / "rubrics.yaml").read_text(encoding="utf-8")
    bad = tmp_path / "rubrics.yaml"
    bad.write_text(src.replace("responsible_ai:", "responsible_ai_typo:", 1), encoding="utf-8")
    with pytest.raises(DataError):
        load_rubrics_from(bad)


def test_knowledge_markdown_has_headings_tables_repairs_and_marked_gaps() -> None:
    md = (knowledge_dir() / "ai-product-interview-prep.md").read_text(encoding="utf-8")
    for heading in (
        "## 1. Product Sense Framework",
        "### Problem Validation",
        "## 3. AI Product Strategy",
        "### Build vs Buy Decision Matrix",
        "### Evaluation Metrics for AI Products",
        "### Launch Framework",
        "### Metric Guardrails",
        "### Risk Assessment Framework",
        "### Regulatory Landscape (2026)",
    ):
        assert f"\n{heading}\n" in md, heading
    assert "| Factor | Build | Buy (API) | Fine-tune |" in md
    assert "- >50M tokens/month → Self-host or fine-tune" in md
    assert "  - **Quality:** Response acceptance rate" in md  # metric tree is a nested list
    assert "[Gap:" in md and "100K companies × … = 600M SAM" in md


def test_the_shipped_off_topic_model_is_what_its_fitting_script_produces() -> None:
    import importlib.util

    from interviewer.offtopic import NAMES, packaged

    path = Path(__file__).parents[1] / "evals" / "fit_offtopic.py"
    spec = importlib.util.spec_from_file_location("fit_offtopic", path)
    assert spec and spec.loader
    fit_offtopic = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(fit_offtopic)
    weights, bias = fit_offtopic.fit(fit_offtopic.table())
    shipped = packaged()
    assert len(NAMES) == len(shipped.weights)
    # to the written precision, give or take a last-digit rounding on another machine's floating point
    assert [float(w) for w in weights] == pytest.approx(list(shipped.weights), abs=2e-4)
    assert bias == pytest.approx(shipped.bias, abs=2e-4)
