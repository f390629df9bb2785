"""The history store: migrations, what an attempt keeps, damaged files, two writers at once."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import textwrap
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from histories import graded

from interview_prep import store as store_mod
from interview_prep.errors import StoreError
from interview_prep.store import ABANDONED, GRADED, IN_PROGRESS, Store, open_store

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=timezone.utc)
REPO = Path(__file__).resolve().parents[2]


def test_open_creates_the_file_under_prep_home_in_wal_mode(prep_home: Path) -> None:
    s = open_store()
    assert s.path == prep_home / "history.sqlite3"
    assert s.path.exists()
    assert s.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    names = [r[0] for r in s.conn.execute("SELECT name FROM migrations ORDER BY name")]
    assert names == [
        "m001_attempts",
        "m002_cards",
        "m003_mock_rounds",
        "m004_help_taken",
        "m005_follow_ups",
        "m006_figures_index",
        "m007_compressed_grades",
    ]
    assert s.recovered is None
    s.close()
    # Opening again runs nothing twice.
    s2 = open_store()
    assert s2.conn.execute("SELECT COUNT(*) FROM migrations").fetchone()[0] == len(store_mod.MIGRATIONS)
    s2.close()


def test_an_old_database_is_migrated_forward_keeping_its_attempts(prep_home: Path) -> None:
    prep_home.mkdir(parents=True)
    path = prep_home / "history.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    store_mod.m001_attempts(conn)
    conn.execute("INSERT INTO migrations VALUES ('m001_attempts', '2026-01-01')")
    conn.execute(
        "INSERT INTO attempts (question, kind, mode, started_at, status, score) "
        "VALUES ('kmeans', 'coding', 'practice', '2026-01-01T10:00:00+00:00', 'graded', 80)"
    )
    conn.commit()
    conn.close()

    s = open_store()
    [a] = s.attempts()
    assert (a.question, a.score, a.mock_id) == ("kmeans", 80, None)
    assert s.card("kmeans") is None  # the m002 table exists now
    s.close()


def test_a_database_from_a_newer_prep_is_refused_not_touched(prep_home: Path) -> None:
    s = open_store()
    with s.write() as c:
        c.execute("INSERT INTO migrations VALUES ('m999_future', '2030-01-01')")
    s.close()
    with pytest.raises(StoreError, match="newer prep"):
        open_store()


def test_an_attempt_keeps_everything_the_issue_lists(store: Store) -> None:
    aid = store.start_attempt(question="bce", kind="coding", mode="practice", started_at=T0, time_limit_s=1200)
    assert store.attempt(aid).status == IN_PROGRESS
    grade = {"question": "bce", "kind": "coding", "score": 75.0, "passed": False, "checks": []}
    store.finish_attempt(
        aid,
        ended_at=T0 + timedelta(seconds=900),
        time_used_s=900.0,
        over_time=False,
        answer="def bce_loss(): ...",
        answer_path="/w/bce.py",
        grade=grade,
        grader_version="prep 0.1.0",
    )
    store.rate_attempt(aid, self_rating="easy", rating="hard", card_json='{"x": 1}', due=T0 + timedelta(days=2), now=T0)
    a = store.attempt(aid)
    assert a.question == "bce"
    assert a.started_at == T0 and a.ended_at == T0 + timedelta(seconds=900)
    assert (a.time_used_s, a.time_limit_s, a.over_time) == (900.0, 1200, False)
    assert a.answer == "def bce_loss(): ..."
    assert a.grade == grade and a.score == 75.0 and a.passed is False
    assert (a.self_rating, a.rating) == ("easy", "hard")
    assert a.grader_version == "prep 0.1.0"
    assert a.status == GRADED
    assert store.card("bce") == '{"x": 1}'
    assert store.due_dates() == {"bce": T0 + timedelta(days=2)}
    hist = store.question_history()["bce"]
    assert (hist.attempts, hist.best_score) == (1, 75.0)


def test_abandoning_keeps_the_answer_so_far(store: Store) -> None:
    aid = store.start_attempt(question="bce", kind="coding", mode="practice", started_at=T0, time_limit_s=60)
    store.abandon_attempt(aid, ended_at=T0 + timedelta(seconds=5), time_used_s=5.0, answer="half done")
    a = store.attempt(aid)
    assert (a.status, a.answer, a.time_used_s) == (ABANDONED, "half done", 5.0)


def test_a_failed_write_leaves_nothing_behind(store: Store) -> None:
    with pytest.raises(RuntimeError):
        with store.write() as c:
            c.execute(
                "INSERT INTO attempts (question, kind, mode, started_at, status)"
                " VALUES ('x', 'coding', 'practice', 't', 'graded')"
            )
            raise RuntimeError("boom")
    assert store.attempts() == []


def test_unknown_attempt_number_is_a_clear_error(store: Store) -> None:
    with pytest.raises(StoreError, match=r"No attempt #42"):
        store.attempt(42)


def test_a_file_that_is_not_a_database_is_moved_aside_and_a_fresh_one_started(prep_home: Path) -> None:
    prep_home.mkdir(parents=True)
    path = prep_home / "history.sqlite3"
    garbage = b"this is not sqlite, it is my precious history\n" * 100
    path.write_bytes(garbage)

    s = open_store()
    assert s.recovered is not None
    asides = list(prep_home.glob("history.sqlite3.damaged-*"))
    assert len(asides) == 1
    assert asides[0].read_bytes() == garbage  # the damaged file is kept, byte for byte
    assert asides[0].name in s.recovered and "fresh history" in s.recovered
    s.start_attempt(question="bce", kind="coding", mode="practice", started_at=T0, time_limit_s=60)
    assert len(s.attempts()) == 1
    s.close()
    # The fresh file is healthy: opening again does not move anything.
    assert open_store().recovered is None
    assert len(list(prep_home.glob("history.sqlite3.damaged-*"))) == 1


def test_a_database_with_damaged_pages_is_moved_aside(prep_home: Path) -> None:
    s = open_store()
    for i in range(300):
        s.start_attempt(question=f"q{i}", kind="written", mode="practice", started_at=T0, time_limit_s=60)
    s.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    s.close()
    path = prep_home / "history.sqlite3"
    data = bytearray(path.read_bytes())
    # Keep the 100-byte header valid, scribble over the b-tree pages after the first.
    page = int.from_bytes(data[16:18], "big")
    for off in range(page + 8, len(data), 97):
        data[off] = 0xFF
    path.write_bytes(bytes(data))

    s2 = open_store()
    assert s2.recovered is not None and "damaged" in s2.recovered
    # Whatever could still be read was salvaged, unchanged; the rest is in the file set aside.
    saved = s2.attempts()
    assert len(saved) < 300
    assert all(a.question == f"q{a.id - 1}" and a.started_at == T0 for a in saved)
    assert len(list(prep_home.glob("history.sqlite3.damaged-*"))) == 1


WRITER = textwrap.dedent(
    """
    import sys, time
    from datetime import datetime, timezone
    from pathlib import Path
    from interview_prep.store import open_store
    go, name, n = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    s = open_store()
    while not go.exists():  # start together, so that the writes really interleave
        time.sleep(0.005)
    for i in range(n):
        aid = s.start_attempt(question=name, kind="coding", mode="practice",
                              started_at=datetime.now(timezone.utc), time_limit_s=60)
        s.finish_attempt(aid, ended_at=datetime.now(timezone.utc), time_used_s=1.0, over_time=False,
                         answer=f"{name} {i}", answer_path=None,
                         grade={"score": i % 100, "passed": True}, grader_version="t")
    print("done", name)
    """
)


def test_two_processes_writing_at_once_lose_no_attempt(prep_home: Path, tmp_path: Path) -> None:
    open_store().close()  # both writers find the schema in place; creation races are tested below
    go = tmp_path / "go"
    n = 150
    env = {"PREP_HOME": str(prep_home), "PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"}
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(go), name, str(n)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("alpha", "beta")
    ]
    go.touch()
    for p in procs:
        out, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
        assert "done" in out
    s = open_store()
    attempts = s.attempts()
    assert len(attempts) == 2 * n
    for name in ("alpha", "beta"):
        mine = [a for a in attempts if a.question == name]
        assert sorted(a.answer or "" for a in mine) == sorted(f"{name} {i}" for i in range(n))
        assert all(a.status == GRADED for a in mine)


def test_two_processes_creating_the_database_at_once_both_succeed(prep_home: Path, tmp_path: Path) -> None:
    go = tmp_path / "go"
    env = {"PREP_HOME": str(prep_home), "PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"}
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(go), name, "20"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("alpha", "beta")
    ]
    go.touch()
    for p in procs:
        _, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
    s = open_store()
    assert len(s.attempts()) == 40
    assert s.conn.execute("SELECT COUNT(*) FROM migrations").fetchone()[0] == len(store_mod.MIGRATIONS)


def test_a_write_that_sqlite_refuses_is_a_store_error_and_leaves_no_transaction_open(store: Store) -> None:
    with pytest.raises(StoreError, match="Cannot write the history at .*no such table"):
        with store.write() as c:
            c.execute("INSERT INTO no_such_table VALUES (1)")
    assert not store.conn.in_transaction
    store.start_attempt(question="bce", kind="coding", mode="practice", started_at=T0, time_limit_s=60)
    assert len(store.attempts()) == 1


def test_a_question_s_trend_is_its_newest_scores_oldest_first_ties_in_the_order_kept(store: Store) -> None:
    for minutes, score in [(5, 10.0), (1, 20.0), (5, 30.0), (9, 40.0), (3, 50.0)]:
        graded(store, "kmeans", score=score, at=T0 + timedelta(minutes=minutes))
    graded(store, "bce", score=99.0)
    store.start_attempt(
        question="kmeans", kind="coding", mode="practice", started_at=T0 + timedelta(hours=1), time_limit_s=60
    )
    trends = {f.question: [score for _, score in f.recent] for f in store.figures(last_n=3)}
    assert trends == {"kmeans": [10.0, 30.0, 40.0], "bce": [99.0]}  # the attempt in progress has no score yet


CHECKS = [
    {"name": f"check {i}", "status": "pass", "points": 1, "max_points": 1, "message": "ok " * 20} for i in range(20)
]


def test_a_grade_is_kept_compressed_and_reads_back_whole(store: Store) -> None:
    aid = graded(store, "bce", score=90.0, checks=CHECKS)
    store.set_overall(aid, {"score": 85.0})
    grade = {"question": "bce", "score": 90.0, "passed": True, "checks": CHECKS, "overall": {"score": 85.0}}
    [(kept,)] = store.conn.execute("SELECT grade_json FROM attempts WHERE id=?", (aid,)).fetchall()
    assert isinstance(kept, bytes) and len(kept) < len(json.dumps(grade)) / 3
    assert store.attempt(aid).grade == grade


def test_grades_an_older_prep_kept_as_text_still_read_and_every_grade_exports_as_json_text(
    store: Store, tmp_path: Path
) -> None:
    old = {"question": "kmeans", "score": 40.0, "passed": False, "checks": CHECKS}
    with store.write() as c:  # as prep kept grades before m007
        c.execute(
            "INSERT INTO attempts (question, kind, mode, started_at, status, score, grade_json)"
            " VALUES ('kmeans', 'coding', 'grade', ?, 'graded', 40, ?)",
            (T0.isoformat(), json.dumps(old)),
        )
    graded(store, "bce", score=90.0, at=T0 + timedelta(minutes=1))
    grades = [a.grade for a in store.attempts()]
    assert grades[0] == old and grades[1] is not None and grades[1]["score"] == 90.0
    exported = store.export_rows()
    assert [json.loads(r["grade_json"]) for r in exported["attempts"]] == grades
    into = open_store(tmp_path / "other" / "history.sqlite3")
    assert into.import_rows(exported) == (2, 0)
    assert [a.grade for a in into.attempts()] == grades
    kept = [r[0] for r in into.conn.execute("SELECT grade_json FROM attempts")]
    assert all(isinstance(k, bytes) for k in kept)  # an import keeps its grades as prep keeps its own
    into.close()


def test_every_schema_file_is_a_listed_migration_and_every_migration_has_its_file() -> None:
    from interview_prep.store import migrations

    folder = REPO / "interview_prep" / "store" / "schema"
    assert sorted(p.stem for p in folder.glob("*.sql")) == list(migrations.NAMES)
    for migration in migrations.MIGRATIONS:
        assert migration.sql().strip(), migration.name


def test_a_migration_script_splits_into_its_statements_and_a_missing_semicolon_is_named() -> None:
    from interview_prep.store.migrations import statements

    script = "-- a table\nCREATE TABLE t (\n    a TEXT -- one; column\n);\n\nCREATE INDEX i ON t(a);\n-- the end\n"
    assert statements(script) == [
        "-- a table\nCREATE TABLE t (\n    a TEXT -- one; column\n);",
        "CREATE INDEX i ON t(a);",
    ]
    assert statements("-- only a mark\n") == []
    with pytest.raises(ValueError, match="CREATE INDEX j ON t"):
        statements("CREATE TABLE t (a TEXT);\nCREATE INDEX j ON t(a)\n")
