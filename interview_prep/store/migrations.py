"""The history's schema, as migrations applied in order: append-only; never edit one that has shipped, add the next."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable


def m001_attempts(conn: sqlite3.Connection) -> None:
    conn.execute(
        """
        CREATE TABLE attempts (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            question TEXT NOT NULL,
            kind TEXT NOT NULL,              -- coding | written
            mode TEXT NOT NULL,              -- practice | mock | grade
            started_at TEXT NOT NULL,        -- ISO 8601, UTC
            ended_at TEXT,
            time_used_s REAL,
            time_limit_s REAL,
            over_time INTEGER NOT NULL DEFAULT 0,
            status TEXT NOT NULL,            -- in-progress | graded | abandoned
            answer TEXT,                     -- the written answer or the solution source
            answer_path TEXT,
            score REAL,
            passed INTEGER,
            grade_json TEXT,
            self_rating TEXT,                -- again | hard | good | easy, as the user said
            rating TEXT,                     -- the rating the scheduler was given
            grader_version TEXT
        )
        """
    )
    conn.execute("CREATE INDEX attempts_question ON attempts(question, started_at)")


def m002_cards(conn: sqlite3.Connection) -> None:
    # One fsrs card per question; `due` is copied out of the JSON so that `prep list`
    # can show it without importing fsrs.
    conn.execute(
        """
        CREATE TABLE cards (
            question TEXT PRIMARY KEY,
            card_json TEXT NOT NULL,
            due TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """
    )


def m003_mock_rounds(conn: sqlite3.Connection) -> None:
    # Rounds of one `prep mock` share an id so that the loop can be summarised later.
    conn.execute("ALTER TABLE attempts ADD COLUMN mock_id TEXT")


def m004_help_taken(conn: sqlite3.Connection) -> None:
    # Hints shown and solutions viewed. A row taken while no attempt of its question is in
    # progress waits (attempt_id NULL) and is claimed by that question's next attempt, whose
    # rating it caps.
    conn.execute(
        """
        CREATE TABLE help_taken (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            question TEXT NOT NULL,
            kind TEXT NOT NULL,              -- hint | solution
            hint_index INTEGER,              -- 1-based, for hints
            taken_at TEXT NOT NULL,
            attempt_id INTEGER REFERENCES attempts(id)
        )
        """
    )
    conn.execute("CREATE INDEX help_taken_question ON help_taken(question, attempt_id)")


def m005_follow_ups(conn: sqlite3.Connection) -> None:
    # What the interviewer asked after the main answer (a coding question's follow-ups, a written
    # answer's probes), each with its answer and grade, as part of its attempt.
    conn.execute(
        """
        CREATE TABLE follow_ups (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            attempt_id INTEGER NOT NULL REFERENCES attempts(id),
            position INTEGER NOT NULL,       -- 1, 2, ... in the order asked
            kind TEXT NOT NULL,              -- follow-up | probe | challenge
            target TEXT NOT NULL,            -- the follow-up id, or the key point / misconception probed
            prompt TEXT NOT NULL,
            answer TEXT,
            grade_json TEXT,
            recovered REAL NOT NULL DEFAULT 0,
            asked_at TEXT NOT NULL
        )
        """
    )
    conn.execute("CREATE INDEX follow_ups_attempt ON follow_ups(attempt_id, position)")


def m006_figures_index(conn: sqlite3.Connection) -> None:
    # `prep stats` and `prep history` read only these columns of every attempt. A row carries its
    # answer and grade (kilobytes), so a scan of the table reads the whole file; this covering index
    # lets both read a few pages instead (benchmarks/history_scale.py: 10,000 attempts).
    conn.execute(
        "CREATE INDEX attempts_figures ON attempts"
        "(question, started_at, status, mode, score, time_used_s, time_limit_s)"
    )


def m007_compressed_grades(conn: sqlite3.Connection) -> None:
    """From here on a grade (attempts.grade_json, follow_ups.grade_json) is kept as its JSON compressed
    with zlib, a BLOB, a third of the size or less; grades kept before stay JSON text and read as
    before. The schema does not change: this mark makes an older prep, which would read the new
    grades as missing, refuse the file and ask to be upgraded."""


MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (
    m001_attempts,
    m002_cards,
    m003_mock_rounds,
    m004_help_taken,
    m005_follow_ups,
    m006_figures_index,
    m007_compressed_grades,
)
