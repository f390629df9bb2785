"""Rich views of practice: the question panel, the rubric, history, stats and the mock summary."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from rich import box
from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.syntax import Syntax
from rich.table import Table
from rich.text import Text

from interview_prep.grading.report import GradeReport, Status
from interview_prep.history import Stats, StatsReport, report_from_json, sparkline
from interview_prep.models import Question
from interview_prep.session import Countdown, SessionResult, format_duration
from interview_prep.store import Attempt

ReportPrinter = Callable[[GradeReport, Question], None]


def when(t: datetime | None) -> str:
    return "" if t is None else t.astimezone().strftime("%Y-%m-%d %H:%M")  # local time, as the user lives it


def due_text(due: datetime | None, now: datetime) -> str:
    """Compact, for a table column: new, now, 5h, 3d."""
    if due is None:
        return "new"
    if due <= now:
        return "now"
    hours = (due - now).total_seconds() / 3600
    return f"{max(1, round(hours))}h" if hours < 24 else f"{round(hours / 24)}d"


def score_text(score: float | None) -> str:
    return "" if score is None else f"{score:.0f}"


def reflow(text: str) -> str:
    """Join the YAML's hard-wrapped lines so that Rich wraps to the terminal's width."""
    paragraphs = [" ".join(p.split()) for p in text.strip().split("\n\n")]
    return "\n\n".join(p for p in paragraphs if p)


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


def rubric_panel(question: Question) -> Panel:
    return Panel(
        Group(
            Text("How to answer", style="bold"),
            Text(reflow(question.how_to_answer)),
            Text(""),
            Text("What they look for", style="bold"),
            Text(reflow(question.what_they_look_for)),
        ),
        title="The rubric",
        border_style="magenta",
    )


def basic_report(report: GradeReport) -> RenderableType:
    """A compact grade table; the CLI uses console.render_report when main provides it."""
    verdict = "[green]passed[/]" if report.passed else "[red]not passed[/]"
    table = Table(title=f"{report.question}: {report.score:.1f}/100, {verdict}", show_lines=False)
    table.add_column("check")
    table.add_column("status")
    table.add_column("points", justify="right")
    table.add_column("message", overflow="fold")
    for c in report.checks:
        style = "green" if c.status is Status.PASS else "red"
        table.add_row(c.name, Text(c.status.value, style=style), f"{c.points:g}/{c.max_points:g}", c.message)
    return table


def timing_line(result: SessionResult) -> str:
    used, limit = format_duration(result.time_used_s), format_duration(result.time_limit_s)
    over = " (over time)" if result.over_time else ""
    return f"Time used {used} of {limit}{over}."


def schedule_line(result: SessionResult) -> str:
    """What the self-rating did to the schedule, why, and where to find the attempt again."""
    from interview_prep.schedule import RATINGS, help_cap

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


def make_report_renderer(
    print_report: ReportPrinter | None,
) -> Callable[[Console, GradeReport | None, Question, SessionResult], None]:
    """What a session shows after grading: the grade and the rubric text, then the time used.

    `print_report` is console.render_report, which ends with the rubric text itself.
    """

    def render(console: Console, report: GradeReport | None, question: Question, result: SessionResult) -> None:
        if report is None:
            console.print("[yellow]No grade: the answer could not be graded.[/]")
            console.print(rubric_panel(question))
        elif print_report is not None:
            print_report(report, question)
        else:
            console.print(basic_report(report))
            console.print(rubric_panel(question))
        console.print(timing_line(result), highlight=False)

    return render


# --- history ------------------------------------------------------------------------------


def attempt_status(a: Attempt) -> str:
    if a.status != "graded" or a.passed is None:
        return a.status
    return "passed" if a.passed else "failed"


def history_table(attempts: Sequence[Attempt]) -> Table:
    # The mode column only when there is more than plain practice: 80 columns are few.
    show_mode = any(a.mode != "practice" for a in attempts)
    table = Table(title="Attempts", title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column("#", justify="right", style="bold")
    table.add_column("when", no_wrap=True)
    table.add_column("question", style="cyan", no_wrap=True)
    if show_mode:
        table.add_column("mode", no_wrap=True)
    table.add_column("status", min_width=8)
    table.add_column("score", justify="right")
    table.add_column("time", justify="right", no_wrap=True)
    table.add_column("rating", min_width=6)
    for a in attempts:
        time = ""
        if a.time_used_s is not None and a.time_limit_s:
            time = f"{format_duration(a.time_used_s)}/{format_duration(a.time_limit_s)}"
            if a.over_time:
                time += " over"
        cells = [
            str(a.id),
            a.started_at.astimezone().strftime("%b %d %H:%M"),  # the year is in --show
            a.question,
            *([a.mode] if show_mode else []),
            attempt_status(a),
            score_text(a.score),
            time,
            a.self_rating or "",
        ]
        table.add_row(*cells)
    return table


def render_attempt(
    console: Console, attempt: Attempt, print_report: ReportPrinter | None, question: Question | None
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
        lines.append(f"Graded by {attempt.grader_version}")
    console.print("\n".join(lines), highlight=False, markup=False)
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
        report = report_from_json(attempt.grade)
        if print_report is not None and question is not None:
            print_report(report, question)
        else:
            console.print(basic_report(report))


# --- stats --------------------------------------------------------------------------------


def _stats_table(title: str, rows: Sequence[Stats]) -> Table:
    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column("name", style="cyan", no_wrap=True)
    for col in ("attempts", "best", "last", "avg time", "of limit"):
        table.add_column(col, justify="right")
    table.add_column("trend")
    for s in rows:
        table.add_row(
            s.name,
            str(s.attempts),
            score_text(s.best),
            score_text(s.last),
            "" if s.avg_time_used_s is None else format_duration(s.avg_time_used_s),
            "" if s.avg_time_ratio is None else f"{100 * s.avg_time_ratio:.0f}%",
            sparkline([score for _, score in s.trend]),
        )
    return table


def render_stats(console: Console, report: StatsReport) -> None:
    if not report.questions:
        console.print("No attempts yet. `prep practice` starts one.")
        return
    console.print(_stats_table("Questions", report.questions))
    console.print(_stats_table("Categories", report.categories))


# --- mock ---------------------------------------------------------------------------------


def mock_summary(results: Sequence[SessionResult]) -> Table:
    scores = [r.report.score for r in results if r.report is not None]
    passed = sum(1 for r in results if r.report is not None and r.report.passed)
    caption = f"{passed} of {len(results)} rounds passed"
    if scores:
        caption += f"; mean score {sum(scores) / len(scores):.0f}"
    table = Table(
        title="Mock interview loop",
        title_justify="left",
        caption=caption,
        caption_justify="left",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
    )
    for col in ("round", "question", "score", "verdict", "time", "rating"):
        table.add_column(col)
    for r in results:
        verdict = "" if r.report is None else ("passed" if r.report.passed else "not passed")
        table.add_row(
            r.question.category,
            r.question.id,
            "" if r.report is None else f"{r.report.score:.0f}",
            verdict or r.status,
            f"{format_duration(r.time_used_s)}/{format_duration(r.time_limit_s)}" + (" over" if r.over_time else ""),
            r.self_rating or "",
        )
    return table
