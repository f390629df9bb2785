"""The one view of a grade: a coding grade's checks or a written grade's key points, the verdict, then the rubric."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from interview_prep.grading.report import GradeReport
from interview_prep.models import Question
from interview_prep.views.console import out, show_markdown

_STATUS_STYLE = {"pass": "green", "fail": "red", "error": "red", "timeout": "yellow", "memory": "yellow"}


def render_report(report: GradeReport, question: Question | None, console: Console = out) -> None:
    """A grade for the terminal: checks (or key points), score and verdict, then the rubric text
    (when the question is still in the bank: an old attempt's may not be)."""
    if report.kind == "written":
        from interview_prep.views.written import render_written

        render_written(report, console)
    else:
        _render_checks(report, question, console)
    if question is not None:
        render_rubric(question, console)


def _render_checks(report: GradeReport, question: Question | None, console: Console) -> None:
    from rich.panel import Panel

    title = report.question if question is None else f"{question.number}. {escape(question.title)}"
    table = Table(title=title, title_justify="left", show_lines=True)
    table.add_column("check", ratio=2)
    table.add_column("status", no_wrap=True)
    table.add_column("points", justify="right", no_wrap=True)
    table.add_column("feedback", ratio=3)
    for c in report.checks:
        style = _STATUS_STYLE.get(c.status.value, "")
        table.add_row(
            f"{escape(c.name)}\n[dim]{c.category.value}[/]",
            f"[{style}]{c.status.value}[/]",
            f"{c.points:g}/{c.max_points:g}",
            escape(c.message),
        )
    console.print(table)
    first = next((c for c in report.checks if c.status.value != "pass" and c.counterexample), None)
    if first is not None and first.counterexample:
        # The first failure, on the smallest input found that still fails it: code the user can paste.
        body = f"[bold]{escape(first.name)}[/] fails on\n\n{escape(first.counterexample)}"
        if first.counterexample_verdict:
            body += f"\n\n[dim]{escape(first.counterexample_verdict)}[/]"
        console.print(Panel(body, title="smallest failing input", title_align="left", expand=False))
    verdict = "[bold green]PASSED[/]" if report.passed else "[bold red]NOT PASSED[/]"
    console.print(Panel(f"Score [bold]{report.score:.1f}[/] / 100   {verdict}", expand=False))


def render_rubric(question: Question, console: Console = out) -> None:
    """The interviewer's rubric text: how to answer, then what they look for."""
    show_markdown(question.answer_guide, console)
