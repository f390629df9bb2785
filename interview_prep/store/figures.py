"""What `prep history` and `prep stats` read: pages and aggregates in SQL, so they stay fast as the history grows."""

from __future__ import annotations

from dataclasses import dataclass

from interview_prep.store.connection import StoreBase, reads
from interview_prep.store.rows import Attempt, attempt_from_row
from interview_prep.store.statuses import ABANDONED, IN_PROGRESS

# How many of a question's latest scores `prep stats` keeps as its trend.
TREND_POINTS = 32


@dataclass(frozen=True)
class QuestionFigures:
    """One question's figures for `prep stats`, aggregated by SQLite."""

    question: str
    attempts: int  # finished or abandoned
    graded: int  # with a score
    abandoned: int
    untimed: int  # by `prep grade`, not on a clock
    best: float | None
    timed: int  # with a time used and a limit
    time_sum_s: float
    time_ratio_sum: float
    recent: tuple[tuple[str, float], ...]  # (ISO time, score) of the latest scored attempts, oldest first
    daily: tuple[tuple[str, float, int], ...]  # (UTC day, mean score, scored attempts), oldest first


class Figures(StoreBase):
    @reads
    def count_attempts(self, question: str | None = None) -> int:
        if question is None:
            row = self.conn.execute("SELECT COUNT(*) FROM attempts").fetchone()
        else:
            row = self.conn.execute("SELECT COUNT(*) FROM attempts WHERE question=?", (question,)).fetchone()
        return int(row[0])

    @reads
    def recent_attempts(self, question: str | None = None, *, limit: int, offset: int = 0) -> list[Attempt]:
        """One page of attempts: the `limit` newest after skipping `offset` newer ones, returned oldest first."""
        where, args = ("WHERE question=?", [question]) if question is not None else ("", [])
        # The ids first, from an index (a row is kilobytes: sorting whole rows reads the whole file).
        ids = [
            r[0]
            for r in self.conn.execute(
                f"SELECT id FROM attempts {where} ORDER BY started_at DESC, id DESC LIMIT ? OFFSET ?",  # noqa: S608
                [*args, limit, offset],
            )
        ]
        if not ids:
            return []
        marks = ", ".join("?" for _ in ids)
        rows = self.conn.execute(
            f"SELECT * FROM attempts WHERE id IN ({marks}) ORDER BY started_at, id",  # noqa: S608
            ids,
        ).fetchall()
        return [attempt_from_row(r) for r in rows]

    @reads
    def figures(self, *, last_n: int = TREND_POINTS) -> list[QuestionFigures]:
        """Per question: counts, best, time sums, its last `last_n` scores and its mean score per day.

        Attempts still in progress (a crash's leftovers) are not counted.
        """
        timed = "time_used_s IS NOT NULL AND time_limit_s"
        rows = self.conn.execute(
            "SELECT question, COUNT(*) AS n, COUNT(score) AS graded, SUM(status=?) AS abandoned,"
            " SUM(mode='grade') AS untimed, MAX(score) AS best,"
            f" SUM(CASE WHEN {timed} THEN 1 ELSE 0 END) AS timed_n,"
            f" SUM(CASE WHEN {timed} THEN time_used_s END) AS time_sum,"
            f" SUM(CASE WHEN {timed} THEN time_used_s / time_limit_s END) AS ratio_sum"
            " FROM attempts WHERE status != ? GROUP BY question",
            (ABANDONED, IN_PROGRESS),
        ).fetchall()
        # One indexed search per question: numbering every attempt in one query sorts them all.
        recent = {
            r["question"]: [
                (t["started_at"], float(t["score"]))
                for t in reversed(
                    self.conn.execute(
                        "SELECT started_at, score FROM attempts WHERE question=? AND status != ? AND score IS NOT NULL"
                        " ORDER BY started_at DESC, id DESC LIMIT ?",
                        (r["question"], IN_PROGRESS, last_n),
                    ).fetchall()
                )
            ]
            for r in rows
        }
        daily: dict[str, list[tuple[str, float, int]]] = {}
        for r in self.conn.execute(
            "SELECT question, substr(started_at, 1, 10) AS day, AVG(score) AS mean, COUNT(*) AS n FROM attempts"
            " WHERE status != ? AND score IS NOT NULL GROUP BY question, day ORDER BY day",
            (IN_PROGRESS,),
        ):
            daily.setdefault(r["question"], []).append((r["day"], float(r["mean"]), int(r["n"])))
        return [
            QuestionFigures(
                question=r["question"],
                attempts=int(r["n"]),
                graded=int(r["graded"]),
                abandoned=int(r["abandoned"] or 0),
                untimed=int(r["untimed"] or 0),
                best=r["best"],
                timed=int(r["timed_n"] or 0),
                time_sum_s=float(r["time_sum"] or 0.0),
                time_ratio_sum=float(r["ratio_sum"] or 0.0),
                recent=tuple(recent.get(r["question"], ())),
                daily=tuple(daily.get(r["question"], ())),
            )
            for r in rows
        ]
