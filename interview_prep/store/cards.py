"""The schedule: each question's fsrs card and due date, kept with the rating that set them; what `prep list` shows."""

from __future__ import annotations

from datetime import datetime
from typing import NamedTuple

from interview_prep.errors import StoreError
from interview_prep.store.connection import StoreBase, reads
from interview_prep.store.statuses import IN_PROGRESS
from interview_prep.store.times import iso


class QuestionHistory(NamedTuple):  # a NamedTuple: cheaper to define than a dataclass, and list runs often
    """What `prep list` shows beside a question."""

    attempts: int
    best_score: float | None
    due: datetime | None


class Cards(StoreBase):
    def rate_attempt(
        self,
        attempt_id: int,
        *,
        self_rating: str | None,
        rating: str,
        card_json: str,
        due: datetime,
        now: datetime,
    ) -> None:
        """Keep the self-rating and the question's new card together, or neither."""
        with self.write() as c:
            row = c.execute("SELECT question FROM attempts WHERE id=?", (attempt_id,)).fetchone()
            if row is None:
                raise StoreError(f"No attempt #{attempt_id} in the history.")
            c.execute("UPDATE attempts SET self_rating=?, rating=? WHERE id=?", (self_rating, rating, attempt_id))
            c.execute(
                "INSERT INTO cards (question, card_json, due, updated_at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT(question) DO UPDATE SET card_json=excluded.card_json, due=excluded.due,"
                " updated_at=excluded.updated_at",
                (row["question"], card_json, iso(due), iso(now)),
            )

    @reads
    def card(self, question: str) -> str | None:
        row = self.conn.execute("SELECT card_json FROM cards WHERE question=?", (question,)).fetchone()
        return None if row is None else str(row["card_json"])

    @reads
    def due_dates(self) -> dict[str, datetime]:
        rows = self.conn.execute("SELECT question, due FROM cards").fetchall()
        return {r["question"]: datetime.fromisoformat(r["due"]) for r in rows}

    @reads
    def question_history(self) -> dict[str, QuestionHistory]:
        """Per question: graded attempts, best score, next due date."""
        out: dict[str, QuestionHistory] = {}
        rows = self.conn.execute(
            "SELECT question, COUNT(score) AS n, MAX(score) AS best FROM attempts WHERE status != ? GROUP BY question",
            (IN_PROGRESS,),
        ).fetchall()
        due = self.due_dates()
        for r in rows:
            out[r["question"]] = QuestionHistory(r["n"], r["best"], due.get(r["question"]))
        for q, d in due.items():
            if q not in out:
                out[q] = QuestionHistory(0, None, d)
        return out
