"""Histories for the store tests: one graded attempt, as `prep grade` keeps it."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from interview_prep.store import Store

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=timezone.utc)


# What `prep grade` keeps of a written answer, but its question, time and grade.
BY_PREP_GRADE: dict[str, Any] = {
    "kind": "written",
    "mode": "grade",
    "answer": "my answer",
    "answer_path": None,
    "grader_version": "t",
}


def graded(
    store: Store,
    question: str = "batchnorm",
    *,
    score: float = 70.0,
    at: datetime = T0,
    checks: list[Any] | None = None,
) -> int:
    """A written attempt graded by `prep grade` at `at`, answered "my answer"; its id."""
    grade = {"question": question, "score": score, "passed": True, "checks": checks or []}
    return store.record_attempt(question=question, grade=grade, started_at=at, ended_at=at, **BY_PREP_GRADE)
