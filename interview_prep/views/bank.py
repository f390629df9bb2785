"""Views of the bank: the `prep list` table, a question as Markdown, a reference. Light: list imports it."""

from __future__ import annotations

import re
import textwrap
from collections.abc import Sequence

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from interview_prep.models import Question
from interview_prep.views.console import out, rows_table, show_markdown

# Short forms for a narrow terminal: the category and level columns give their width to the title.
_CATEGORY_ABBREV = {"fundamentals": "fund", "system-design": "design", "behavioral": "behav", "project": "proj"}
_LEVEL_ABBREV = {"easy": "easy", "medium": "med", "hard": "hard"}
# The title gets at least this much before the table abbreviates: below it, titles wrap over 3+ lines.
_TITLE_MIN = 24


def bank_table(
    questions: Sequence[Question], extra_columns: dict[str, dict[str, str]] | None = None, *, width: int | None = None
) -> Table:
    """The `prep list` table; extra_columns maps a column title to a value per question id.

    Designed for `width` columns (the terminal's): every column but the title is one line; when the
    full words leave the title under `_TITLE_MIN`, category and level are abbreviated.
    """

    extra = extra_columns or {}
    width = out.width if width is None else width

    def cells(q: Question, short: bool) -> list[str]:
        category = _CATEGORY_ABBREV.get(q.category, q.category) if short else q.category
        level = _LEVEL_ABBREV.get(q.difficulty, q.difficulty) if short else q.difficulty
        fixed = [str(q.number), q.id, category, level, str(q.time_limit_minutes)]
        return fixed + [values.get(q.id, "") for values in extra.values()]

    def fixed_width(short: bool) -> int:
        heads = ["#", "id", "cat" if short else "category", "lvl" if short else "level", "min", *extra]
        widest = [len(h) for h in heads]
        for q in questions:
            widest = [max(w, len(c)) for w, c in zip(widest, cells(q, short), strict=True)]
        return sum(widest) + len(widest)  # the box's one-space separator between columns

    short = width - fixed_width(False) < min(_TITLE_MIN, max((len(q.title) for q in questions), default=0))
    # A light box, no edge, no padding beyond its one-space separator: 80 columns are few.
    table = rows_table("Question bank", show_edge=False, padding=0)
    table.add_column("#", justify="right", style="bold", no_wrap=True)
    table.add_column("id", style="cyan", no_wrap=True)
    table.add_column("title")
    table.add_column("cat" if short else "category", no_wrap=True)
    table.add_column("lvl" if short else "level", no_wrap=True)
    table.add_column("min", justify="right", no_wrap=True)
    for title in extra:
        table.add_column(title, justify="right", no_wrap=True)
    for q in questions:  # Text, not markup: a title's brackets are its own, and nothing is parsed
        number, qid, *rest = (Text(c) for c in cells(q, short))
        table.add_row(number, qid, Text(q.title), *rest)
    return table


# A docstring line that starts its own item ("labels: ...", "- ...", "2. ..."): never joined to the one above.
_ITEM = re.compile(r"\s*(?:[-*]\s|\d+[.)]\s|[\w ,()\[\]*]+:\s)")


def fit_code(code: str, width: int) -> str:
    """Code re-wrapped to `width` where only a comment or docstring line is too long.

    Each long line breaks at spaces and continues at its own indentation, so the code stays valid
    Python and no line wraps back to column 0. Inside a docstring, the words a long line pushes off
    go on to the start of the next line of the same sentence, as a person re-wrapping it would do,
    rather than a short line of their own. A line with no space to break at stays as it is.
    """
    fitted: list[str] = []
    carry, carry_indent = "", ""  # words pushed off a long docstring line
    for number, line in enumerate(code.splitlines()):
        indent = line[: len(line) - len(line.lstrip())]
        if carry:
            continues = line.strip() and indent == carry_indent and '"""' not in line and not _ITEM.match(line)
            if continues:
                line = f"{indent}{carry} {line.strip()}"
            else:
                fitted += _wrap(indent=carry_indent, text=carry, width=width)
            carry = ""
        if len(line) <= width or not line.strip():
            fitted.append(line)
            continue
        first, *rest = _wrap(indent=indent, text=line.strip(), width=width) or [line]
        fitted.append(first)
        in_docstring = number > 0 and line.count('"""') != 2  # the signature's own line is code
        if rest and in_docstring:
            carry, carry_indent = " ".join(r.strip() for r in rest), indent
        else:
            fitted += rest
    if carry:
        fitted += _wrap(indent=carry_indent, text=carry, width=width)
    return "\n".join(fitted)


def _wrap(*, indent: str, text: str, width: int) -> list[str]:
    return textwrap.wrap(
        text, width, initial_indent=indent, subsequent_indent=indent, break_long_words=False, break_on_hyphens=False
    )


def follow_ups_markdown(q: Question) -> str:
    """What the interviewer may ask after the main answer: a coding question's follow-ups; for a written
    one, the probe behind each key point and the challenge behind each misconception."""
    parts = ["## What the interviewer may ask next"]
    if q.follow_ups:
        parts += [f"- {fu.prompt} *({fu.time_limit_minutes} min)*" for fu in q.follow_ups]
    if q.rubric is not None:
        parts += [
            f'- If your answer misses "{kp.description.rstrip(".")}": *{kp.probe}*'
            for kp in q.rubric.key_points
            if kp.probe
        ]
        parts += [
            f"- If your answer {mc.description[:1].lower()}{mc.description[1:].rstrip('.')}: *{mc.challenge}*"
            for mc in q.rubric.misconceptions
            if mc.challenge
        ]
    if len(parts) == 1:
        parts.append("Nothing: this question has no follow-ups or probes.")
    return parts[0] + "\n\n" + "\n".join(parts[1:])  # the heading, then one list


def question_markdown(q: Question, *, rubric: bool = False, width: int | None = None, follow_ups: bool = False) -> str:
    """The question as Markdown: prompt, what to write, and with `rubric` how it is judged.

    With `width`, the functions' contracts are re-wrapped to fit a Rich code block that wide.
    """
    parts = [f"# {q.number}. {q.title}", f"*{q.category} · {q.difficulty} · {q.time_limit_minutes} minutes*", q.prompt]
    if q.is_coding:
        parts.append("## What to write")
        parts.append("A Python file that defines:")
        for fn in q.functions:
            doc = textwrap.indent(fn.docstring.rstrip(), "    ").lstrip()
            code = f'{fn.signature}:\n    """{doc}\n    """'
            if width is not None:
                code = fit_code(code, width - 2)  # a Markdown code block pads one column each side
            parts.append(f"```python\n{code}\n```")
        parts.append(f"Then grade it: `prep grade FILE -q {q.id}`.")
    else:
        parts.append(f"Answer in writing (a .md or .txt file), then grade it: `prep grade FILE -q {q.id}`.")
    if rubric:
        parts.append(q.answer_guide)
    else:
        parts.append("*`prep show " + q.id + " --rubric` shows how to answer and what interviewers look for.*")
    if follow_ups:
        parts.append(follow_ups_markdown(q))
    return "\n\n".join(parts)


def show_solution(q: Question, lexer: str, text: str, console: Console = out) -> None:
    """The reference: to a file or a pipe, exactly the file (`prep solution 1 > ref.py` runs); on a
    terminal, a title and the code highlighted, its long lines left long (never wrapped at the width)."""
    if not console.is_terminal:
        import sys

        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        sys.stdout.flush()
        return
    console.print(f"[bold]{q.number}. {escape(q.title)}[/]: the reference")
    if lexer == "markdown":
        show_markdown(text, console)
        return
    from rich.syntax import Syntax

    code = Syntax(text, lexer).highlight(text)
    code.rstrip()
    console.print(code, soft_wrap=True)
