"""The stdout and stderr consoles and how questions, tables and grades are drawn on them."""

from __future__ import annotations

import sys
import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

if TYPE_CHECKING:
    from interview_prep.grading.report import GradeReport
    from interview_prep.models import Question

# Results go to stdout, diagnostics to stderr, so `--json` output stays clean JSON.
out = Console(highlight=False)
err = Console(stderr=True, highlight=False)


def error(message: str) -> None:
    """One plain line on stderr. Not Rich markup: messages quote user text with brackets in it."""
    print(f"Error: {message}", file=sys.stderr)


def print_json(data: Any) -> None:
    import json

    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def bank_table(questions: Sequence[Question], extra_columns: dict[str, dict[str, str]] | None = None) -> Table:
    """The `prep list` table; extra_columns maps a column title to a value per question id."""
    from rich import box

    # A light box: on an 80-column terminal the heavy one leaves the title column too narrow.
    table = Table(
        title="Question bank", title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False, padding=(0, 1, 0, 0)
    )
    table.add_column("#", justify="right", style="bold")
    table.add_column("id", style="cyan", no_wrap=True)
    table.add_column("title")
    table.add_column("category", no_wrap=True)
    table.add_column("level", no_wrap=True)
    table.add_column("min", justify="right")
    for title in extra_columns or {}:
        table.add_column(title, justify="right")
    for q in questions:
        extras = [escape(values.get(q.id, "")) for values in (extra_columns or {}).values()]
        table.add_row(
            str(q.number), q.id, escape(q.title), q.category, q.difficulty, str(q.time_limit_minutes), *extras
        )
    return table


def question_markdown(q: Question, *, rubric: bool = False) -> str:
    """The question as Markdown: prompt, what to write, and with `rubric` how it is judged."""
    parts = [f"# {q.number}. {q.title}", f"*{q.category} · {q.difficulty} · {q.time_limit_minutes} minutes*", q.prompt]
    if q.is_coding:
        parts.append("## What to write")
        parts.append("A Python file that defines:")
        for fn in q.functions:
            doc = textwrap.indent(fn.docstring.rstrip(), "    ").lstrip()
            parts.append(f'```python\n{fn.signature}:\n    """{doc}\n    """\n```')
        parts.append(f"Then grade it: `prep grade FILE -q {q.id}`.")
    else:
        parts.append(f"Answer in writing (a .md or .txt file), then grade it: `prep grade FILE -q {q.id}`.")
    if rubric:
        parts.append(q.answer_guide)
    else:
        parts.append("*`prep show " + q.id + " --rubric` shows how to answer and what interviewers look for.*")
    return "\n\n".join(parts)


def show_solution(q: Question, lexer: str, text: str, console: Console = out) -> None:
    console.print(f"[bold]{q.number}. {escape(q.title)}[/]: the reference")
    if lexer == "markdown":
        show_markdown(text, console)
        return
    from rich.syntax import Syntax

    console.print(Syntax(text, lexer, line_numbers=False, word_wrap=True))


def show_markdown(text: str, console: Console = out) -> None:
    from rich.markdown import Markdown  # lazily: rich.markdown pulls in markdown-it

    console.print(Markdown(text))


_STATUS_STYLE = {"pass": "green", "fail": "red", "error": "red", "timeout": "yellow", "memory": "yellow"}


def render_report(report: GradeReport, question: Question, console: Console = out) -> None:
    """A grade for the terminal: checks (or key points), score and verdict, then the rubric text."""
    if report.kind == "written":
        from interview_prep.views.written import render_written

        render_written(report, console)
    else:
        _render_checks(report, question, console)
    show_markdown(question.answer_guide, console)


def _render_checks(report: GradeReport, question: Question, console: Console) -> None:
    from rich.panel import Panel

    table = Table(title=f"{question.number}. {escape(question.title)}", title_justify="left", show_lines=True)
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
    verdict = "[bold green]PASSED[/]" if report.passed else "[bold red]NOT PASSED[/]"
    console.print(Panel(f"Score [bold]{report.score:.1f}[/] / 100   {verdict}", expand=False))
