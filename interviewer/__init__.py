"""interviewer: terminal mock interviews for AI product roles."""

__all__ = ["__version__"]
__version__ = "0.1.0"
