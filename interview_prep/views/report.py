"""The one view of a grade: a coding grade's checks or a written grade's key points, the verdict, then the rubric."""

from __future__ import annotations

import re

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from interview_prep.grading.report import GradeReport
from interview_prep.models import Question
from interview_prep.views.console import out, show_markdown

_STATUS_STYLE = {"pass": "green", "fail": "red", "error": "red", "timeout": "yellow", "memory": "yellow"}


def render_report(
    report: GradeReport, question: Question | None, console: Console = out, *, full: bool = False
) -> None:
    """A grade for the terminal: checks (or key points), score and verdict, then the rubric text
    (when the question is still in the bank: an old attempt's may not be).

    A coding grade is short unless `full`: the rubric first, then only what failed (an unimplemented
    function once, not once per check) and a one-line verdict, so the end of it fits a 24-line screen.
    """
    if report.kind == "written":
        from interview_prep.views.written import render_written

        render_written(report, console)
    elif not full:
        if question is not None:
            render_rubric(question, console)
        _render_failures(report, question, console)
        return
    else:
        _render_checks(report, question, console)
    if question is not None:
        render_rubric(question, console)


# How many failing checks the short view lists; the rest are one line (--full lists them all).
SHORT_ROWS = 8
_UNIMPLEMENTED = re.compile(r"^(\w+) raised NotImplementedError\b")


def _render_failures(report: GradeReport, question: Question | None, console: Console) -> None:
    from rich.padding import Padding

    title = report.question if question is None else f"{question.number}. {escape(question.title)}"
    console.print(f"[bold]{title}[/]")
    failing = [c for c in report.checks if c.status.value != "pass"]
    unimplemented: dict[str, int] = {}
    others = []
    for c in failing:
        match = _UNIMPLEMENTED.match(c.message)
        if match:
            unimplemented[match.group(1)] = unimplemented.get(match.group(1), 0) + 1
        else:
            others.append(c)
    for name, count in unimplemented.items():
        console.print(
            f"[red]✗[/] {escape(name)} is not written yet: it raises NotImplementedError"
            f" ({count} check{'s' if count != 1 else ''})."
        )
    if others:
        # The first failure in full (it is the one to fix first), with the smallest input that still
        # fails it when there is one, and the others one line each: all within a 24-line screen.
        first = others[0]
        shrunk = (first.counterexample or "") if first.status.value != "pass" else ""
        # A counterexample of several long lines (a gradient check's inputs) would push the verdict off
        # the screen: the short view names it, the full one shows it.
        tall = sum(1 + len(line) // max(20, console.width - 2) for line in shrunk.split("\n")) > 4
        rows = SHORT_ROWS - (1 if tall else 3 if shrunk else 0)
        rest = others[1 : 1 + rows]
        style = _STATUS_STYLE.get(first.status.value, "")
        console.print(f"[{style}]✗[/] [bold]{escape(first.name)}[/] ({first.status.value})")
        console.print(Padding(escape(first.message), (0, 0, 0, 2)))
        if tall:
            lines = shrunk.count("\n") + 1
            size = f"{lines} lines of Python" if lines > 1 else f"a line of Python ({len(shrunk)} characters)"
            console.print(
                Padding(f"[bold]Failing input:[/] {size} to paste: `prep grade --full` shows it.", (0, 0, 0, 2))
            )
        elif shrunk:
            console.print(Padding(f"[bold]Smallest failing input:[/] {escape(shrunk)}", (0, 0, 0, 2)))
            verdict = first.counterexample_verdict
            # What the smallest input got, unless it is what the message above already said.
            if verdict and not first.message.startswith(verdict.rstrip(".")):
                console.print(Padding(f"[dim]{escape(verdict)}[/]", (0, 0, 0, 2)))
        if rest:
            table = Table(box=None, show_header=False, show_edge=False, padding=(0, 1, 0, 0))
            widest = min(34, max(len(c.name) for c in rest) + 2)
            table.add_column("check", no_wrap=True, min_width=widest, max_width=widest, overflow="ellipsis")
            room = max(10, console.width - widest - 1)
            table.add_column("feedback", no_wrap=True, overflow="ellipsis", max_width=room)
            for c in rest:
                style = _STATUS_STYLE.get(c.status.value, "")
                status = "" if c.status.value == "fail" else f"{c.status.value}: "
                table.add_row(f"[{style}]✗[/] {escape(c.name)}", f"[{style}]{status}[/]{escape(c.message)}")
            console.print(table)
        if len(others) > 1 + rows:
            console.print(f"… and {len(others) - 1 - rows} more failing checks.")
    passed = len(report.checks) - len(failing)
    verdict = "[bold green]PASSED[/]" if report.passed else "[bold red]NOT PASSED[/]"
    more = "; --full lists every check" if report.checks else ""
    console.print(
        f"Score [bold]{report.score:.1f}[/] / 100   {verdict}   {passed} of {len(report.checks)} checks pass{more}.",
        highlight=False,
    )


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
    _counterexample(report, console)
    verdict = "[bold green]PASSED[/]" if report.passed else "[bold red]NOT PASSED[/]"
    console.print(Panel(f"Score [bold]{report.score:.1f}[/] / 100   {verdict}", expand=False))


def _counterexample(report: GradeReport, console: Console) -> None:
    """The first failure that has one, on the smallest input found that still fails it: code to paste."""
    from rich.panel import Panel

    first = next((c for c in report.checks if c.status.value != "pass" and c.counterexample), None)
    if first is None or not first.counterexample:
        return
    body = f"[bold]{escape(first.name)}[/] fails on\n\n{escape(first.counterexample)}"
    if first.counterexample_verdict:
        body += f"\n\n[dim]{escape(first.counterexample_verdict)}[/]"
    console.print(Panel(body, title="smallest failing input", title_align="left", expand=False))


def render_rubric(question: Question, console: Console = out) -> None:
    """The interviewer's rubric text: how to answer, then what they look for."""
    show_markdown(question.answer_guide, console)
