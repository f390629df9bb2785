"""`prep practice` and `prep mock`: timed sessions with the real terminal, clock and grader."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from interview_prep.bank import load_bank
from interview_prep.commands.common import open_history
from interview_prep.errors import AnswerError, ExitCode
from interview_prep.grading.report import GradeReport
from interview_prep.models import Question
from interview_prep.views import console

if TYPE_CHECKING:  # the store pulls in sqlite3, which `prep list` without history must not load
    from interview_prep.practice.session import SessionContext, SessionResult
    from interview_prep.practice.ui import PlainUI, TerminalUI
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


def _ui() -> PlainUI | TerminalUI:
    from interview_prep.practice import ui as practice_ui
    from interview_prep.views.practice import render_question, render_session_report

    return practice_ui.make_ui(console.out, render_question, render_session_report)


def _context(store: Store, workspace: Path, minutes: float | None) -> SessionContext:
    from interview_prep.practice.session import SessionContext, SystemClock, default_editor

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
    from interview_prep.views import practice as practice_views

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
    bank_dirs: list[Path] | None,
    ref: str | None,
    *,
    category: str | None,
    minutes: float | None,
    workspace: Path,
) -> ExitCode:
    """Pick, run and record one timed attempt."""
    from interview_prep.practice.session import SessionInterrupted, pick_question, run_session
    from interview_prep.views import practice as practice_views

    bank = load_bank(bank_dirs)
    bank.in_category(category)  # a wrong category is one clear error before anything starts
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


def mock(
    bank_dirs: list[Path] | None, *, minutes: float | None, workspace: Path, rounds: str | None = None
) -> ExitCode:
    """The mock loop (the rounds `--rounds` names, else the seed's loop), then its summary."""
    from interview_prep.practice.mock import parse_rounds, run_mock
    from interview_prep.practice.session import SessionInterrupted
    from interview_prep.views import practice as practice_views

    chosen = parse_rounds(rounds)  # a wrong round name is one clear error before anything starts
    questions = load_bank(bank_dirs).questions
    store = open_history()
    try:
        ctx = _context(store, workspace, minutes)
        try:
            results = run_mock(questions, ctx, chosen)
        except SessionInterrupted as e:
            return _interrupted(e.results, mock=True, graded_unrated=e.graded_unrated)
        console.out.print(practice_views.mock_summary(results))
        return ExitCode.OK
    finally:
        store.close()
