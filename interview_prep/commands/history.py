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

    store = open_history(read_only=True)
    try:
        report = figures(store.figures(), load_bank(bank_dirs).questions)
    finally:
        store.close()
    if as_json:
        console.print_json(report.to_json())
    else:
        render_stats(console.out, report)
    return ExitCode.OK


def history(
    bank_dirs: list[Path] | None,
    ref: str | None,
    *,
    show: int | None,
    limit: int,
    page: int = 1,
    as_json: bool = False,
    full: bool = False,
) -> ExitCode:
    """The attempts table (of one question), one page of the newest, or one attempt in full."""
    bank = load_bank(bank_dirs)
    questions = bank.questions
    ref_id = bank.get(ref).id if ref is not None else None
    from interview_prep.views.history import history_table, render_attempt

    store = open_history(read_only=True)
    try:
        if show is not None:
            attempt = store.attempt(show)
            if as_json:
                follow_ups = [f.to_json() for f in store.follow_ups(attempt.id)]
                console.print_json(attempt_json(attempt, full=True) | {"follow_ups": follow_ups})
                return ExitCode.OK
            question = next((q for q in questions if q.id == attempt.question), None)
            render_attempt(console.out, attempt, question, store.follow_ups(attempt.id), full=full)
            return ExitCode.OK
        total = store.count_attempts(ref_id)
        attempts = store.recent_attempts(ref_id, limit=limit, offset=(page - 1) * limit)
        asked = {a.id: [f.to_json() for f in store.follow_ups(a.id)] for a in attempts} if as_json else {}
    finally:
        store.close()
    if as_json:
        rows = [attempt_json(a) | {"follow_ups": asked.get(a.id, [])} for a in attempts]
        console.print_json({"total": total, "page": page, "limit": limit, "attempts": rows})
        return ExitCode.OK
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


def attempt_json(a: Attempt, *, full: bool = False) -> dict[str, object]:
    """An attempt for scripts; `full` adds its answer and grade (what --show prints)."""
    data: dict[str, object] = {
        "id": a.id,
        "question": a.question,
        "kind": a.kind,
        "mode": a.mode,
        "started_at": a.started_at.isoformat(),
        "ended_at": None if a.ended_at is None else a.ended_at.isoformat(),
        "time_used_s": a.time_used_s,
        "time_limit_s": a.time_limit_s,
        "over_time": a.over_time,
        "status": a.status,
        "score": a.score,
        "passed": a.passed,
        "self_rating": a.self_rating,
        "rating": a.rating,
        "grader_version": a.grader_version,
        # Which grader made the grade: the rubric grader, the judge's model, or (coding) the hidden suite.
        "grader": (a.grade or {}).get("grader") or ("suite" if a.kind == "coding" else "rubric"),
        "mock_id": a.mock_id,
    }
    if full:
        data |= {"answer": a.answer, "answer_path": a.answer_path, "grade": a.grade}
    return data
