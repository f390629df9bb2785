"""Follow-ups: what the interviewer asked after an attempt's main answer, each kept the moment it is answered."""

from __future__ import annotations

import sqlite3
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from interview_prep.store.connection import StoreBase, reads
from interview_prep.store.rows import grade_to_store, stored_grade
from interview_prep.store.times import iso


@dataclass(frozen=True)
class FollowUpRecord:
    """One thing the interviewer asked after an attempt's main answer, as kept."""

    position: int
    kind: str
    target: str
    prompt: str
    answer: str | None
    grade: dict[str, Any] | None
    recovered: float

    def to_json(self) -> dict[str, Any]:
        """Its fields but its position, which the order of a list already says."""
        return {k: v for k, v in asdict(self).items() if k != "position"}


FOLLOW_UP_COLUMNS = (
    "attempt_id",
    "position",
    "kind",
    "target",
    "prompt",
    "answer",
    "grade_json",
    "recovered",
    "asked_at",
)


def insert_follow_up(c: sqlite3.Connection, row: dict[str, Any]) -> None:
    c.execute(
        f"INSERT INTO follow_ups ({', '.join(FOLLOW_UP_COLUMNS)}) VALUES ({', '.join('?' for _ in FOLLOW_UP_COLUMNS)})",  # noqa: S608
        [row.get(k) for k in FOLLOW_UP_COLUMNS],
    )


class FollowUps(StoreBase):
    def record_follow_up(
        self,
        attempt_id: int,
        *,
        kind: str,
        target: str,
        prompt: str,
        answer: str | None,
        grade: dict[str, Any] | None,
        recovered: float,
        now: datetime,
    ) -> None:
        """Keep one asked follow-up with its answer, the moment it is answered: Ctrl-C later loses nothing."""
        with self.write() as c:
            (position,) = c.execute("SELECT COUNT(*) + 1 FROM follow_ups WHERE attempt_id=?", (attempt_id,)).fetchone()
            row = {"attempt_id": attempt_id, "position": position, "kind": kind, "target": target, "prompt": prompt}
            row |= {"answer": answer, "grade_json": grade_to_store(grade), "recovered": recovered, "asked_at": iso(now)}
            insert_follow_up(c, row)

    @reads
    def follow_ups(self, attempt_id: int) -> list[FollowUpRecord]:
        rows = self.conn.execute(
            "SELECT * FROM follow_ups WHERE attempt_id=? ORDER BY position", (attempt_id,)
        ).fetchall()
        return [
            FollowUpRecord(
                r["position"],
                r["kind"],
                r["target"],
                r["prompt"],
                r["answer"],
                stored_grade(r["grade_json"]),
                float(r["recovered"] or 0.0),
            )
            for r in rows
        ]

    def set_overall(self, attempt_id: int, overall: dict[str, Any]) -> None:
        """The one verdict over the main answer and its follow-ups, kept in the attempt's grade."""
        with self.write() as c:
            row = c.execute("SELECT grade_json FROM attempts WHERE id=?", (attempt_id,)).fetchone()
            grade = (stored_grade(row["grade_json"]) if row is not None else None) or {}
            grade["overall"] = overall
            c.execute("UPDATE attempts SET grade_json=? WHERE id=?", (grade_to_store(grade), attempt_id))
