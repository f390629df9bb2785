"""Attempts: started, drafted, finished, abandoned or recorded whole, and read back."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from interview_prep.errors import StoreError
from interview_prep.store.connection import StoreBase, reads
from interview_prep.store.help_taken import claim_help
from interview_prep.store.rows import Attempt, attempt_from_row, grade_to_store
from interview_prep.store.statuses import ABANDONED, GRADED, IN_PROGRESS
from interview_prep.store.times import iso


class Attempts(StoreBase):
    def start_attempt(
        self,
        *,
        question: str,
        kind: str,
        mode: str,
        started_at: datetime,
        time_limit_s: float | None,
        mock_id: str | None = None,
    ) -> int:
        row = {"kind": kind, "mode": mode, "started_at": iso(started_at), "time_limit_s": time_limit_s}
        return self._insert_attempt(question, {**row, "status": IN_PROGRESS, "mock_id": mock_id})

    def finish_attempt(
        self,
        attempt_id: int,
        *,
        ended_at: datetime,
        time_used_s: float | None,
        over_time: bool,
        answer: str | None,
        answer_path: str | None,
        grade: dict[str, Any] | None,
        grader_version: str | None,
        status: str = GRADED,
    ) -> None:
        score = None if grade is None else grade.get("score")
        passed = None if grade is None else grade.get("passed")
        with self.write() as c:
            c.execute(
                "UPDATE attempts SET ended_at=?, time_used_s=?, over_time=?, answer=?, answer_path=?,"
                " score=?, passed=?, grade_json=?, grader_version=?, status=? WHERE id=?",
                (
                    iso(ended_at),
                    time_used_s,
                    int(over_time),
                    answer,
                    answer_path,
                    score,
                    None if passed is None else int(passed),
                    grade_to_store(grade),
                    grader_version,
                    status,
                    attempt_id,
                ),
            )

    def abandon_attempt(
        self, attempt_id: int, *, ended_at: datetime, time_used_s: float | None, answer: str | None
    ) -> None:
        """Mark an attempt abandoned, keeping whatever answer (and grade) it already has."""
        with self.write() as c:
            c.execute(
                "UPDATE attempts SET status=?, ended_at=?, time_used_s=?, answer=COALESCE(?, answer) WHERE id=?",
                (ABANDONED, iso(ended_at), time_used_s, answer, attempt_id),
            )

    def save_draft(self, attempt_id: int, answer: str) -> None:
        """The answer typed so far, kept in its attempt while it is still in progress."""
        with self.write() as c:
            c.execute("UPDATE attempts SET answer=? WHERE id=? AND status=?", (answer, attempt_id, IN_PROGRESS))

    @reads
    def unfinished_answer(self, question: str, *, before: int) -> tuple[int, str] | None:
        """(id, answer) of the question's last attempt before `before`, if it ended ungraded with a written answer."""
        row = self.conn.execute(
            "SELECT id, kind, status, answer, score, grade_json FROM attempts WHERE question=? AND id<?"
            " ORDER BY id DESC LIMIT 1",
            (question, before),
        ).fetchone()
        if row is None or row["kind"] != "written" or row["status"] not in (IN_PROGRESS, ABANDONED):
            return None
        if row["grade_json"] is not None or not (row["answer"] or "").strip():
            return None
        return int(row["id"]), str(row["answer"])

    def record_attempt(
        self,
        *,
        question: str,
        kind: str,
        mode: str,
        started_at: datetime,
        ended_at: datetime,
        answer: str | None,
        answer_path: str | None,
        grade: dict[str, Any],
        grader_version: str | None,
    ) -> int:
        """One finished, untimed attempt in one transaction (what `prep grade` keeps)."""
        row = {"kind": kind, "mode": mode, "started_at": iso(started_at), "ended_at": iso(ended_at)}
        return self._insert_attempt(
            question,
            {
                **row,
                "status": GRADED,
                "answer": answer,
                "answer_path": answer_path,
                "score": grade.get("score"),
                "passed": int(bool(grade.get("passed"))),
                "grade_json": grade_to_store(grade),
                "grader_version": grader_version,
            },
        )

    def _insert_attempt(self, question: str, row: dict[str, Any]) -> int:
        """A new attempt row; the help taken for its question while none was in progress becomes its own."""
        columns = ["question", *row]  # names from the two callers above, never from user input
        marks = ", ".join("?" for _ in columns)
        with self.write() as c:
            cur = c.execute(
                f"INSERT INTO attempts ({', '.join(columns)}) VALUES ({marks})",  # noqa: S608
                (question, *row.values()),
            )
            assert cur.lastrowid is not None
            claim_help(c, question, cur.lastrowid)
            return cur.lastrowid

    @reads
    def attempt(self, attempt_id: int) -> Attempt:
        row = self.conn.execute("SELECT * FROM attempts WHERE id=?", (attempt_id,)).fetchone()
        if row is None:
            raise StoreError(f"No attempt #{attempt_id} in the history; `prep history` lists them.")
        return attempt_from_row(row)

    @reads
    def attempts(self, question: str | None = None, *, mock_id: str | None = None) -> list[Attempt]:
        """Attempts oldest first, optionally of one question or one mock loop."""
        sql, args = "SELECT * FROM attempts", []
        where = []
        if question is not None:
            where.append("question=?")
            args.append(question)
        if mock_id is not None:
            where.append("mock_id=?")
            args.append(mock_id)
        if where:
            sql += " WHERE " + " AND ".join(where)
        rows = self.conn.execute(sql + " ORDER BY started_at, id", args).fetchall()
        return [attempt_from_row(r) for r in rows]

    @reads
    def has_finished_attempt(self, question: str) -> bool:
        row = self.conn.execute(
            "SELECT 1 FROM attempts WHERE question=? AND status IN (?, ?) LIMIT 1", (question, GRADED, ABANDONED)
        ).fetchone()
        return row is not None
