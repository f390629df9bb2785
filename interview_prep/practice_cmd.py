"""What `prep practice`, `mock`, `stats`, `history` (and list's history columns) do, for cli.py to call."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from interview_prep import console
from interview_prep.bank import Bank
from interview_prep.errors import AnswerError, ExitCode
from interview_prep.grading.report import GradeReport
from interview_prep.listing import open_history
from interview_prep.models import Question

if TYPE_CHECKING:  # the store pulls in sqlite3, which `prep list` without history must not load
    from interview_prep.practice_ui import PlainUI, TerminalUI
    from interview_prep.session import SessionContext, SessionResult
    from interview_prep.store import Store


class BankGrader:
    """The session's grader: main's dispatcher (interview_prep.grade), imported on first use."""

    def grade_file(self, question: Question, path: Path) -> GradeReport:
        from interview_prep.grading.answer import grade_answer, read_source

        return grade_answer(question, path, read_source(path))

    def grade_text(self, question: Question, text: str) -> GradeReport:
        from interview_prep.grading.answer import grade_answer

        if not text.strip():
            raise AnswerError("The answer is empty: there is nothing to grade.")
        # The written grader reads the text it is given; the name only tells it the format.
        return grade_answer(question, Path(f"{question.id}.md"), text)


def _report_printer(report: GradeReport, question: Question) -> None:
    console.render_report(report, question)


def _ui() -> PlainUI | TerminalUI:
    from interview_prep import practice_ui, practice_views

    render = practice_views.make_report_renderer(_report_printer)
    return practice_ui.make_ui(console.out, practice_views.render_question, render)


def _context(store: Store, workspace: Path, minutes: float | None) -> SessionContext:
    from interview_prep.session import SessionContext, SystemClock, default_editor

    return SessionContext(
        store=store,
        ui=_ui(),
        clock=SystemClock(),
        grader=BankGrader(),
        workspace=workspace,
        editor=default_editor(os.environ.get),
        minutes=minutes,
    )


def _interrupted(results: Sequence[SessionResult], mock: bool, *, graded_unrated: bool = False) -> ExitCode:
    from interview_prep import practice_views

    if mock and results:
        console.out.print(practice_views.mock_summary(results))
    if graded_unrated:
        print(
            "Interrupted: the attempt was graded and kept; it was not rated, so the schedule did not move.",
            file=sys.stderr,
        )
    else:
        print("Interrupted: the attempt in progress was saved as abandoned.", file=sys.stderr)
    return ExitCode.INTERRUPTED


def practice(
    bank: Bank,
    ref: str | None,
    *,
    category: str | None,
    minutes: float | None,
    workspace: Path,
) -> ExitCode:
    """Pick, run and record one timed attempt."""
    from interview_prep import practice_views
    from interview_prep.session import SessionInterrupted, pick_question, run_session

    store = open_history()
    try:
        if ref is not None:
            question = bank.get(ref)
        else:
            question = pick_question(bank.questions, store, datetime.now(timezone.utc), category=category)
        ctx = _context(store, workspace, minutes)
        try:
            result = run_session(question, ctx)
        except SessionInterrupted as e:
            return _interrupted(e.results, mock=False, graded_unrated=e.graded_unrated)
        console.out.print(practice_views.schedule_line(result), highlight=False)
        return ExitCode.OK
    finally:
        store.close()


def mock(questions: Sequence[Question], *, minutes: float | None, workspace: Path) -> ExitCode:
    """The mock loop, then its summary."""
    from interview_prep import practice_views
    from interview_prep.session import SessionInterrupted, run_mock

    store = open_history()
    try:
        ctx = _context(store, workspace, minutes)
        try:
            results = run_mock(questions, ctx)
        except SessionInterrupted as e:
            return _interrupted(e.results, mock=True, graded_unrated=e.graded_unrated)
        console.out.print(practice_views.mock_summary(results))
        return ExitCode.OK
    finally:
        store.close()


def stats(questions: Sequence[Question], *, as_json: bool) -> ExitCode:
    from interview_prep import history, practice_views

    store = open_history()
    try:
        report = history.stats(store.attempts(), questions)
    finally:
        store.close()
    if as_json:
        console.print_json(report.to_json())
    else:
        practice_views.render_stats(console.out, report)
    return ExitCode.OK


def history(questions: Sequence[Question], ref_id: str | None, *, show: int | None, limit: int) -> ExitCode:
    """The attempts table (of one question), or one attempt in full."""
    from interview_prep import practice_views

    store = open_history()
    try:
        if show is not None:
            attempt = store.attempt(show)
            question = next((q for q in questions if q.id == attempt.question), None)
            printer = _report_printer if question is not None else None
            practice_views.render_attempt(console.out, attempt, printer, question)
            return ExitCode.OK
        attempts = store.attempts(ref_id)
    finally:
        store.close()
    if not attempts:
        console.out.print("No attempts yet. `prep practice` starts one.")
        return ExitCode.OK
    console.out.print(practice_views.history_table(attempts[-limit:]))
    return ExitCode.OK


def record_grade(question: Question, path: Path, source: str, report: GradeReport, started: datetime) -> int | None:
    """Keep a `prep grade` in the history, as an untimed attempt.

    A history that cannot be written is a warning here, not an error: the grade was given,
    and `prep grade`'s exit code belongs to the grade (CONTRACT.md).
    """
    from interview_prep.errors import StoreError
    from interview_prep.session import grader_version

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
