"""The options several `prep` commands share, declared once: cli.py wires them into each command."""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from interview_prep.commands.session_options import SessionOptions

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
RoundsOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--rounds",
        "-r",
        help="The rounds to play, comma-separated, in order: dsa, ml-coding, fundamentals, project, "
        "system-design, behavioral (a name may repeat). Default: dsa,dsa,ml-coding,fundamentals,project,"
        "system-design,behavioral.",
    ),
]


def _session_parameters(json_help: str) -> list[inspect.Parameter]:
    option = inspect.Parameter.KEYWORD_ONLY
    return [
        inspect.Parameter("minutes", option, annotation=MinutesOption, default=None),
        inspect.Parameter("workspace", option, annotation=WorkspaceOption, default=Path("prep-work")),
        inspect.Parameter("no_follow_ups", option, annotation=NoFollowUpsOption, default=False),
        inspect.Parameter("judge", option, annotation=JudgeOption, default=None),
        inspect.Parameter(
            "as_json", option, annotation=Annotated[bool, typer.Option("--json", help=json_help)], default=False
        ),
        inspect.Parameter("bank_dirs", option, annotation=BankOption, default=None),
    ]


def session_command(json_help: str) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Gives a timed-session command (`prep practice`, `prep mock`) the options every session takes, after
    its own: --minutes, --workspace, --no-follow-ups, --judge, --json (its help `json_help`) and --bank.
    The command's first parameter, `options`, receives them as one SessionOptions.

    Typer reads a command's options from its signature (`inspect.signature`, which honours
    `__signature__`) and their types from `typing.get_type_hints` (which reads `__annotations__`), so the
    wrapper sets both: the command's own options without `options`, then the shared ones."""

    def wrap(func: Callable[..., None]) -> Callable[..., None]:
        own = list(inspect.signature(func, eval_str=True).parameters.values())[1:]
        shared = _session_parameters(json_help)
        names = [p.name for p in shared]

        @functools.wraps(func)
        def command(**values: Any) -> None:
            s = {name: values.pop(name) for name in names}
            options = SessionOptions(
                s["bank_dirs"], s["minutes"], s["workspace"], not s["no_follow_ups"], s["judge"], s["as_json"]
            )
            func(options, **values)

        params = own + shared
        command.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]
        command.__annotations__ = {p.name: p.annotation for p in params}
        return command

    return wrap
