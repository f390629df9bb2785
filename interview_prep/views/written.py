"""The terminal view of a written grade: key points with quotes or hints, misconceptions, notes, verdict."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table

from interview_prep.grading.report import GradeReport, Status

# What each key point's verdict looks like in the table.
_MARKS = {
    "asserted": "[green]✓[/]",
    "missing": "[red]✗[/]",
    "contradicted": "[bold red]![/]",
    "unclear": "[yellow]?[/]",
}


def _render_disagreements(extra: dict[str, Any], console: Console) -> None:
    """With a model judge: where it and the rubric grader read a key point differently, both, side by side."""
    rows = extra.get("disagreements") or []
    grader = str(extra.get("grader", ""))
    if grader.startswith("llm:"):
        rubric = extra.get("rubric_grade") or {}
        dropped = len(extra.get("judge_discarded") or [])
        why = " (quote not in your answer, or no such key point)" if dropped else ""
        console.print(
            f"Graded from the verified verdicts of {escape(grader[4:])}, and the rubric grader's quotes where the "
            f"model found nothing; the rubric grader alone gave {rubric.get('score', 0):.0f}. "
            f"{dropped} verdict{'s' if dropped != 1 else ''} discarded{why}.",
            highlight=False,
        )
    if not rows:
        return
    table = Table(title="Where the model and the rubric grader disagree", title_justify="left", show_lines=True)
    table.add_column("key point", ratio=2)
    table.add_column("model", ratio=3)
    table.add_column("rubric grader", ratio=3)
    for row in rows:
        cells = []
        for side in ("judge", "rubric"):
            said = row.get(side) or {}
            quote = f': "{said["quote"]}"' if said.get("quote") else ""
            cells.append(escape(f"{said.get('verdict', 'missing')}{quote}"))
        table.add_row(escape(str(row.get("description", row.get("id", "")))), *cells)
    console.print(table)
    for why in extra.get("judge_discarded") or []:
        console.print(f"[dim]Discarded: {escape(str(why))}[/]")


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
    verdicts = [kp.get("verdict") for kp in extra.get("key_points") or []]
    for i, check in enumerate(report.checks):
        covered = check.status is Status.PASS
        verdict = verdicts[i] if i < len(verdicts) else None
        mark = _MARKS.get(str(verdict), "[green]✓[/]" if covered else "[red]✗[/]")
        feedback = escape(check.message) if covered else f"[yellow]{escape(check.message)}[/]"
        table.add_row(mark, escape(check.name), f"{check.points:g}/{check.max_points:g}", feedback)
    console.print(table)
    if verdicts and any(v in ("contradicted", "unclear") for v in verdicts):
        console.print("[dim]✓ said  ✗ missing  ! said the opposite  ? could not tell what you meant[/]")
    _render_disagreements(extra, console)

    for item in extra.get("misconceptions") or []:
        console.print(f'[red]Wrong:[/] {escape(item["description"])} You wrote: "{escape(item["quote"])}"')
    for note in extra.get("notes") or []:
        console.print(f"[yellow]Note:[/] {escape(note)}")

    verdict = "[bold green]PASSED[/]" if report.passed else "[bold red]NOT PASSED[/]"
    pass_mark = extra.get("pass_mark")
    needed = f" (pass mark {pass_mark:g})" if isinstance(pass_mark, (int, float)) else ""
    console.print(Panel(f"Score [bold]{report.score:.1f}[/] / 100{needed}   {verdict}", expand=False))
