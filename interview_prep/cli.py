"""The `prep` command line: Typer wiring only. Each command parses its options and makes one call into commands/."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, NoReturn, Optional

import typer

from interview_prep import __version__
from interview_prep.errors import ExitCode, PrepError

app = typer.Typer(
    name="prep",
    help="Practise the classic new-grad ML engineer interview questions, under a clock, with graded feedback.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

QuestionArgument = Annotated[str, typer.Argument(help="The question's id (kmeans) or number (1).")]
BankOption = Annotated[
    Optional[list[Path]],  # noqa: UP045 - Typer reads the annotation at run time on Python 3.10
    typer.Option("--bank", help="A folder of your own question YAML files (repeatable; also $PREP_BANK)."),
]


@contextmanager
def user_errors() -> Iterator[None]:
    """Turn the core's errors into one line on stderr and the exit code they name."""
    from interview_prep.views import console

    try:
        yield
    except PrepError as exc:
        console.error(exc.message)
        raise typer.Exit(exc.code) from None
    except KeyboardInterrupt:
        console.error("interrupted.")
        raise typer.Exit(ExitCode.INTERRUPTED) from None


def run(command: Callable[[], ExitCode]) -> NoReturn:
    """Run one command of commands/ and exit with the code it returns, or the one its error names."""
    with user_errors():
        code = command()
    raise typer.Exit(code)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"prep {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Practise the classic new-grad ML engineer interview questions, under a clock, with graded feedback."""


@app.command("list")
def list_questions(
    category: Annotated[Optional[str], typer.Option("--category", "-c", help="Only this category.")] = None,  # noqa: UP045
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
    due: Annotated[bool, typer.Option("--due", help="Only what is due for practice (and never tried).")] = False,
    bank_dirs: BankOption = None,
) -> None:
    """Browse the question bank, with your best score, attempts and when each is next due."""
    from interview_prep.commands.bank import list_questions

    run(lambda: list_questions(bank_dirs, category, due=due, as_json=as_json))


@app.command("show")
def show(
    question: QuestionArgument,
    rubric: Annotated[bool, typer.Option("--rubric", help="Also show how to answer and what they look for.")] = False,
    bank_dirs: BankOption = None,
) -> None:
    """Show one question."""
    from interview_prep.commands.bank import show as show_question

    run(lambda: show_question(bank_dirs, question, rubric=rubric))


@app.command("grade")
def grade(
    file: Annotated[Path, typer.Argument(help="A .py solution, or a .md/.txt written answer.")],
    question: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--question", "-q", help="The question id or number (else a '# prep: ID' line, or the functions defined)."
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the grade as JSON on stdout.")] = False,
    timeout: Annotated[
        Optional[float],  # noqa: UP045
        typer.Option("--timeout", min=0.1, help="Seconds the whole hidden suite may run (default: its own budget)."),
    ] = None,
    no_save: Annotated[bool, typer.Option("--no-save", help="Do not record this grade in your history.")] = False,
    bank_dirs: BankOption = None,
) -> None:
    """Grade one answer file: exit 0 if it passed, 1 if not, 2 for bad input."""
    from interview_prep.commands.grade import grade as grade_file

    run(lambda: grade_file(bank_dirs, file, question, as_json=as_json, timeout=timeout, save=not no_save))


# --- practice, history and scheduling (issue 5) ---

WorkspaceOption = Annotated[
    Path, typer.Option("--workspace", "-w", help="Where solution files are written.", file_okay=False)
]
MinutesOption = Annotated[
    Optional[float],  # noqa: UP045
    typer.Option("--minutes", "-m", min=0.01, help="The time limit in minutes (default: the question's own)."),
]


@app.command("practice")
def practice(
    question: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--question", "-q", help="The question id or number (default: the one most due)."),
    ] = None,
    category: Annotated[Optional[str], typer.Option("--category", "-c", help="Pick from this category.")] = None,  # noqa: UP045
    minutes: MinutesOption = None,
    workspace: WorkspaceOption = Path("prep-work"),
    bank_dirs: BankOption = None,
) -> None:
    """Answer one question under a visible clock; get a grade, the rubric, and rate yourself."""
    from interview_prep.commands.practice import practice as run_practice

    run(lambda: run_practice(bank_dirs, question, category=category, minutes=minutes, workspace=workspace))


@app.command("mock")
def mock(
    minutes: MinutesOption = None,
    workspace: WorkspaceOption = Path("prep-work"),
    bank_dirs: BankOption = None,
    rounds: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--rounds",
            "-r",
            help="The rounds to play, comma-separated, in order: dsa, ml-coding, fundamentals, project, "
            "system-design, behavioral (a name may repeat). Default: dsa,dsa,ml-coding,fundamentals,project,"
            "system-design,behavioral.",
        ),
    ] = None,
) -> None:
    """A mock loop: two DSA rounds, ML coding, fundamentals, project, system design, behavioral, each timed."""
    from interview_prep.commands.practice import mock as run_mock

    run(lambda: run_mock(bank_dirs, minutes=minutes, workspace=workspace, rounds=rounds))


@app.command("stats")
def stats(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")] = False,
    bank_dirs: BankOption = None,
) -> None:
    """Per question and category: attempts, best and last score, time used, the trend."""
    from interview_prep.commands.history import stats as show_stats

    run(lambda: show_stats(bank_dirs, as_json=as_json))


@app.command("history")
def history(
    question: Annotated[Optional[str], typer.Argument(help="Only this question (id or number).")] = None,  # noqa: UP045
    show: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option("--show", help="Print attempt N in full: its answer and its grade.", min=1),
    ] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="How many recent attempts to list.")] = 50,
    bank_dirs: BankOption = None,
) -> None:
    """Your past attempts; --show N prints one with its answer and grade."""
    from interview_prep.commands.history import history as show_history

    run(lambda: show_history(bank_dirs, question, show=show, limit=limit))


# --- hints and solutions (issue 6) ---


@app.command("hint")
def hint(
    question: QuestionArgument,
    bank_dirs: BankOption = None,
) -> None:
    """The next hint for a question; each one caps the rating its attempt can earn."""
    from interview_prep.commands.help import hint as next_hint

    run(lambda: next_hint(bank_dirs, question))


@app.command("solution")
def solution(
    question: QuestionArgument,
    force: Annotated[bool, typer.Option("--force", help="Show it before any attempt (costs the next one).")] = False,
    bank_dirs: BankOption = None,
) -> None:
    """The reference solution (or model answer), once you have attempted the question."""
    from interview_prep.commands.help import solution as show_solution

    run(lambda: show_solution(bank_dirs, question, force=force))


@app.command("check-bank")
def check_bank(bank_dirs: BankOption = None) -> None:
    """Validate a bank or pack: schema, and each coding question's reference, broken and correct fixtures."""
    from interview_prep.commands.bank import check_bank as run_check

    run(lambda: run_check(bank_dirs))


def main() -> None:
    app()
