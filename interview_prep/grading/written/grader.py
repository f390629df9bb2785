"""Rubric grading of written answers: what each clause asserts, quoted, against the rubric's key points.

A key point is earned by a clause that asserts it: a listed phrase with the right polarity (negation
has a scope: its clause), a claim whose concepts move the right way (claims.py), or a clause close
enough to the point's own wording (similarity.py). A clause that says the opposite contradicts the
point; one whose polarity cannot be told is reported as unclear, never guessed.
"""

from typing import Protocol

from interview_prep.grading.report import GradeReport
from interview_prep.grading.written.phrases import compile_claim, compile_phrase
from interview_prep.grading.written.reading import ensure_prose, looks_like_python, read_answer_text
from interview_prep.grading.written.scoring import grade_written
from interview_prep.grading.written.segments import split_segments
from interview_prep.models import Question

__all__ = [
    "Grader",
    "RubricGrader",
    "compile_claim",
    "compile_phrase",
    "ensure_prose",
    "grade_written",
    "looks_like_python",
    "read_answer_text",
    "split_segments",
]


# The seam for other graders (an LLM judge, say): anything with this method can grade an answer.


class Grader(Protocol):
    """Grades one written answer to one question."""

    def grade(self, question: Question, text: str) -> GradeReport: ...


class RubricGrader:
    """The offline grader: matches the answer against the question's YAML rubric."""

    def grade(self, question: Question, text: str) -> GradeReport:
        return grade_written(question, text)
