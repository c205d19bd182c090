"""Offline evals: datasets, graders under test, metrics, robustness suites and reports."""
