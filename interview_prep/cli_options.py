"""The options several `prep` commands share, declared once: cli.py wires them into each command."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

JudgeOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--judge",
        envvar="PREP_JUDGE",
        help=(
            "A model (by its llm name) for a second reading of written answers: its verified quotes override the"
            " rubric grader's, its silence never does; the rubric grade stands if the model fails."
        ),
    ),
]
QuestionArgument = Annotated[str, typer.Argument(help="The question's id (kmeans) or number (1).")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON on stdout (errors as JSON on stderr).")]
FullOption = Annotated[bool, typer.Option("--full", help="A coding grade's every check, not only what failed.")]
BankOption = Annotated[
    Optional[list[Path]],  # noqa: UP045 - Typer reads the annotation at run time on Python 3.10
    typer.Option("--bank", help="A folder of your own question YAML files (repeatable; also $PREP_BANK)."),
]

WorkspaceOption = Annotated[
    Path, typer.Option("--workspace", "-w", help="Where solution files are written.", file_okay=False)
]
NoFollowUpsOption = Annotated[
    bool, typer.Option("--no-follow-ups", help="Skip the interviewer's follow-ups and probes after each answer.")
]
MinutesOption = Annotated[
    Optional[float],  # noqa: UP045
    typer.Option("--minutes", "-m", min=0.01, help="The time limit in minutes (default: the question's own)."),
]
