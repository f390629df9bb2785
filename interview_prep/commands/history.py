"""`prep history` and `prep stats`: past attempts, one in full, and the figures over them."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from interview_prep.bank import load_bank
from interview_prep.commands.common import open_history
from interview_prep.errors import ExitCode
from interview_prep.views import console

if TYPE_CHECKING:
    from interview_prep.store import Attempt


def stats(bank_dirs: list[Path] | None, *, as_json: bool) -> ExitCode:
    from interview_prep.practice.stats import stats as figures
    from interview_prep.views.history import render_stats

    store = open_history()
    try:
        report = figures(store.figures(), load_bank(bank_dirs).questions)
    finally:
        store.close()
    if as_json:
        console.print_json(report.to_json())
    else:
        render_stats(console.out, report)
    return ExitCode.OK


def history(bank_dirs: list[Path] | None, ref: str | None, *, show: int | None, limit: int, page: int = 1) -> ExitCode:
    """The attempts table (of one question), one page of the newest, or one attempt in full."""
    bank = load_bank(bank_dirs)
    questions = bank.questions
    ref_id = bank.get(ref).id if ref is not None else None
    from interview_prep.views.history import history_table, render_attempt

    store = open_history()
    try:
        if show is not None:
            attempt = store.attempt(show)
            question = next((q for q in questions if q.id == attempt.question), None)
            render_attempt(console.out, attempt, question)
            return ExitCode.OK
        total = store.count_attempts(ref_id)
        attempts = store.recent_attempts(ref_id, limit=limit, offset=(page - 1) * limit)
    finally:
        store.close()
    if not attempts:
        if total:
            console.out.print(f"No page {page}: {total} attempts make {-(-total // limit)} pages of {limit}.")
        else:
            console.out.print("No attempts yet. `prep practice` starts one.")
        return ExitCode.OK
    console.out.print(history_table(attempts, caption=page_caption(total, len(attempts), limit, page, attempts)))
    return ExitCode.OK


def page_caption(total: int, shown: int, limit: int, page: int, attempts: list[Attempt]) -> str | None:
    """Where this page sits in the history, and what a "!" after a time means."""
    parts = []
    if shown < total:
        newest = (page - 1) * limit + 1
        more = " --page " + str(page + 1) + " for older" if newest + shown - 1 < total else ""
        parts.append(f"{newest}-{newest + shown - 1} newest of {total}{';' if more else ''}{more}")
    if any(a.over_time for a in attempts):
        parts.append("! over the time limit")
    return ". ".join(parts) + "." if parts else None
