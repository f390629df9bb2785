"""The `prep` command line: parse, call one core function, render, exit with a named code."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Optional

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

BankOption = Annotated[
    Optional[list[Path]],  # noqa: UP045 - Typer reads the annotation at run time on Python 3.10
    typer.Option("--bank", help="A folder of your own question YAML files (repeatable; also $PREP_BANK)."),
]


@contextmanager
def user_errors() -> Iterator[None]:
    """Turn the core's errors into one line on stderr and the exit code they name."""
    from interview_prep import console

    try:
        yield
    except PrepError as exc:
        console.error(exc.message)
        raise typer.Exit(exc.code) from None
    except KeyboardInterrupt:
        console.error("interrupted.")
        raise typer.Exit(ExitCode.INTERRUPTED) from None


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
    bank_dirs: BankOption = None,
) -> None:
    """Browse the question bank."""
    from interview_prep import console
    from interview_prep.bank import load_bank

    with user_errors():
        bank = load_bank(bank_dirs)
        questions = _filter_category(bank.questions, category, bank.categories)
        if as_json:
            console.print_json([_question_json(q) for q in questions])
        else:
            console.out.print(console.bank_table(questions))


def _filter_category(questions: tuple, category: str | None, categories: tuple[str, ...]) -> tuple:  # type: ignore[type-arg]
    if category is None:
        return questions
    if category not in categories:
        raise PrepError(f"no category '{category}'. Categories: {', '.join(categories)}.")
    return tuple(q for q in questions if q.category == category)


def _question_json(q: object) -> dict[str, object]:
    from interview_prep.models import Question

    assert isinstance(q, Question)
    return {
        "id": q.id,
        "number": q.number,
        "title": q.title,
        "category": q.category,
        "kind": q.kind,
        "difficulty": q.difficulty,
        "time_limit_minutes": q.time_limit_minutes,
    }


@app.command("show")
def show(
    question: Annotated[str, typer.Argument(help="The question's id (kmeans) or number (1).")],
    rubric: Annotated[bool, typer.Option("--rubric", help="Also show how to answer and what they look for.")] = False,
    bank_dirs: BankOption = None,
) -> None:
    """Show one question."""
    from interview_prep import console
    from interview_prep.bank import load_bank

    with user_errors():
        q = load_bank(bank_dirs).get(question)
        console.show_markdown(console.question_markdown(q, rubric=rubric))


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
    bank_dirs: BankOption = None,
) -> None:
    """Grade one answer file: exit 0 if it passed, 1 if not, 2 for bad input."""
    from interview_prep import console
    from interview_prep.bank import load_bank
    from interview_prep.grade import grade_answer, identify, read_source

    with user_errors():
        source = read_source(file)
        q = identify(load_bank(bank_dirs), file, source, question)
        report = grade_answer(q, file, source, timeout=timeout)
        if as_json:
            console.print_json(report.to_json())
        else:
            console.render_report(report, q)
    raise typer.Exit(ExitCode.OK if report.passed else ExitCode.NOT_PASSED)


def main() -> None:
    app()
