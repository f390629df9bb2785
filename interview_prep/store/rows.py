"""What an attempt reads back as, and grades as they are stored (times: times.py)."""

from __future__ import annotations

import json
import sqlite3
import zlib
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from interview_prep.errors import StoreError
from interview_prep.store.times import from_iso


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


def stored_grade(value: str | bytes | None) -> dict[str, Any] | None:
    """A stored grade: JSON text, or (since m007) that text compressed. One that no longer decodes reads
    as no grade rather than stopping every command."""
    if value is None:
        return None
    try:
        grade = json.loads(zlib.decompress(value) if isinstance(value, bytes) else value)
    except (ValueError, zlib.error):
        return None
    return grade if isinstance(grade, dict) else None


def grade_to_store(grade: dict[str, Any] | None) -> bytes | None:
    """A grade as the history keeps it: its JSON compressed, since a coding grade's checks repeat
    themselves (3 KB of JSON keeps in under 1 KB)."""
    return None if grade is None else zlib.compress(json.dumps(grade).encode(), 6)


def grade_as_text(value: str | bytes | None) -> str | None:
    """A stored grade as JSON text, as an export carries it whatever the file keeps."""
    if not isinstance(value, bytes):
        return value
    grade = stored_grade(value)
    return None if grade is None else json.dumps(grade)


def compact_grade(value: str | bytes | None) -> str | bytes | None:
    """A grade from an export as the history keeps it; text that does not decode is kept as it is."""
    grade = stored_grade(value) if isinstance(value, str) else None
    return value if grade is None else grade_to_store(grade)


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
