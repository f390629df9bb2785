"""Issue 12: the whole-file check runs when the history may have been damaged, not on every open; damage is still found."""

from __future__ import annotations

import json
import os
import sqlite3
import time
from pathlib import Path

import pytest
from histories import T0, graded

from interview_prep.errors import StoreError
from interview_prep.store import integrity, open_store, opening

LONG_AGO_NS = time.time_ns() - 3600 * 10**9


@pytest.fixture
def checks(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The files SQLite's whole-file check ran on, in order."""
    ran: list[Path] = []
    real = opening.whole_file_ok

    def counted(conn: sqlite3.Connection) -> bool:
        ran.append(Path(conn.execute("PRAGMA database_list").fetchone()["file"]))
        return real(conn)

    monkeypatch.setattr(opening, "whole_file_ok", counted)
    return ran


def _history(prep_home: Path, attempts: int = 200) -> Path:
    """A history of `attempts` graded attempts, checkpointed into the file and closed."""
    store = open_store()
    for i in range(attempts):
        graded(store, f"question-{i:03d}-" + "x" * 40)
    store.close()
    return prep_home / "history.sqlite3"


def _checked_clean(path: Path) -> None:
    """Open once a history last written long ago, so its clean check is kept."""
    os.utime(path, ns=(LONG_AGO_NS, LONG_AGO_NS))
    open_store().close()


def _page(path: Path, name: str) -> tuple[int, int]:
    """(offset, size) of the root page of a table or index."""
    conn = sqlite3.connect(path)
    [(root,)] = conn.execute("SELECT rootpage FROM sqlite_master WHERE name=?", (name,)).fetchall()
    [(size,)] = conn.execute("PRAGMA page_size").fetchall()
    conn.close()
    return (root - 1) * size, size


def _overwrite(path: Path, offset: int, data: bytes) -> None:
    with path.open("r+b") as f:
        f.seek(offset)
        f.write(data)


def test_a_history_unchanged_since_its_last_clean_check_is_not_checked_again(
    prep_home: Path, checks: list[Path]
) -> None:
    path = _history(prep_home)
    _checked_clean(path)
    assert checks == [path, path]  # when it was made, and once written long ago
    for _ in range(3):
        open_store().close()  # nothing but reads: the file is as it was checked
    assert checks == [path, path]


def test_a_record_in_the_older_json_form_is_no_record_and_is_rewritten(prep_home: Path, checks: list[Path]) -> None:
    path = _history(prep_home, attempts=1)
    _checked_clean(path)
    record = path.with_name(path.name + ".checked")
    state = integrity.file_state(path)
    assert state is not None
    # as prep wrote it before the record was a line of integers
    old = {**state._asdict(), "checked_at_ns": time.time_ns()}
    record.write_text(json.dumps(old), encoding="utf-8")
    before = len(checks)
    open_store().close()
    assert len(checks) == before + 1  # checked again, not trusted and not an error
    assert record.read_text(encoding="utf-8").split()[:5] == [str(v) for v in state]
    open_store().close()
    assert len(checks) == before + 1  # and trusted from then on


def test_a_history_prep_wrote_to_is_checked_again(prep_home: Path, checks: list[Path]) -> None:
    path = _history(prep_home, attempts=1)
    _checked_clean(path)
    store = open_store()
    store.take_help("bce", "hint", now=T0)  # written back into the file when the store closes
    store.close()
    open_store().close()
    assert checks == [path, path, path]


def test_a_check_of_a_file_written_a_moment_before_is_not_kept(prep_home: Path, checks: list[Path]) -> None:
    # A write in the same tick of the file system's clock would leave the same times behind.
    path = _history(prep_home, attempts=1)
    # Its times a little ahead of the clock: within the margin of every open below, however slow the machine.
    just_now = time.time_ns() + 10 * 10**9
    os.utime(path, ns=(just_now, just_now))
    open_store().close()
    open_store().close()
    assert checks == [path, path, path]  # the first open of all made the file; each later one checked it


def _damage_index_page(path: Path) -> None:
    offset, size = _page(path, "attempts_question")
    _overwrite(path, offset, b"\xa5" * size)


def _damage_index_page_and_put_the_times_back(path: Path) -> None:
    st = path.stat()
    _damage_index_page(path)
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))  # the change time cannot be put back


def _truncate(path: Path) -> None:
    os.truncate(path, path.stat().st_size // 2)


def _garbage(path: Path) -> None:
    path.write_bytes(b"this is not a SQLite file" * 100)


@pytest.mark.parametrize(
    ("damage", "kept"),
    [
        (_damage_index_page, ", with the 200 attempts that could still be read."),
        (_damage_index_page_and_put_the_times_back, ", with the 200 attempts that could still be read."),
        (_truncate, "attempts that could still be read."),  # those on the pages before the cut
        (_garbage, "a fresh history was started."),
    ],
)
def test_damage_after_a_clean_check_is_found_on_the_next_open(prep_home: Path, damage: object, kept: str) -> None:
    path = _history(prep_home)
    _checked_clean(path)
    assert callable(damage)
    damage(path)
    store = open_store()
    assert store.recovered is not None
    assert store.recovered.startswith(f"The history file {path} was damaged (")
    assert store.recovered.endswith(kept)
    assert list(prep_home.glob("history.sqlite3.damaged-*"))


def test_damage_that_left_no_trace_outside_is_found_by_a_read_and_salvaged_on_the_next_open(prep_home: Path) -> None:
    path = _history(prep_home)
    _checked_clean(path)
    offset, size = _page(path, "attempts")
    _overwrite(path, offset, b"\xa5" * size)
    # As a failing disk would: the file's size and times say nothing changed since the clean check.
    os.utime(path, ns=(LONG_AGO_NS, LONG_AGO_NS))
    integrity.remember_clean(path, integrity.file_state(path), time.time_ns())
    store = open_store()
    assert store.recovered is None  # not checked: nothing said it changed
    with pytest.raises(StoreError) as refused:
        store.attempts()
    store.close()
    assert str(refused.value) == (
        f"Cannot read the history at {path}: parts of it can no longer be read; the next prep command"
        " sets the file aside and keeps what can still be read."
    )
    store = open_store()
    assert store.recovered is not None and store.recovered.startswith(f"The history file {path} was damaged")
    assert list(prep_home.glob("history.sqlite3.damaged-*"))


def test_a_history_cut_short_keeps_the_attempts_on_the_pages_before_the_cut(prep_home: Path) -> None:
    path = _history(prep_home)
    _truncate(path)  # a full disk, or a copy that stopped half way
    store = open_store()
    assert store.recovered is not None
    saved = store.attempts()
    assert 0 < len(saved) < 200
    assert store.recovered.endswith(f", with the {len(saved)} attempts that could still be read.")
    assert {(a.question[:13], a.answer) for a in saved} <= {(f"question-{i:03d}-", "my answer") for i in range(200)}
