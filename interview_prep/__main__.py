"""`python -m interview_prep` runs the `prep` command."""

from interview_prep.cli import main

main()
