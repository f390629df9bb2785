"""What `prep practice`, `mock`, `stats`, `history` (and list's history columns) do, for cli.py to call."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from interview_prep import console, paths
from interview_prep.bank import Bank
from interview_prep.errors import AnswerError, ExitCode
from interview_prep.grading.report import GradeReport
from interview_prep.models import Question

if TYPE_CHECKING:  # the store pulls in sqlite3, which `prep list` without history must not load
    from interview_prep.practice_ui import PlainUI, TerminalUI
    from interview_prep.session import SessionContext, SessionResult
    from interview_prep.store import Store

# store.DB_NAME, repeated so that `prep list` can tell whether there is any history
# without importing sqlite3 (tests/test_cli.py keeps list's start-up light).
HISTORY_FILE = "history.sqlite3"


def history_exists() -> bool:
    return (paths.data_dir() / HISTORY_FILE).exists()


def open_history() -> Store:
    """Open the store; if a damaged file had to be set aside, say so on stderr."""
    from interview_prep.store import open_store

    store = open_store()
    if store.recovered:
        # One unwrapped line, like console.error: it names paths the user will want to copy.
        print(f"Warning: {store.recovered}", file=sys.stderr)
    return store


class BankGrader:
    """The session's grader: main's dispatcher (interview_prep.grade), imported on first use."""

    def grade_file(self, question: Question, path: Path) -> GradeReport:
        from interview_prep.grade import grade_answer, read_source

        return grade_answer(question, path, read_source(path))

    def grade_text(self, question: Question, text: str) -> GradeReport:
        from interview_prep.grade import grade_answer

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


def _interrupted(results: Sequence[SessionResult], mock: bool) -> ExitCode:
    from interview_prep import practice_views

    if mock and results:
        console.out.print(practice_views.mock_summary(results))
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
            return _interrupted(e.results, mock=False)
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
            return _interrupted(e.results, mock=True)
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


@dataclass(frozen=True)
class ListHistory:
    """What `prep list` adds: the questions to show, table columns, and JSON keys per question."""

    questions: Sequence[Question]
    columns: dict[str, dict[str, str]]
    json: dict[str, dict[str, object]]


def list_history(questions: Sequence[Question], *, due_only: bool) -> ListHistory:
    """Best score, attempts and next due date per question; with `due_only`, only what is due.

    Without a history file this neither creates one nor imports sqlite3: nothing is due
    but everything is new, so every question is shown.
    """
    from interview_prep.schedule import due_questions

    if not history_exists():
        return ListHistory(questions, {}, {})
    from interview_prep.practice_views import due_text, score_text

    now = datetime.now(timezone.utc)
    store = open_history()
    try:
        hist = store.question_history()
    finally:
        store.close()
    if due_only:
        questions = due_questions(questions, {q: h.due for q, h in hist.items() if h.due is not None}, now)
    # Narrow columns, short values: on an 80-column terminal the title column needs the rest.
    columns: dict[str, dict[str, str]] = {"best": {}, "n": {}, "due": {}}
    as_json: dict[str, dict[str, object]] = {}
    for q in questions:
        h = hist.get(q.id)
        best, tries, due = (h.best_score, h.attempts, h.due) if h else (None, 0, None)
        columns["best"][q.id] = score_text(best) or "-"
        columns["n"][q.id] = str(tries)
        columns["due"][q.id] = due_text(due, now)
        as_json[q.id] = {
            "best_score": best,
            "attempts": tries,
            "due": None if due is None else due.isoformat(),
        }
    return ListHistory(questions, columns, as_json)


def record_grade(
    question: Question, path: Path, source: str, report: GradeReport, started: datetime
) -> int | None:
    """Keep a `prep grade` in the history, as an untimed attempt.

    A history that cannot be written is a warning here, not an error: the grade was given,
    and `prep grade`'s exit code belongs to the grade (CONTRACT.md).
    """
    from interview_prep.errors import StoreError
    from interview_prep.session import grader_version

    try:
        store = open_history()
    except StoreError as e:
        print(f"Warning: the grade was not saved in your history: {e.message}", file=sys.stderr)
        return None
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
