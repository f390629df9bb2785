"""Grade one answer file: find its question, read it, and route it to the coding or written grader."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from interview_prep.bank import Bank
from interview_prep.errors import AnswerError
from interview_prep.grading.report import GradeReport
from interview_prep.models import Question

# `# prep: kmeans` in a solution, or in a Markdown answer (where it is a heading), or as an HTML comment.
PREP_LINE = re.compile(r"^\s*(?:#|<!--|//)\s*prep\s*:\s*([A-Za-z0-9_-]+)", re.MULTILINE)
WRITTEN_SUFFIXES = (".md", ".txt", ".markdown")


def read_source(path: Path) -> str:
    """The answer file's text, or an AnswerError that says in one line what is wrong with it."""
    if not path.exists():
        raise AnswerError(f"No such file: {path}")
    if path.is_dir():
        raise AnswerError(f"{path} is a folder; give the answer file inside it.")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise AnswerError(f"{path}: cannot be read ({exc.strerror}).") from None
    if b"\x00" in data:
        raise AnswerError(f"{path.name} is a binary file, not text; give a .py solution or a .md/.txt answer.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        where = f"bad byte at offset {exc.start}"
        raise AnswerError(f"{path.name} is not UTF-8 text ({where}); save it as UTF-8.") from None
    if not text.strip():
        raise AnswerError(f"{path.name} is empty; write your answer in it and grade it again.")
    return text


def parse_python(path: Path, source: str) -> ast.Module:
    """The syntax tree of a solution, or an AnswerError with the line and column of its syntax error."""
    try:
        # compile, not only parse: "return outside function" or a late `from __future__` import
        # parse fine but fail at import, and they deserve the same line:col message.
        compile(source, str(path), "exec", dont_inherit=True)
        return ast.parse(source, filename=str(path))
    except SyntaxError as exc:
        line, col = exc.lineno or 0, exc.offset or 0
        raise AnswerError(f"{path.name}:{line}:{col}: {exc.msg} — the file does not parse, so it was not run") from None


def identify(bank: Bank, path: Path, source: str, ref: str | None) -> Question:
    """The question an answer is for: `-q`, else a `# prep: ID` line, else the functions a .py file defines."""
    if ref:
        return bank.get(ref)
    marked = PREP_LINE.search(source)
    if marked:
        return bank.get(marked.group(1))
    if path.suffix == ".py":
        parse_python(path, source)  # a syntax error is what to report first
        from interview_prep.grading.coding import question_from_functions

        guessed = question_from_functions(source, bank.questions)
        if guessed:
            return bank.get(guessed)
        raise AnswerError(
            f"{path} defines none of the functions a coding question asks for. "
            "Name the question with -q ID or a '# prep: ID' line at the top."
        )
    raise AnswerError(f"{path} names no question. Give -q ID (see `prep list`) or put a '# prep: ID' line at the top.")


def grade_answer(question: Question, path: Path, source: str, *, timeout: float | None = None) -> GradeReport:
    if question.is_coding:
        if path.suffix != ".py":
            raise AnswerError(f"'{question.id}' is a coding question: grade a .py solution, not {path.name}.")
        from interview_prep.grading.coding import grade_coding  # lazily: pulls in NumPy

        return grade_coding(question, path, timeout=timeout)
    from interview_prep.grading.written import ensure_prose, grade_written

    ensure_prose(path, source, question.id)
    return grade_written(question, source)
