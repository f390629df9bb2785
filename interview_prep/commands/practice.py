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
from interview_prep.commands.session_options import SessionOptions
from interview_prep.errors import AnswerError, ExitCode
from interview_prep.grading.report import GradeReport
from interview_prep.models import Question
from interview_prep.views import console

if TYPE_CHECKING:  # the store pulls in sqlite3, which `prep list` without history must not load
    from interview_prep.practice.session import SessionContext, SessionInterrupted, SessionResult
    from interview_prep.practice.ui import PlainUI, TerminalUI
    from interview_prep.store import Store


class BankGrader:
    """The session's grader: the answer path of `prep grade`, imported on first use; with a model judge, a
    written answer also gets the model's checked reading (one note when it cannot be had)."""

    def __init__(self, judge: str | None = None) -> None:
        self.judge = judge

    def grade_file(self, question: Question, path: Path) -> GradeReport:
        from interview_prep.grading.answer import grade_answer, read_source

        return grade_answer(question, path, read_source(path))

    def grade_text(self, question: Question, text: str) -> GradeReport:
        from interview_prep.grading.answer import grade_answer

        if not text.strip():
            raise AnswerError("The answer is empty: there is nothing to grade.")
        # The written grader reads the text it is given; the name only tells it the format.
        return grade_answer(
            question, Path(f"{question.id.replace('/', '-')}.md"), text, judge=self.judge, note=console.note
        )


def _ui(as_json: bool) -> PlainUI | TerminalUI:
    from interview_prep.practice import ui as practice_ui
    from interview_prep.views.practice import render_question, render_session_report

    # With --json the session talks on stderr: stdout holds the result's JSON and nothing else.
    return practice_ui.make_ui(console.err if as_json else console.out, render_question, render_session_report)


def result_json(r: SessionResult) -> dict[str, object]:
    """One session's result for scripts: the attempt, its grade, what the interviewer asked, the schedule."""
    return {
        "attempt_id": r.attempt_id,
        "question": r.question.id,
        "kind": r.question.kind,
        "category": r.question.category,
        "status": r.status,
        "time_used_s": round(r.time_used_s, 1),
        "time_limit_s": r.time_limit_s,
        "over_time": r.over_time,
        "grade": None if r.report is None else r.report.to_json(),
        "follow_ups": [a.to_json() for a in r.follow_ups],
        "overall": None if r.overall is None else r.overall.to_json(),
        "self_rating": r.self_rating,
        "rating": r.rating,
        "due": None if r.due is None else r.due.isoformat(),
        "hints": r.hints,
        "saw_solution": r.saw_solution,
    }


def _context(store: Store, options: SessionOptions) -> SessionContext:
    from interview_prep.practice.answers import default_editor
    from interview_prep.practice.session import SessionContext, SystemClock

    return SessionContext(
        store=store,
        ui=_ui(options.as_json),
        clock=SystemClock(),
        grader=BankGrader(options.judge),
        workspace=options.workspace,
        editor=default_editor(os.environ.get),
        minutes=options.minutes,
        follow_ups=options.follow_ups,
    )


def _interrupted(
    results: Sequence[SessionResult], mock: bool, interrupt: SessionInterrupted, *, as_json: bool = False
) -> ExitCode:
    from interview_prep.views import practice as practice_views

    if mock and results:
        (console.err if as_json else console.out).print(practice_views.mock_summary(results))
    how = f"Stopped by {interrupt.signal_name}" if interrupt.signal_name else "Interrupted"
    if interrupt.graded_unrated:
        line = f"{how}: the attempt was graded and kept; it was not rated, so the schedule did not move."
    else:
        line = f"{how}: the attempt in progress was saved as abandoned."
        if interrupt.resumable:
            line += f" Your answer so far is kept: `prep practice -q {interrupt.resumable}` offers to carry on from it."
    try:
        print(line, file=sys.stderr)
    except OSError:  # SIGHUP: the terminal is gone, and the attempt is saved all the same
        pass
    return ExitCode.INTERRUPTED


def _still_saved(store: Store, results: Sequence[SessionResult]) -> bool:
    """If the history file was deleted (or replaced) during the session, save its attempts again in the
    file now at that path, and say so. False when they could not be saved anywhere."""
    if store.on_disk():
        return True
    from interview_prep.errors import PrepError
    from interview_prep.store import open_store

    path = store.path
    try:
        fresh = open_store(path)
        try:
            for result in results:
                result.attempt_id = store.copy_attempt(result.attempt_id, fresh)
        finally:
            fresh.close()
    except PrepError as e:
        print(
            f"Warning: the history file {path} was deleted during the session, and this session's attempts"
            f" could not be saved again: {e.message}",
            file=sys.stderr,
        )
        return False
    print(
        f"Warning: the history file {path} was deleted during the session; this session's attempts were saved"
        " again in a new history there (the earlier attempts went with the deleted file).",
        file=sys.stderr,
    )
    return True


def practice(options: SessionOptions, ref: str | None, *, category: str | None) -> ExitCode:
    """Pick, run and record one timed attempt."""
    from interview_prep.practice.schedule import pick_question
    from interview_prep.practice.session import SessionInterrupted, run_session
    from interview_prep.views import practice as practice_views

    as_json = options.as_json
    bank = load_bank(options.bank_dirs)
    bank.in_category(category)  # a wrong category is one clear error before anything starts
    store = open_history()
    try:
        if ref is not None:
            question = bank.get(ref)
        else:
            question = pick_question(bank.questions, store.due_dates(), datetime.now(timezone.utc), category=category)
        ctx = _context(store, options)
        try:
            result = run_session(question, ctx)
        except SessionInterrupted as e:
            _still_saved(store, e.results)
            if as_json:
                console.print_json({"interrupted": True, "results": [result_json(r) for r in e.results]})
            return _interrupted(e.results, False, e, as_json=as_json)
        saved = _still_saved(store, [result])  # first: saving it again gives it a new number
        line = practice_views.schedule_line(result)
        if not saved:
            line = line.rsplit(" Attempt #", 1)[0] + " The attempt was not saved."
        if as_json:
            console.err.print(line, highlight=False)
            console.print_json(result_json(result))
            return ExitCode.OK
        console.out.print(line, highlight=False)
        return ExitCode.OK
    finally:
        store.close()


def mock(options: SessionOptions, *, rounds: str | None = None) -> ExitCode:
    """The mock loop (the rounds `--rounds` names, else the seed's loop), then its summary."""
    from interview_prep.practice.mock import parse_rounds, run_mock
    from interview_prep.practice.session import SessionInterrupted
    from interview_prep.resume.pack import deep_dives
    from interview_prep.views import practice as practice_views

    chosen = parse_rounds(rounds)  # a wrong round name is one clear error before anything starts
    as_json = options.as_json
    questions = load_bank(options.bank_dirs).questions
    store = open_history()
    try:
        ctx = _context(store, options)
        try:
            # The project round asks about the user's own résumé when `prep resume` made deep-dives.
            results = run_mock(questions, ctx, chosen, projects=deep_dives(questions))
        except SessionInterrupted as e:
            _still_saved(store, e.results)
            if as_json:
                console.print_json({"interrupted": True, "rounds": [result_json(r) for r in e.results]})
            return _interrupted(e.results, True, e, as_json=as_json)
        _still_saved(store, results)
        if as_json:
            console.err.print(practice_views.mock_summary(results))
            finals = [r.overall or r.report for r in results]
            scores = [f.score for f in finals if f is not None]
            console.print_json(
                {
                    "rounds": [result_json(r) for r in results],
                    "passed": sum(1 for f in finals if f is not None and f.passed),
                    "mean_score": round(sum(scores) / len(scores), 1) if scores else None,
                }
            )
            return ExitCode.OK
        console.out.print(practice_views.mock_summary(results))
        return ExitCode.OK
    finally:
        store.close()
