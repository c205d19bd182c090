"""How often the grader's `vague` cap fires on a review's probe answers: strong ones it must leave alone, empty ones.

`python evals/vague_probe.py [FILE]` (repo root; default evals/datasets/vague-probe.jsonl, written by a review
session in session 10: 43 strong answers with at most one figure that use common phrases in earnest, and 15
verbose, empty answers written to avoid the listed stock phrases). See evals/README.md, item 13.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from interviewer.questions import custom_question  # noqa: E402
from interviewer.rules import RuleGrader  # noqa: E402


def main() -> None:
    """Print, per kind of probe answer, how many are capped as vague and their mean score."""
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "evals/datasets/vague-probe.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    grader = RuleGrader()
    for kind in sorted({r["kind"] for r in rows}):
        chosen = [r for r in rows if r["kind"] == kind]
        grades = [grader.grade(custom_question(r["question"], r["topic"]), r["answer"]) for r in chosen]
        vague = sum("vague" in g.flags for g in grades)
        mean = sum(g.overall for g in grades) / len(grades)
        print(f"{kind}: {len(grades)} answers, capped as vague {vague}, mean score {mean:.2f}")


if __name__ == "__main__":
    main()
