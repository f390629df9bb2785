"""What an attempt reads back as, and times and grades as they are stored."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from interview_prep.errors import StoreError


@dataclass(frozen=True)
class Attempt:
    """One attempt at a question, as kept: its times, its answer and its grade."""

    id: int
    question: str
    kind: str
    mode: str
    started_at: datetime
    ended_at: datetime | None
    time_used_s: float | None
    time_limit_s: float | None
    over_time: bool
    status: str
    answer: str | None
    answer_path: str | None
    score: float | None
    passed: bool | None
    grade: dict[str, Any] | None
    self_rating: str | None
    rating: str | None
    grader_version: str | None
    mock_id: str | None


# The attempts table's columns but its id: what an import may set.
ATTEMPT_COLUMNS = (
    "question",
    "kind",
    "mode",
    "started_at",
    "ended_at",
    "time_used_s",
    "time_limit_s",
    "over_time",
    "status",
    "answer",
    "answer_path",
    "score",
    "passed",
    "grade_json",
    "self_rating",
    "rating",
    "grader_version",
    "mock_id",
)


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def iso(t: datetime | None) -> str | None:
    return None if t is None else t.astimezone(timezone.utc).isoformat()


def from_iso(s: str | None) -> datetime | None:
    return None if s is None else datetime.fromisoformat(s)


def stored_grade(text: str | None) -> dict[str, Any] | None:
    """A stored grade; one that no longer decodes reads as no grade rather than stopping every command."""
    if text is None:
        return None
    try:
        grade = json.loads(text)
    except ValueError:
        return None
    return grade if isinstance(grade, dict) else None


def json_or_none(data: dict[str, Any] | None) -> str | None:
    return None if data is None else json.dumps(data)


def attempt_from_row(row: sqlite3.Row) -> Attempt:
    try:
        started = from_iso(row["started_at"])
        ended = from_iso(row["ended_at"])
    except (TypeError, ValueError):
        raise StoreError(f"Attempt #{row['id']} in the history has a damaged date; it was left as it is.") from None
    assert started is not None  # NOT NULL in the schema
    return Attempt(
        id=row["id"],
        question=row["question"],
        kind=row["kind"],
        mode=row["mode"],
        started_at=started,
        ended_at=ended,
        time_used_s=row["time_used_s"],
        time_limit_s=row["time_limit_s"],
        over_time=bool(row["over_time"]),
        status=row["status"],
        answer=row["answer"],
        answer_path=row["answer_path"],
        score=row["score"],
        passed=None if row["passed"] is None else bool(row["passed"]),
        grade=stored_grade(row["grade_json"]),
        self_rating=row["self_rating"],
        rating=row["rating"],
        grader_version=row["grader_version"],
        mock_id=row["mock_id"],
    )
