"""The command line every fitting script takes: --cv, --write, --threshold."""

from __future__ import annotations

import argparse


def arguments(doc: str | None, threshold: float) -> argparse.Namespace:
    """Parse --cv (cross-validate first), --write (ship the fit) and --threshold (the decision threshold)."""
    ap = argparse.ArgumentParser(description=(doc or "").splitlines()[0] if doc else None)
    ap.add_argument("--cv", action="store_true", help="cross-validate before the final fit")
    ap.add_argument("--write", action="store_true", help="write the fitted model into the package")
    ap.add_argument("--threshold", type=float, default=threshold, help=f"decision threshold (default {threshold})")
    return ap.parse_args()
