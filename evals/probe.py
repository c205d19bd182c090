"""How often one of the grader's caps fires on a review's probe answers: ones to leave alone, ones to catch.

`python evals/probe.py [FILE] [--flag FLAG]` (repo root). Two probe sets, each written by a review session:
- `evals/datasets/vague-probe.jsonl` (the default, flag `vague`; session 10): 43 strong answers with at most one
  figure that use common phrases in earnest, and 15 verbose, empty answers written to avoid the listed stock
  phrases. See evals/README.md, item 13.
- `evals/datasets/offtopic-probe.jsonl` (flag `off_topic`; session 11): 48 strong on-topic answers that
  paraphrase their question and open with a turn of phrase the off-topic check reads as turning away ("the real
  question is…", "the most useful thing…", "… is usually about X, not Y"), and 24 answers to another question
  about the same business. See evals/README.md, item 14.
- `evals/datasets/framework-probe.jsonl` (flag `recitation`; session 14): 40 strong answers that name a framework
  and apply it (half with at most two figures) and 20 that recite one. See evals/README.md, item 17.
- `evals/datasets/followup-probe.jsonl` (session 12): 105 good replies (strong, brief, re-worded) and 30 off-topic
  replies to 35 bank follow-ups. `--flag reply_off_topic` reads each reply as the interview does (against its bank
  question and the follow-up together); the other columns then grade the reply alone, as before.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from interviewer.knowledge import question_by_id  # noqa: E402
from interviewer.questions import custom_question  # noqa: E402
from interviewer.replies import read_reply  # noqa: E402
from interviewer.rules import RuleGrader  # noqa: E402


def main() -> None:
    """Print, per kind of probe answer, how many carry the flag, how many score 1, and their mean score."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file", nargs="?", type=Path, default=ROOT / "evals/datasets/vague-probe.jsonl")
    ap.add_argument("--flag", default="vague")
    args = ap.parse_args()
    rows = [json.loads(line) for line in args.file.read_text(encoding="utf-8").splitlines() if line.strip()]
    grader = RuleGrader()
    for kind in sorted({r["kind"] for r in rows}):
        chosen = [r for r in rows if r["kind"] == kind]
        grades = [grader.grade(custom_question(r["question"], r["topic"]), r["answer"]) for r in chosen]
        if args.flag == "reply_off_topic":
            flagged = sum(
                read_reply(question_by_id(r["question_id"]), r["question"], r["answer"]).off_topic for r in chosen
            )
        else:
            flagged = sum(args.flag in g.flags for g in grades)
        ones = sum(g.overall == 1 for g in grades)
        mean = sum(g.overall for g in grades) / len(grades)
        print(f"{kind}: {len(grades)} answers, flagged {args.flag} {flagged}, scored 1: {ones}, mean score {mean:.2f}")


if __name__ == "__main__":
    main()
