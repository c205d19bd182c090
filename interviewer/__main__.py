"""`python -m interviewer`."""

from .cli import main

main()
