"""The user's practice history: one SQLite file of attempts and scheduling cards."""

from __future__ import annotations

import functools
import json
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, TypeVar

from interview_prep import paths
from interview_prep.errors import StoreError
from interview_prep.store import integrity
from interview_prep.store.statuses import ABANDONED, GRADED, IN_PROGRESS

DB_NAME = paths.HISTORY_FILE
_T = TypeVar("_T")
# Long enough that a second `prep` finishing its own write never makes this one fail;
# writes are a handful of rows, so real waits are milliseconds.
BUSY_TIMEOUT_S = 30.0


# --- data ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Attempt:
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
        return {
            "kind": self.kind,
            "target": self.target,
            "prompt": self.prompt,
            "answer": self.answer,
            "grade": self.grade,
            "recovered": self.recovered,
        }


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


@dataclass(frozen=True)
class QuestionHistory:
    """What `prep list` shows beside a question."""

    attempts: int
    best_score: float | None
    due: datetime | None


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def _iso(t: datetime | None) -> str | None:
    return None if t is None else t.astimezone(timezone.utc).isoformat()


def _dt(s: str | None) -> datetime | None:
    return None if s is None else datetime.fromisoformat(s)


def _grade(text: str | None) -> dict[str, Any] | None:
    """A stored grade; one that no longer decodes reads as no grade rather than stopping every command."""
    if text is None:
        return None
    try:
        grade = json.loads(text)
    except ValueError:
        return None
    return grade if isinstance(grade, dict) else None


def _attempt(row: sqlite3.Row) -> Attempt:
    try:
        started = _dt(row["started_at"])
        ended = _dt(row["ended_at"])
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
        grade=_grade(row["grade_json"]),
        self_rating=row["self_rating"],
        rating=row["rating"],
        grader_version=row["grader_version"],
        mock_id=row["mock_id"],
    )


# --- the store ----------------------------------------------------------------------------


def _identity(path: Path | None) -> tuple[int, int] | None:
    if path is None:
        return None
    try:
        st = path.stat()
    except OSError:
        return (-1, -1)  # gone: never equal to the identity of a file that was there
    return (st.st_dev, st.st_ino)


def _reads(method: Callable[..., _T]) -> Callable[..., _T]:
    """A read that SQLite refuses (a table or column gone) is one clear StoreError, not a traceback."""

    @functools.wraps(method)
    def read(self: Store, *args: Any, **kwargs: Any) -> _T:
        try:
            return method(self, *args, **kwargs)
        except sqlite3.Error as e:
            raise refused(self.path, "read", e) from e

    return read


def refused(path: Path | None, doing: str, e: sqlite3.Error, fix: str = "") -> StoreError:
    """What SQLite refused, for the user; a damaged file is checked, set aside and salvaged on the next open."""
    if integrity.means_damage(e):
        integrity.forget(path)
        return StoreError(
            f"Cannot {doing} the history at {path}: parts of it can no longer be read; the next prep command"
            " sets the file aside and keeps what can still be read."
        )
    return StoreError(f"Cannot {doing} the history at {path}: {e}{fix}.")


class Store:
    """All reads and writes of the history go through here; every write is one transaction."""

    def __init__(self, conn: sqlite3.Connection, *, path: Path | None = None, recovered: str | None = None):
        self.conn = conn
        self.path = path
        # Set when a damaged file was moved aside on open: the message to show the user.
        self.recovered = recovered
        # Which file on disk this is: a history deleted (or replaced) while open keeps taking writes
        # into a file nobody will ever read again.
        self.identity = _identity(path)

    def on_disk(self) -> bool:
        """Whether what this store writes still lands in the file at its path."""
        return self.identity is None or _identity(self.path) == self.identity

    def copy_attempt(self, attempt_id: int, into: Store) -> int:
        """Write one attempt, with its question's card and its help taken, into another history; its new id."""
        row = dict(self.conn.execute("SELECT * FROM attempts WHERE id=?", (attempt_id,)).fetchone())
        card = self.conn.execute("SELECT * FROM cards WHERE question=?", (row["question"],)).fetchone()
        help_rows = [dict(r) for r in self.conn.execute("SELECT * FROM help_taken WHERE attempt_id=?", (attempt_id,))]
        asked = [dict(r) for r in self.conn.execute("SELECT * FROM follow_ups WHERE attempt_id=?", (attempt_id,))]
        del row["id"]
        with into.write() as c:
            cur = c.execute(
                f"INSERT INTO attempts ({', '.join(row)}) VALUES ({', '.join('?' for _ in row)})",  # noqa: S608
                tuple(row.values()),
            )
            assert cur.lastrowid is not None
            if card is not None:
                c.execute(
                    "INSERT OR REPLACE INTO cards (question, card_json, due, updated_at) VALUES (?, ?, ?, ?)",
                    (card["question"], card["card_json"], card["due"], card["updated_at"]),
                )
            for h in help_rows:
                c.execute(
                    "INSERT INTO help_taken (question, kind, hint_index, taken_at, attempt_id) VALUES (?, ?, ?, ?, ?)",
                    (h["question"], h["kind"], h["hint_index"], h["taken_at"], cur.lastrowid),
                )
            for f in asked:
                _insert_follow_up(c, {**f, "attempt_id": cur.lastrowid})
            return cur.lastrowid

    def close(self) -> None:
        self.conn.close()

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """A write transaction that takes the lock up front, so two writers queue, never fail."""
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.conn
            except BaseException:  # KeyboardInterrupt too: leave no half-written attempt
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise
            self.conn.execute("COMMIT")
        except sqlite3.Error as e:
            # Disk full, a lock held past the timeout, a file damaged while open: one line
            # for the user, not a traceback. A damaged file is set aside on the next open.
            fix = ""
            if self.path is not None and ("readonly" in str(e) or "unable to open" in str(e)):
                from interview_prep.store.opening import permission_problem

                problem = permission_problem(self.path)
                fix = f" ({problem})" if problem else ""
            raise refused(self.path, "write", e, fix) from e

    # attempts

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
        row = {"kind": kind, "mode": mode, "started_at": _iso(started_at), "time_limit_s": time_limit_s}
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
                    _iso(ended_at),
                    time_used_s,
                    int(over_time),
                    answer,
                    answer_path,
                    score,
                    None if passed is None else int(passed),
                    None if grade is None else json.dumps(grade),
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
                (ABANDONED, _iso(ended_at), time_used_s, answer, attempt_id),
            )

    def save_draft(self, attempt_id: int, answer: str) -> None:
        """The answer typed so far, kept in its attempt while it is still in progress."""
        with self.write() as c:
            c.execute("UPDATE attempts SET answer=? WHERE id=? AND status=?", (answer, attempt_id, IN_PROGRESS))

    @_reads
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
        row = {"kind": kind, "mode": mode, "started_at": _iso(started_at), "ended_at": _iso(ended_at)}
        return self._insert_attempt(
            question,
            {
                **row,
                "status": GRADED,
                "answer": answer,
                "answer_path": answer_path,
                "score": grade.get("score"),
                "passed": int(bool(grade.get("passed"))),
                "grade_json": json.dumps(grade),
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
            _claim_help(c, question, cur.lastrowid)
            return cur.lastrowid

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
                (row["question"], card_json, _iso(due), _iso(now)),
            )

    @_reads
    def attempt(self, attempt_id: int) -> Attempt:
        row = self.conn.execute("SELECT * FROM attempts WHERE id=?", (attempt_id,)).fetchone()
        if row is None:
            raise StoreError(f"No attempt #{attempt_id} in the history; `prep history` lists them.")
        return _attempt(row)

    @_reads
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
        return [_attempt(r) for r in rows]

    # hints and solutions

    def take_help(self, question: str, kind: str, *, now: datetime) -> tuple[int, int | None]:
        """Record a hint or a solution view; returns (hints taken so far for the attempt, its id).

        It counts against the question's attempt in progress, else against its next attempt.
        """
        with self.write() as c:
            attempt_id = _current_attempt(c, question, now)
            taken = self._hints(c, question, attempt_id)
            index = taken + 1 if kind == "hint" else None
            c.execute(
                "INSERT INTO help_taken (question, kind, hint_index, taken_at, attempt_id) VALUES (?, ?, ?, ?, ?)",
                (question, kind, index, _iso(now), attempt_id),
            )
            return taken + (kind == "hint"), attempt_id

    @_reads
    def hints_pending(self, question: str, *, now: datetime) -> int:
        """Hints already shown for the question's current (or next) attempt."""
        return self._hints(self.conn, question, _current_attempt(self.conn, question, now))

    @_reads
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

    @_reads
    def has_finished_attempt(self, question: str) -> bool:
        row = self.conn.execute(
            "SELECT 1 FROM attempts WHERE question=? AND status IN (?, ?) LIMIT 1", (question, GRADED, ABANDONED)
        ).fetchone()
        return row is not None

    # scheduling cards

    @_reads
    def card(self, question: str) -> str | None:
        row = self.conn.execute("SELECT card_json FROM cards WHERE question=?", (question,)).fetchone()
        return None if row is None else str(row["card_json"])

    @_reads
    def due_dates(self) -> dict[str, datetime]:
        rows = self.conn.execute("SELECT question, due FROM cards").fetchall()
        return {r["question"]: datetime.fromisoformat(r["due"]) for r in rows}

    @_reads
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

    # pages and figures: what `prep history` and `prep stats` read, in SQL, so they stay fast as the history grows

    @_reads
    def count_attempts(self, question: str | None = None) -> int:
        if question is None:
            row = self.conn.execute("SELECT COUNT(*) FROM attempts").fetchone()
        else:
            row = self.conn.execute("SELECT COUNT(*) FROM attempts WHERE question=?", (question,)).fetchone()
        return int(row[0])

    @_reads
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
        return [_attempt(r) for r in rows]

    @_reads
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

    # the whole history out and back in, and a reset

    @_reads
    def export_rows(self) -> dict[str, list[dict[str, Any]]]:
        """Every attempt, card, help and follow-up row as it is stored, oldest first."""
        tables = (
            ("attempts", "started_at, id"),
            ("cards", "question"),
            ("help_taken", "id"),
            ("follow_ups", "attempt_id, position"),
        )
        return {
            table: [dict(r) for r in self.conn.execute(f"SELECT * FROM {table} ORDER BY {order}")]  # noqa: S608
            for table, order in tables
        }

    def import_rows(self, data: dict[str, list[dict[str, Any]]]) -> tuple[int, int]:
        """Add an export's rows in one transaction; returns (attempts added, attempts already here).

        An attempt is the same attempt when its question, mode and start time are: importing an
        export twice adds nothing. A card replaces ours only when it was updated later.
        """
        added = skipped = 0
        new_ids: dict[int, int] = {}
        fresh: set[int] = set()  # attempts added now: only they take the export's follow-ups
        with self.write() as c:
            for row in data.get("attempts", []):
                same = c.execute(
                    "SELECT id FROM attempts WHERE question=? AND mode=? AND started_at=?",
                    (row["question"], row["mode"], row["started_at"]),
                ).fetchone()
                if same is not None:
                    skipped += 1
                    new_ids[int(row.get("id") or 0)] = int(same[0])
                    continue
                columns = [k for k in ATTEMPT_COLUMNS if k in row]
                cur = c.execute(
                    f"INSERT INTO attempts ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})",  # noqa: S608
                    [row[k] for k in columns],
                )
                assert cur.lastrowid is not None
                new_ids[int(row.get("id") or 0)] = cur.lastrowid
                fresh.add(cur.lastrowid)
                added += 1
            for card in data.get("cards", []):
                c.execute(
                    "INSERT INTO cards (question, card_json, due, updated_at) VALUES (?, ?, ?, ?)"
                    " ON CONFLICT(question) DO UPDATE SET card_json=excluded.card_json, due=excluded.due,"
                    " updated_at=excluded.updated_at WHERE excluded.updated_at > cards.updated_at",
                    (card["question"], card["card_json"], card["due"], card["updated_at"]),
                )
            for help_row in data.get("help_taken", []):
                attempt = help_row.get("attempt_id")
                attempt_id = None if attempt is None else new_ids.get(int(attempt))
                same = c.execute(
                    "SELECT 1 FROM help_taken WHERE question=? AND kind=? AND taken_at=?",
                    (help_row["question"], help_row["kind"], help_row["taken_at"]),
                ).fetchone()
                if same is None:
                    c.execute(
                        "INSERT INTO help_taken (question, kind, hint_index, taken_at, attempt_id)"
                        " VALUES (?, ?, ?, ?, ?)",
                        (
                            help_row["question"],
                            help_row["kind"],
                            help_row.get("hint_index"),
                            help_row["taken_at"],
                            attempt_id,
                        ),
                    )
            for f in data.get("follow_ups", []):
                attempt_id = new_ids.get(int(f.get("attempt_id") or 0))
                if attempt_id in fresh:
                    _insert_follow_up(c, {**f, "attempt_id": attempt_id})
        return added, skipped

    def reset(self, question: str | None = None) -> int:
        """Forget a question's attempts, card and help (all of them with None); returns attempts removed."""
        where, args = ("WHERE question=?", (question,)) if question is not None else ("", ())
        with self.write() as c:
            removed = int(c.execute(f"SELECT COUNT(*) FROM attempts {where}", args).fetchone()[0])  # noqa: S608
            c.execute(f"DELETE FROM follow_ups WHERE attempt_id IN (SELECT id FROM attempts {where})", args)  # noqa: S608
            for table in ("help_taken", "attempts", "cards"):
                c.execute(f"DELETE FROM {table} {where}", args)  # noqa: S608
        return removed

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
            row |= {"answer": answer, "grade_json": _json_or_none(grade), "recovered": recovered, "asked_at": _iso(now)}
            _insert_follow_up(c, row)

    @_reads
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
                _grade(r["grade_json"]),
                float(r["recovered"] or 0.0),
            )
            for r in rows
        ]

    def set_overall(self, attempt_id: int, overall: dict[str, Any]) -> None:
        """The one verdict over the main answer and its follow-ups, kept in the attempt's grade."""
        with self.write() as c:
            row = c.execute("SELECT grade_json FROM attempts WHERE id=?", (attempt_id,)).fetchone()
            grade = (_grade(row["grade_json"]) if row is not None else None) or {}
            grade["overall"] = overall
            c.execute("UPDATE attempts SET grade_json=? WHERE id=?", (json.dumps(grade), attempt_id))


# An attempt still "in progress" this long after its time limit was left by a crash or a
# killed terminal, not by someone still working on it: hints do not go to it.
STALE_AFTER_LIMIT = timedelta(minutes=15)


def _current_attempt(c: sqlite3.Connection, question: str, now: datetime) -> int | None:
    """The question's attempt in progress, if someone can still be working on it."""
    row = c.execute(
        "SELECT id, started_at, time_limit_s FROM attempts WHERE question=? AND status=? ORDER BY id DESC LIMIT 1",
        (question, IN_PROGRESS),
    ).fetchone()
    if row is None:
        return None
    started = _dt(row["started_at"])
    limit = timedelta(seconds=row["time_limit_s"] or 3600.0)
    if started is None or now > started + limit + STALE_AFTER_LIMIT:
        return None
    return int(row["id"])


def _claim_help(c: sqlite3.Connection, question: str, attempt_id: int) -> None:
    """Hints and solution views taken before an attempt started count against it."""
    c.execute("UPDATE help_taken SET attempt_id=? WHERE question=? AND attempt_id IS NULL", (attempt_id, question))

    # --- opening ------------------------------------------------------------------------------


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


def _insert_follow_up(c: sqlite3.Connection, row: dict[str, Any]) -> None:
    c.execute(
        f"INSERT INTO follow_ups ({', '.join(FOLLOW_UP_COLUMNS)}) VALUES ({', '.join('?' for _ in FOLLOW_UP_COLUMNS)})",  # noqa: S608
        [row.get(k) for k in FOLLOW_UP_COLUMNS],
    )


def _json_or_none(data: dict[str, Any] | None) -> str | None:
    return None if data is None else json.dumps(data)
