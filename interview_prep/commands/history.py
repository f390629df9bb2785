"""`prep history` and `prep stats`: past attempts, one in full, and the figures over them."""

from __future__ import annotations

from pathlib import Path

from interview_prep.bank import load_bank
from interview_prep.commands.common import open_history
from interview_prep.errors import ExitCode
from interview_prep.views import console


def stats(bank_dirs: list[Path] | None, *, as_json: bool) -> ExitCode:
    from interview_prep.practice.stats import stats as figures
    from interview_prep.views.history import render_stats

    store = open_history(read_only=True)
    try:
        report = figures(store.attempts(), load_bank(bank_dirs).questions)
    finally:
        store.close()
    if as_json:
        console.print_json(report.to_json())
    else:
        render_stats(console.out, report)
    return ExitCode.OK


def history(bank_dirs: list[Path] | None, ref: str | None, *, show: int | None, limit: int) -> ExitCode:
    """The attempts table (of one question), or one attempt in full."""
    bank = load_bank(bank_dirs)
    questions = bank.questions
    ref_id = bank.get(ref).id if ref is not None else None
    from interview_prep.views.history import history_table, render_attempt

    store = open_history(read_only=True)
    try:
        if show is not None:
            attempt = store.attempt(show)
            question = next((q for q in questions if q.id == attempt.question), None)
            render_attempt(console.out, attempt, question, store.follow_ups(attempt.id))
            return ExitCode.OK
        attempts = store.attempts(ref_id)
    finally:
        store.close()
    if not attempts:
        console.out.print("No attempts yet. `prep practice` starts one.")
        return ExitCode.OK
    console.out.print(history_table(attempts[-limit:]))
    return ExitCode.OK
