"""`prep grade FILE`: read the answer once, grade it, show or print it as JSON, keep it in the history."""

from __future__ import annotations

import sys
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from interview_prep.bank import Bank, load_bank
from interview_prep.commands.common import open_history
from interview_prep.errors import ExitCode
from interview_prep.grading.report import GradeReport
from interview_prep.models import Question
from interview_prep.views import console

if TYPE_CHECKING:
    from interview_prep.store import Store


def grade(
    bank_dirs: list[Path] | None,
    file: Path,
    ref: str | None,
    *,
    as_json: bool,
    timeout: float | None,
    save: bool,
    full: bool = False,
    judge: str | None = None,
) -> ExitCode:
    from interview_prep.grading.answer import grade_answer, identify, read_source

    started = datetime.now(timezone.utc)
    if str(file) == "-":
        source = read_stdin()
        question = identify_stdin(load_bank(bank_dirs), source, ref)
        # The graders read the text they are given; the name tells them only the format.
        file = Path("stdin.py" if question.is_coding else "stdin.md")
        answer_path = None
    else:
        source = read_source(file)
        question = identify(load_bank(bank_dirs), file, source, ref)
        answer_path = str(file.resolve())
    report = grade_answer(question, file, source, timeout=timeout, judge=judge, note=console.note)
    # The record first: a reader that closes stdout early (`| head -1`) must not lose it.
    if save:
        record_grade(question, file, source, report, started, answer_path=answer_path)
    with console.output_may_close():  # and the verdict's exit code stands whatever the output met
        if as_json:
            console.print_json(report.to_json())
        else:
            from interview_prep.views.report import render_report

            render_report(report, question, full=full)
    return ExitCode.OK if report.passed else ExitCode.NOT_PASSED


# More than any answer is written by hand: `yes | prep grade -` must not read without end.
STDIN_LIMIT = 5 * 1024 * 1024


def read_stdin() -> str:
    """The answer piped to `prep grade -`, or an AnswerError saying in one line what is wrong with it."""
    from interview_prep.errors import AnswerError

    if sys.stdin is None or sys.stdin.isatty():
        raise AnswerError("`prep grade -` reads the answer from standard input: pipe it in (prep grade - < answer.md).")
    data = sys.stdin.buffer.read(STDIN_LIMIT + 1) if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode()
    if len(data) > STDIN_LIMIT:
        raise AnswerError(f"standard input holds more than {STDIN_LIMIT // 2**20} MB: that is not an answer.")
    if b"\x00" in data:
        raise AnswerError("standard input is binary, not text; pipe in a .py solution or a written answer.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise AnswerError(f"standard input is not UTF-8 text (bad byte at offset {exc.start}).") from None
    if not text.strip():
        raise AnswerError("standard input is empty: there is nothing to grade.")
    return text


def identify_stdin(bank: Bank, source: str, ref: str | None) -> Question:
    """Piped text has no name to guess the question from: -q ID or a '# prep: ID' line must say it."""
    from interview_prep.errors import AnswerError
    from interview_prep.grading.answer import PREP_LINE

    if ref:
        return bank.get(ref)
    marked = PREP_LINE.search(source)
    if marked:
        return bank.get(marked.group(1))
    raise AnswerError("The answer on standard input names no question: give -q ID or a '# prep: ID' line at the top.")


def record_grade(
    question: Question,
    path: Path,
    source: str,
    report: GradeReport,
    started: datetime,
    *,
    answer_path: str | None = None,
) -> int | None:
    """Keep a `prep grade` in the history, as an untimed attempt.

    A history that cannot be written is a warning here, not an error: the grade was given,
    and `prep grade`'s exit code belongs to the grade (CONTRACT.md).
    """
    from interview_prep.errors import StoreError
    from interview_prep.practice.answers import grader_version

    try:
        store = open_history()
        try:
            attempt_id = store.record_attempt(
                question=question.id,
                kind=question.kind,
                mode="grade",
                started_at=started,
                ended_at=datetime.now(timezone.utc),
                answer=source,
                answer_path=answer_path,
                grade=report.to_json(),
                grader_version=grader_version(report),
            )
            schedule_grade(store, question, attempt_id, report)
            return attempt_id
        finally:
            store.close()
    except StoreError as e:  # opening or writing: either way the grade stands
        print(f"Warning: the grade was not saved in your history: {e.message}", file=sys.stderr)
        return None


def schedule_grade(store: Store, question: Question, attempt_id: int, report: GradeReport) -> None:
    """Move the question's card as a practice attempt would, on the rating the grade alone implies
    (no clock, no self-rating), capped by the help taken: a question passed by `prep grade` is
    no longer "new", and is not the one `prep practice` picks first."""
    from interview_prep.practice import schedule
    from interview_prep.store import utcnow

    implied = schedule.grade_rating(report.score, report.passed)
    hints, saw_solution = store.help_for_attempt(attempt_id)
    rating = schedule.combined_rating(implied, implied, schedule.help_cap(hints, saw_solution))
    now = utcnow()
    card_json, due = schedule.review(store.card(question.id), rating, now)
    store.rate_attempt(attempt_id, self_rating=None, rating=rating, card_json=card_json, due=due, now=now)
