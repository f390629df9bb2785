"""`prep grade FILE`: read the answer once, grade it, show or print it as JSON, keep it in the history."""

from __future__ import annotations

import sys
from datetime import datetime, timezone
from pathlib import Path

from interview_prep.bank import load_bank
from interview_prep.commands.common import open_history
from interview_prep.errors import ExitCode
from interview_prep.grading.report import GradeReport
from interview_prep.models import Question
from interview_prep.views import console


def grade(
    bank_dirs: list[Path] | None,
    file: Path,
    ref: str | None,
    *,
    as_json: bool,
    timeout: float | None,
    save: bool,
) -> ExitCode:
    from interview_prep.grading.answer import grade_answer, identify, read_source

    started = datetime.now(timezone.utc)
    source = read_source(file)
    question = identify(load_bank(bank_dirs), file, source, ref)
    report = grade_answer(question, file, source, timeout=timeout)
    # The record first: a reader that closes stdout early (`| head -1`) must not lose it.
    if save:
        record_grade(question, file, source, report, started)
    with console.output_may_close():  # and the verdict's exit code stands whatever the output met
        if as_json:
            console.print_json(report.to_json())
        else:
            from interview_prep.views.report import render_report

            render_report(report, question)
    return ExitCode.OK if report.passed else ExitCode.NOT_PASSED


def record_grade(question: Question, path: Path, source: str, report: GradeReport, started: datetime) -> int | None:
    """Keep a `prep grade` in the history, as an untimed attempt.

    A history that cannot be written is a warning here, not an error: the grade was given,
    and `prep grade`'s exit code belongs to the grade (CONTRACT.md).
    """
    from interview_prep.errors import StoreError
    from interview_prep.practice.session import grader_version

    try:
        store = open_history()
        try:
            return store.record_attempt(
                question=question.id,
                kind=question.kind,
                mode="grade",
                started_at=started,
                ended_at=datetime.now(timezone.utc),
                answer=source,
                answer_path=str(path.resolve()),
                grade=report.to_json(),
                grader_version=grader_version(report),
            )
        finally:
            store.close()
    except StoreError as e:  # opening or writing: either way the grade stands
        print(f"Warning: the grade was not saved in your history: {e.message}", file=sys.stderr)
        return None
