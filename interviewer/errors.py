"""A small error hierarchy; only the CLI catches these and turns them into messages and exit codes."""

from __future__ import annotations


class InterviewerError(Exception):
    """Base class: `hint` tells the user what to do next."""

    exit_code = 1

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.hint = hint


class ConfigError(InterviewerError):
    """A setting, flag or environment value is invalid."""

    exit_code = 2


class DataError(InterviewerError):
    """A packaged or user-supplied data file (bank, rubrics, dataset, answers) is malformed."""

    exit_code = 2


class LLMError(InterviewerError):
    """A model call failed after our retries and fallbacks (network, status, timeout)."""


class LLMOutputError(LLMError):
    """The model answered, but not with output we can use, even after the ladder and a re-ask."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(
            message,
            hint
            or "The model's output was unusable: try a larger or instruction-tuned model, "
            "or set INTERVIEWER_GRADER_MODEL=rules.",
        )


class RetrievalError(InterviewerError):
    """The knowledge index cannot be built, opened or searched."""


class SessionError(InterviewerError):
    """A session is missing, finished, or its storage cannot be read."""


class EvalThresholdError(InterviewerError):
    """An eval ran but at least one metric missed its threshold."""

    exit_code = 3
