"""Views of the bank: the `prep list` table, a question as Markdown, a reference. Light: list imports it."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from interview_prep.models import Question
from interview_prep.views.console import out, show_markdown


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
