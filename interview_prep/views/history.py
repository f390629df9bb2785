"""Views of the history: the attempts table, one attempt in full, and the stats tables."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.console import Console
from rich.table import Table

from interview_prep.models import Question
from interview_prep.practice.clock import format_duration
from interview_prep.store import Attempt, FollowUpRecord
from interview_prep.views.console import rows_table
from interview_prep.views.text import score_text, when

if TYPE_CHECKING:  # the attempt view's Syntax and the grade's views load only for --show
    from interview_prep.practice.stats import Stats, StatsReport


def attempt_status(a: Attempt) -> str:
    if a.status != "graded" or a.passed is None:
        return a.status
    return "passed" if a.passed else "failed"


# The table's short words: "practice" is the timed mode, told apart from an untimed `prep grade`.
_MODE_LABEL = {"practice": "timed", "mock": "mock", "grade": "grade"}
_STATUS_LABEL = {"in-progress": "open"}


def history_table(attempts: Sequence[Attempt], *, caption: str | None = None) -> Table:
    """The attempts, one line each, designed for 80 columns: short dates and words, no edge, no padding.

    Every column is one line; only a long question id folds, and only on a terminal too narrow for it.
    """
    show_mode = any(a.mode != "practice" for a in attempts)
    table = rows_table("Attempts", caption, show_edge=False, padding=0)
    table.add_column("#", justify="right", style="bold", no_wrap=True)
    table.add_column("when", no_wrap=True)
    table.add_column("question", style="cyan", overflow="fold")
    if show_mode:
        table.add_column("mode", no_wrap=True)
    table.add_column("status", no_wrap=True)
    table.add_column("score", justify="right", no_wrap=True)
    table.add_column("time", justify="right", no_wrap=True)
    table.add_column("rating", no_wrap=True)
    for a in attempts:
        time = ""
        if a.time_used_s is not None and a.time_limit_s:
            time = f"{format_duration(a.time_used_s)}/{format_duration(a.time_limit_s)}"
            if a.over_time:
                time += "!"
        status = attempt_status(a)
        cells = [
            str(a.id),
            a.started_at.astimezone().strftime("%m-%d %H:%M"),  # the year is in --show
            a.question,
            *([_MODE_LABEL.get(a.mode, a.mode)] if show_mode else []),
            _STATUS_LABEL.get(status, status),
            score_text(a.score),
            time,
            a.self_rating or "",
        ]
        table.add_row(*cells)
    return table


def render_attempt(
    console: Console,
    attempt: Attempt,
    question: Question | None,
    follow_ups: Sequence[FollowUpRecord] = (),
    *,
    full: bool = False,
) -> None:
    """One attempt in full: when, how long, the answer, the grade."""
    lines = [
        f"Attempt #{attempt.id}: {attempt.question} ({attempt.mode}), {attempt.status}",
        f"Started {when(attempt.started_at)}, ended {when(attempt.ended_at) or '-'}",
    ]
    if attempt.time_used_s is not None and attempt.time_limit_s:
        over = " (over time)" if attempt.over_time else ""
        used, limit = format_duration(attempt.time_used_s), format_duration(attempt.time_limit_s)
        lines.append(f"Time used {used} of {limit}{over}")
    if attempt.self_rating:
        lines.append(f"Self-rating {attempt.self_rating}; scheduled as {attempt.rating}")
    if attempt.grader_version:
        grader = str((attempt.grade or {}).get("grader") or "")
        judge = f", from the checked verdicts of the model {grader[4:]}" if grader.startswith("llm:") else ""
        lines.append(f"Graded by {attempt.grader_version}{judge}")
    console.print("\n".join(lines), highlight=False, markup=False)
    from rich.console import RenderableType
    from rich.panel import Panel
    from rich.syntax import Syntax
    from rich.text import Text

    from interview_prep.grading.report import report_from_json
    from interview_prep.views.report import render_report

    if attempt.answer:
        answer: RenderableType
        if attempt.kind == "coding":
            answer = Syntax(attempt.answer, "python", line_numbers=True, word_wrap=True)
        else:
            answer = Text(attempt.answer)
        console.print(Panel(answer, title="Answer", border_style="cyan"))
    else:
        console.print("(no answer saved)")
    if attempt.grade is not None:
        render_report(report_from_json(attempt.grade), question, console, full=full)
    for fu in follow_ups:
        grade = fu.grade or {}
        score = (
            f"{grade['score']:.0f}/100, {'passed' if grade.get('passed') else 'not passed'}" if grade else "not graded"
        )
        won = f"; won back {fu.recovered:.0f} points" if fu.recovered else ""
        console.print(f"Interviewer ({fu.kind} {fu.position}): {fu.prompt}", highlight=False, markup=False)
        console.print(Panel(Text(fu.answer or "(no answer)"), title=f"Your answer: {score}{won}", border_style="cyan"))
    overall = (attempt.grade or {}).get("overall")
    if isinstance(overall, dict):
        verdict = "PASSED" if overall.get("passed") else "NOT PASSED"
        console.print(
            f"Overall: {overall.get('score', 0):.0f}/100, {verdict} ({overall.get('summary', '')}).", markup=False
        )


# --- stats --------------------------------------------------------------------------------


def _stats_table(title: str, rows: Sequence[Stats]) -> Table:
    table = rows_table(title, show_edge=False, padding=(0, 1, 0, 0))
    table.add_column("name", style="cyan", overflow="fold")
    # Timed attempts (practice, mock) apart from untimed `prep grade` ones: only the timed have a time.
    for col in ("timed", "grade", "best", "last", "avg time", "of limit"):
        table.add_column(col, justify="right", no_wrap=True)
    for s in rows:
        table.add_row(
            s.name,
            str(s.timed),
            str(s.untimed),
            score_text(s.best),
            score_text(s.last),
            "" if s.avg_time_used_s is None else format_duration(s.avg_time_used_s),
            "" if s.avg_time_ratio is None else f"{100 * s.avg_time_ratio:.0f}%",
        )
    return table


def render_stats(console: Console, report: StatsReport) -> None:
    if not report.questions:
        console.print("No attempts yet. `prep practice` starts one.")
        return
    console.print(_stats_table("Questions", report.questions))
    console.print(_stats_table("Categories", report.categories))
    if any(c.progress for c in report.categories):
        from interview_prep.views.chart import progress_chart

        console.print(progress_chart(report.categories, width=console.width))
