"""The written grader: reads an answer against its question's rubric and returns a GradeReport."""

from interview_prep.grading.written.grader import (
    Grader,
    RubricGrader,
    compile_phrase,
    ensure_prose,
    grade_written,
    read_answer_text,
    split_segments,
)

__all__ = [
    "Grader",
    "RubricGrader",
    "compile_phrase",
    "ensure_prose",
    "grade_written",
    "read_answer_text",
    "split_segments",
]
