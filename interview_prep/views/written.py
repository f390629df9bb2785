"""The terminal view of a written grade: key points with quotes or hints, misconceptions, notes, verdict."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table

from interview_prep.grading.report import GradeReport, Status


def render_written(report: GradeReport, console: Console) -> None:
    """Print what an interviewer would say: what was covered (quoted), what to add, what was wrong.

    The question's "How to answer" and "What they look for" text is the caller's to print after it.
    """
    extra: dict[str, Any] = report.extra
    table = Table(title="Key points", title_justify="left", show_lines=True)
    table.add_column("", width=1)
    table.add_column("key point", ratio=2)
    table.add_column("points", justify="right", no_wrap=True)
    table.add_column("where you said it, or what to add", ratio=3)
    for check in report.checks:
        covered = check.status is Status.PASS
        mark = "[green]✓[/]" if covered else "[red]✗[/]"
        feedback = escape(check.message) if covered else f"[yellow]{escape(check.message)}[/]"
        table.add_row(mark, escape(check.name), f"{check.points:g}/{check.max_points:g}", feedback)
    console.print(table)

    for item in extra.get("misconceptions") or []:
        console.print(f'[red]Wrong:[/] {escape(item["description"])} You wrote: "{escape(item["quote"])}"')
    for note in extra.get("notes") or []:
        console.print(f"[yellow]Note:[/] {escape(note)}")

    verdict = "[bold green]PASSED[/]" if report.passed else "[bold red]NOT PASSED[/]"
    pass_mark = extra.get("pass_mark")
    needed = f" (pass mark {pass_mark:g})" if isinstance(pass_mark, (int, float)) else ""
    console.print(Panel(f"Score [bold]{report.score:.1f}[/] / 100{needed}   {verdict}", expand=False))
