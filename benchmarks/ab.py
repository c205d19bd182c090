"""Turn overhead of two trees, measured alternately, so host drift hits both alike.

`python benchmarks/ab.py OTHER_TREE [--pairs 5] [--turns 30]` (repo root, dev venv). OTHER_TREE is another
checkout, e.g. `git worktree add /tmp/before 6b3f9f3`. Each measurement is a fresh process that imports the
tree's own `interviewer` and runs `benchmarks.turns.llm_turns(0.2, turns)` against the stub.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROBE = (
    "import json, sys; sys.path.insert(0, sys.argv[1]); from benchmarks import turns; "
    "print(json.dumps(turns.llm_turns(0.2, int(sys.argv[2]))))"
)


def measure(tree: Path, turns: int) -> dict[str, float]:
    """One run of `turns` model-graded turns in `tree`, in a fresh process."""
    out = subprocess.run(
        [sys.executable, "-c", PROBE, str(tree), str(turns)], cwd=tree, capture_output=True, text=True, check=True
    )
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def main() -> None:
    """Print each pair's median turn-minus-model time and ratio, other tree first."""
    ap = argparse.ArgumentParser()
    ap.add_argument("other", type=Path)
    ap.add_argument("--pairs", type=int, default=5)
    ap.add_argument("--turns", type=int, default=30)
    args = ap.parse_args()
    for _ in range(args.pairs):
        a, b = measure(args.other.resolve(), args.turns), measure(ROOT, args.turns)
        print(
            f"other {a['overhead_median_ms']:6.2f} ms {a['ratio_median']:.4f} | "
            f"this {b['overhead_median_ms']:6.2f} ms {b['ratio_median']:.4f}"
        )


if __name__ == "__main__":
    main()
