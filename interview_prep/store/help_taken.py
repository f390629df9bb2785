"""Hints shown and solutions viewed: each counts against its question's attempt in progress, or its next one."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta

from interview_prep.store.connection import StoreBase, reads
from interview_prep.store.statuses import IN_PROGRESS
from interview_prep.store.times import from_iso, iso


class HelpTaken(StoreBase):
    def take_help(self, question: str, kind: str, *, now: datetime) -> tuple[int, int | None]:
        """Record a hint or a solution view; returns (hints taken so far for the attempt, its id).

        It counts against the question's attempt in progress, else against its next attempt.
        """
        with self.write() as c:
            attempt_id = current_attempt(c, question, now)
            taken = self._hints(c, question, attempt_id)
            index = taken + 1 if kind == "hint" else None
            c.execute(
                "INSERT INTO help_taken (question, kind, hint_index, taken_at, attempt_id) VALUES (?, ?, ?, ?, ?)",
                (question, kind, index, iso(now), attempt_id),
            )
            return taken + (kind == "hint"), attempt_id

    @reads
    def hints_pending(self, question: str, *, now: datetime) -> int:
        """Hints already shown for the question's current (or next) attempt."""
        return self._hints(self.conn, question, current_attempt(self.conn, question, now))

    @reads
    def help_for_attempt(self, attempt_id: int) -> tuple[int, bool]:
        """(hints shown, whether the solution was viewed) for one attempt."""
        rows = self.conn.execute(
            "SELECT kind, COUNT(*) AS n FROM help_taken WHERE attempt_id=? GROUP BY kind", (attempt_id,)
        ).fetchall()
        counts = {r["kind"]: int(r["n"]) for r in rows}
        return counts.get("hint", 0), counts.get("solution", 0) > 0

    @staticmethod
    def _hints(c: sqlite3.Connection, question: str, attempt_id: int | None) -> int:
        # IS, not =: it matches NULL (hints waiting for the next attempt) as well as an id.
        row = c.execute(
            "SELECT COUNT(*) FROM help_taken WHERE question=? AND kind='hint' AND attempt_id IS ?",
            (question, attempt_id),
        ).fetchone()
        return int(row[0])


# An attempt still "in progress" this long after its time limit was left by a crash or a
# killed terminal, not by someone still working on it: hints do not go to it.
STALE_AFTER_LIMIT = timedelta(minutes=15)


def current_attempt(c: sqlite3.Connection, question: str, now: datetime) -> int | None:
    """The question's attempt in progress, if someone can still be working on it."""
    row = c.execute(
        "SELECT id, started_at, time_limit_s FROM attempts WHERE question=? AND status=? ORDER BY id DESC LIMIT 1",
        (question, IN_PROGRESS),
    ).fetchone()
    if row is None:
        return None
    started = from_iso(row["started_at"])
    limit = timedelta(seconds=row["time_limit_s"] or 3600.0)
    if started is None or now > started + limit + STALE_AFTER_LIMIT:
        return None
    return int(row["id"])


def claim_help(c: sqlite3.Connection, question: str, attempt_id: int) -> None:
    """Hints and solution views taken before an attempt started count against it."""
    c.execute("UPDATE help_taken SET attempt_id=? WHERE question=? AND attempt_id IS NULL", (attempt_id, question))
