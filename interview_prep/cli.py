"""The `prep` command line: Typer wiring only. Each command parses its options and makes one call into commands/."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from interview_prep import __version__
from interview_prep.cli_options import (
    BankOption,
    FullOption,
    JsonOption,
    JudgeOption,
    QuestionArgument,
    RoundsOption,
    session_command,
)
from interview_prep.commands.running import JsonUsageErrors, run
from interview_prep.commands.session_options import SessionOptions
from interview_prep.errors import ExitCode, PrepError

app = typer.Typer(
    name="prep",
    cls=JsonUsageErrors,
    help="Practise the classic new-grad ML engineer interview questions, under a clock, with graded feedback.",
    no_args_is_help=True,
    # Typer's own --install-completion / --show-completion. Completion runs `prep` on every Tab,
    # so start-up stays light: benchmarks/startup.py measures it.
    add_completion=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


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
    """The question bank, with your best score and when each is due.

    Each question's number, id, title, category, level and minutes; once you have a history, your best score,
    attempts and when it is next due.
    """
    from interview_prep.commands.bank import list_questions

    run(lambda: list_questions(bank_dirs, category, due=due, as_json=as_json), as_json=as_json)


@app.command("show")
def show(
    question: QuestionArgument,
    rubric: Annotated[bool, typer.Option("--rubric", help="Also show how to answer and what they look for.")] = False,
    follow_ups: Annotated[
        bool, typer.Option("--follow-ups", help="Also show what the interviewer may ask after your answer.")
    ] = False,
    as_json: JsonOption = False,
    bank_dirs: BankOption = None,
) -> None:
    """Show one question."""
    from interview_prep.commands.bank import show as show_question

    run(
        lambda: show_question(bank_dirs, question, rubric=rubric, as_json=as_json, follow_ups=follow_ups),
        as_json=as_json,
    )


@app.command("grade")
def grade(
    file: Annotated[
        Path, typer.Argument(help="A .py solution, a .md/.txt written answer, or - to read it from standard input.")
    ],
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
    full: FullOption = False,
    judge: JudgeOption = None,
    bank_dirs: BankOption = None,
) -> None:
    """Grade one answer file (or - for standard input).

    Exit 0 if it passed, 1 if not, 2 for bad input.
    """
    from interview_prep.commands.grade import grade as grade_file

    run(
        lambda: grade_file(
            bank_dirs, file, question, as_json=as_json, timeout=timeout, save=not no_save, full=full, judge=judge
        ),
        as_json=as_json,
    )


# --- practice, history and scheduling (issue 5) ---


@app.command("practice")
@session_command(json_help="The session on stderr; its result as JSON on stdout.")
def practice(
    options: SessionOptions,
    question: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--question", "-q", help="The question id or number (default: the one most due)."),
    ] = None,
    category: Annotated[Optional[str], typer.Option("--category", "-c", help="Pick from this category.")] = None,  # noqa: UP045
) -> None:
    """Answer one question under a visible clock.

    Then get a grade and the rubric, and rate yourself.
    """
    from interview_prep.commands.practice import practice

    run(lambda: practice(options, question, category=category), as_json=options.as_json)


@app.command("mock")
@session_command(json_help="The rounds on stderr; the loop's result as JSON on stdout.")
def mock(
    options: SessionOptions,
    rounds: RoundsOption = None,
) -> None:
    """A mock interview loop, each round on its own clock.

    Two DSA rounds, ML coding, fundamentals, project, system design, behavioral (--rounds to choose).
    """
    from interview_prep.commands.practice import mock

    run(lambda: mock(options, rounds=rounds), as_json=options.as_json)


@app.command("stats")
def stats(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")] = False,
    bank_dirs: BankOption = None,
) -> None:
    """Attempts, scores and time, per question and category.

    Timed attempts apart from `prep grade` ones, and a chart of progress per category over time.
    """
    from interview_prep.commands.history import stats as show_stats

    run(lambda: show_stats(bank_dirs, as_json=as_json), as_json=as_json)


@app.command("history")
def history(
    question: Annotated[Optional[str], typer.Argument(help="Only this question (id or number).")] = None,  # noqa: UP045
    show: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option("--show", help="Print attempt N in full: its answer and its grade.", min=1),
    ] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="How many attempts a page lists.")] = 50,
    page: Annotated[int, typer.Option("--page", "-p", min=1, help="Which page: 1 is the newest.")] = 1,
    full: FullOption = False,
    as_json: JsonOption = False,
    bank_dirs: BankOption = None,
) -> None:
    """Your past attempts, newest last; --show N prints one.

    A page of the newest attempts (--page for older ones); --show N prints attempt N with its answer and grade.
    """
    from interview_prep.commands.history import history as show_history

    run(
        lambda: show_history(bank_dirs, question, show=show, limit=limit, page=page, as_json=as_json, full=full),
        as_json=as_json,
    )


# --- hints and solutions (issue 6) ---


@app.command("hint")
def hint(
    question: QuestionArgument,
    as_json: JsonOption = False,
    bank_dirs: BankOption = None,
) -> None:
    """The next hint for a question (each caps the rating).

    Each hint taken caps the rating its attempt can earn.
    """
    from interview_prep.commands.help import hint as next_hint

    run(lambda: next_hint(bank_dirs, question, as_json=as_json), as_json=as_json)


@app.command("solution")
def solution(
    question: QuestionArgument,
    force: Annotated[bool, typer.Option("--force", help="Show it before any attempt (costs the next one).")] = False,
    as_json: JsonOption = False,
    bank_dirs: BankOption = None,
) -> None:
    """The reference solution, once you have tried the question.

    The reference solution (or model answer); piped or redirected, exactly the file.
    """
    from interview_prep.commands.help import solution as show_solution

    run(lambda: show_solution(bank_dirs, question, force=force, as_json=as_json), as_json=as_json)


@app.command("check-bank")
def check_bank(bank_dirs: BankOption = None) -> None:
    """Validate a bank or pack of questions.

    Its schema, and each coding question's reference, broken and correct fixtures.
    """
    from interview_prep.commands.bank import check_bank as run_check

    run(lambda: run_check(bank_dirs))


# --- your résumé as a pack (issue 15) ---


@app.command("resume")
def resume(
    file: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Argument(help="Your résumé: PDF, DOCX, Markdown or plain text."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print what was found and made as JSON.")] = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Show what would be made; write nothing.")] = False,
    forget: Annotated[bool, typer.Option("--forget", help="Remove the résumé and its pack from your data.")] = False,
    bank_dirs: BankOption = None,
) -> None:
    """Turn your résumé into a personal pack of questions.

    A deep-dive per project or job, and the questions each technique it claims draws.
    """
    from interview_prep.commands.resume import resume as read_resume

    run(lambda: read_resume(file, bank_dirs=bank_dirs, as_json=as_json, dry_run=dry_run, forget=forget))


# --- the history out, in, and reset ---


@app.command("export")
def export(
    as_json: Annotated[bool, typer.Option("--json", help="JSON: everything, for prep import (default).")] = False,
    as_csv: Annotated[bool, typer.Option("--csv", help="CSV: one row per attempt, for a spreadsheet.")] = False,
) -> None:
    """Print your whole history, as JSON or CSV.

    JSON holds attempts, schedules and hints; CSV the attempts only. `prep import FILE` reads either back.
    """
    from interview_prep.commands.transfer import export as run_export

    if as_json and as_csv:
        run(lambda: _usage("give --json or --csv, not both."), as_json=True)
    run(lambda: run_export(as_csv=as_csv), as_json=not as_csv)


@app.command("import")
def import_(
    file: Annotated[Path, typer.Argument(help="A file made by prep export (JSON or CSV).")],
    as_json: JsonOption = False,
) -> None:
    """Add an export's attempts to your history.

    Attempts already in it (same question, mode and start) are skipped: importing twice adds nothing.
    """
    from interview_prep.commands.transfer import import_history

    run(lambda: import_history(file), as_json=as_json)


@app.command("reset")
def reset(
    question: Annotated[Optional[str], typer.Argument(help="Only this question (id or number).")] = None,  # noqa: UP045
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask (for scripts).")] = False,
    bank_dirs: BankOption = None,
) -> None:
    """Forget your history, or one question's, after asking.

    Its attempts, schedule and hints; --yes skips the question. `prep export` first keeps a copy.
    """
    from interview_prep.commands.transfer import reset as run_reset

    run(lambda: run_reset(bank_dirs, question, yes=yes))


def _usage(message: str) -> ExitCode:
    raise PrepError(message)


judge_app = typer.Typer(
    name="judge",
    help="The optional model judge: a second reading by your own model.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.add_typer(judge_app)


@judge_app.command("check")
def judge_check(
    model: Annotated[
        Optional[str],  # noqa: UP045
        typer.Argument(envvar="PREP_JUDGE", help="The model's llm name (default: $PREP_JUDGE)."),
    ] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="How many bank answers to try it on.")] = 6,
    bank_dirs: BankOption = None,
) -> None:
    """Whether a judge is configured and answers, and how far it agrees with the rubric grader."""
    from interview_prep.commands.judge import judge_check as run_check

    run(lambda: run_check(bank_dirs, model, limit=limit))


def build_only_what_is_asked(args: list[str]) -> None:
    """Keep only the command (or group) the first argument names, when it names one.

    Typer turns every command's signature into Click parameters before it runs any: for 17
    commands that is about 10 ms of every run, and `prep list` is run for every quick look. The
    command asked for is built as it always is, so its options, help and errors are the same; with
    no command, an option first, an unknown name or Tab completion, every command is kept."""
    if not args or "_PREP_COMPLETE" in os.environ:
        return
    commands = [c for c in app.registered_commands if c.name == args[0]]
    groups = [g for g in app.registered_groups if g.typer_instance and g.typer_instance.info.name == args[0]]
    if commands or groups:
        app.registered_commands, app.registered_groups = commands, groups


def main() -> None:
    from interview_prep.views.console import degrade_to_ascii

    degrade_to_ascii()
    build_only_what_is_asked(sys.argv[1:])
    app()
