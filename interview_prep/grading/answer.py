"""The answer path: read the file once, find its question, and route it to the coding or written grader."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from interview_prep.bank import Bank
from interview_prep.errors import AnswerError
from interview_prep.grading.report import GradeReport
from interview_prep.grading.source import PREP_LINE, WRITTEN_SUFFIXES, parse_python, read_source
from interview_prep.models import Question

__all__ = ["PREP_LINE", "WRITTEN_SUFFIXES", "grade_answer", "identify", "parse_python", "read_source"]


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


def grade_answer(
    question: Question,
    path: Path,
    source: str,
    *,
    timeout: float | None = None,
    judge: str | None = None,
    note: Callable[[str], None] | None = None,
) -> GradeReport:
    """The grade of one answer. With `judge` (a model name), a written answer also gets the model's checked
    reading; when the model cannot give one, the rubric grade stands and `note` is told why, in one line."""
    if question.is_coding:
        if path.suffix != ".py":
            raise AnswerError(f"'{question.id}' is a coding question: grade a .py solution, not {path.name}.")
        from interview_prep.grading.coding import grade_coding  # lazily: pulls in NumPy

        return grade_coding(question, path, source, timeout=timeout)
    from interview_prep.grading.written import ensure_prose, grade_written

    ensure_prose(path, source, question.id)
    report = grade_written(question, source)
    report.extra.setdefault("grader", "rubric")
    if judge is None:
        return report
    from interview_prep.grading.judge import second_opinion

    judged, why = second_opinion(report, question, source, judge)
    if why is not None and note is not None:
        note(why)
    return judged
