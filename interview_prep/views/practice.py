"""Views of a practice session: the question panel, what follows a grade, the schedule line, the mock summary."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from interview_prep.grading.report import GradeReport
from interview_prep.models import Question
from interview_prep.practice.clock import Countdown, format_duration
from interview_prep.practice.mock import round_of
from interview_prep.practice.session import SessionResult
from interview_prep.views.console import rows_table
from interview_prep.views.report import render_report, render_rubric
from interview_prep.views.text import reflow, when


def timing_line(result: SessionResult) -> str:
    used, limit = format_duration(result.time_used_s), format_duration(result.time_limit_s)
    over = " (over time)" if result.over_time else ""
    return f"Time used {used} of {limit}{over}."


def schedule_line(result: SessionResult) -> str:
    """What the self-rating did to the schedule, why, and where to find the attempt again."""
    from interview_prep.practice.schedule import RATINGS, help_cap

    limits = []  # what held the rating below the user's own
    own = result.self_rating or "easy"
    if result.implied and RATINGS.index(result.implied) < RATINGS.index(own):
        limits.append(f"the grade says {result.implied}")
    cap = help_cap(result.hints, result.saw_solution)
    if RATINGS.index(cap) < RATINGS.index(own):
        taken = (
            "you saw the solution first"
            if result.saw_solution
            else (f"{result.hints} hint{'s' if result.hints != 1 else ''} taken")
        )
        limits.append(f"{taken}: {cap} at best")
    if result.self_rating is None:
        head = f"No self-rating; scheduled as {result.rating}, as the grade says."
    elif result.self_rating != result.rating:
        head = f"Rated {result.self_rating}; scheduled as {result.rating} ({'; '.join(limits)})."
    else:
        head = f"Rated {result.self_rating}; scheduled as {result.rating}."
    due = f" Next due {when(result.due)}." if result.due else ""
    return f"{head}{due} Attempt #{result.attempt_id} is in `prep history`."


def render_session_report(
    console: Console, report: GradeReport | None, question: Question, result: SessionResult
) -> None:
    """What a session shows after grading: the grade and the rubric text, then the time used."""
    if report is None:
        console.print("[yellow]No grade: the answer could not be graded.[/]")
        render_rubric(question, console)
    else:
        render_report(report, question, console)
    console.print(timing_line(result), highlight=False)


# --- mock ---------------------------------------------------------------------------------


def mock_summary(results: Sequence[SessionResult]) -> Table:
    """Each round's grade (the overall verdict once the interviewer asked back), its follow-ups, its time."""
    finals = [r.overall or r.report for r in results]
    scores = [f.score for f in finals if f is not None]
    passed = sum(1 for f in finals if f is not None and f.passed)
    caption = f"{passed} of {len(results)} rounds passed"
    if scores:
        caption += f"; mean score {sum(scores) / len(scores):.0f}"
    table = rows_table("Mock interview loop", caption, pad_edge=False)
    for col in ("round", "question", "score", "follow-ups", "verdict", "time", "rating"):
        table.add_column(col, no_wrap=col != "question")
    for r, final in zip(results, finals, strict=True):
        verdict = "" if final is None else ("passed" if final.passed else "not passed")
        asked = [a.report.score if a.report is not None else 0.0 for a in r.follow_ups]
        follow = "" if not asked else " ".join(f"{s:.0f}" for s in asked)
        table.add_row(
            round_of(r.question.category),
            r.question.id,
            "" if final is None else f"{final.score:.0f}",
            follow,
            verdict or r.status,
            f"{format_duration(r.time_used_s)}/{format_duration(r.time_limit_s)}" + (" over" if r.over_time else ""),
            r.self_rating or "",
        )
    return table


def question_panel(question: Question, countdown: Countdown) -> Panel:
    body: list[RenderableType] = [Text(reflow(question.prompt))]
    if question.is_coding and question.functions:
        names = ", ".join(f.name for f in question.functions)
        body.append(Text(f"\nDefine: {names} (the starter file has their signatures and contracts).", style="dim"))
    title = f"#{question.number} {question.id} · {question.category} · {question.difficulty}"
    return Panel(
        Group(*body),
        title=title,
        subtitle=f"time limit {format_duration(countdown.limit_s)}",
        border_style="cyan",
    )


def render_question(console: Console, question: Question, countdown: Countdown) -> None:
    console.print(question_panel(question, countdown))
