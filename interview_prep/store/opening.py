"""Opening the history: connect, WAL, migrate in order, and set a damaged file aside (saying so), never silently."""

from __future__ import annotations

import functools
import os
import sqlite3
import stat
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import quote

from interview_prep import paths
from interview_prep.errors import StoreError
from interview_prep.store import integrity
from interview_prep.store.connection import BUSY_TIMEOUT_S, DB_NAME, StoreBase
from interview_prep.store.migrations import MIGRATIONS
from interview_prep.store.times import utcnow

if TYPE_CHECKING:  # the whole Store: `prep list` opens only the part it reads (open_part)
    from interview_prep.store.db import Store

_Part = TypeVar("_Part", bound=StoreBase)


class _Damaged(Exception):
    pass


def default_path() -> Path:
    return paths.data_dir() / DB_NAME


def whole_file_ok(conn: sqlite3.Connection) -> bool:
    """SQLite's check of every page of the file (slow: it reads all of it)."""
    return [tuple(r) for r in conn.execute("PRAGMA quick_check").fetchall()] == [("ok",)]


def _connect(path: Path, *, check: bool) -> sqlite3.Connection:
    try:
        # isolation_level=None: we issue BEGIN IMMEDIATE ourselves rather than let the
        # module open deferred transactions that fail with "locked" on upgrade to a write.
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
    except sqlite3.Error as e:
        raise StoreError(f"Cannot open the history at {path}: {e}.") from e
    conn.row_factory = sqlite3.Row
    try:
        if check and not whole_file_ok(conn):
            conn.close()
            raise _Damaged(_PARTLY)
        conn.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_S * 1000)}")
        _use_wal(conn)
    except sqlite3.OperationalError as e:
        # Locked, read-only, disk full: a problem of the moment, not of the file.
        conn.close()
        raise StoreError(f"Cannot use the history at {path}: {e}.") from e
    except sqlite3.DatabaseError as e:  # "file is not a database", "malformed"
        conn.close()
        raise _Damaged(_plain(e)) from e
    return conn


# SQLite's own words ("database disk image is malformed", "row 3 missing from index") mean nothing
# to the user: what they need is what it means for their history.
_PARTLY = "parts of it can no longer be read"


def _plain(e: sqlite3.DatabaseError) -> str:
    if "not a database" in str(e):
        return "it is not a SQLite database"
    return _PARTLY


def _use_wal(conn: sqlite3.Connection) -> None:
    """Switch to WAL (persistent, so once per file), retrying while another process holds a lock.

    Changing the journal mode does not wait on the busy handler: when two new `prep`s
    create the file at once, one of them gets "database is locked" straight away.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_S
    delay = 0.005
    while True:
        try:
            if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                conn.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as e:
            if "locked" not in str(e) or time.monotonic() > deadline:
                raise
            time.sleep(delay)
            delay = min(delay * 2, 0.2)


def _set_aside(path: Path, stamp: str) -> Path:
    """Rename the damaged file (and its WAL companions) aside; never delete anything."""
    n = 0
    while True:
        aside = path.with_name(f"{path.name}.damaged-{stamp}" + (f"-{n}" if n else ""))
        if not aside.exists():
            break
        n += 1
    os.replace(path, aside)
    for suffix in ("-wal", "-shm"):
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            os.replace(companion, aside.with_name(aside.name + suffix))
    return aside


def _migrate(conn: sqlite3.Connection, path: Path) -> None:
    conn.execute("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    known = [m.name for m in MIGRATIONS]
    done = {r[0] for r in conn.execute("SELECT name FROM migrations")}
    unknown = done - set(known)
    if unknown:
        raise StoreError(
            f"The history at {path} was written by a newer prep (migration {sorted(unknown)[-1]});"
            " upgrade prep to use it."
        )
    for migration in MIGRATIONS:
        if migration.name in done:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            # Another process may have run it while we waited for the lock.
            ran = conn.execute("SELECT 1 FROM migrations WHERE name=?", (migration.name,)).fetchone()
            if not ran:
                migration(conn)
                conn.execute(
                    "INSERT INTO migrations (name, applied_at) VALUES (?, ?)",
                    (migration.name, utcnow().isoformat()),
                )
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")


def _columns(conn: sqlite3.Connection) -> dict[str, list[str]]:
    tables = [
        r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")
    ]
    return {t: [c[1] for c in conn.execute(f"PRAGMA table_info('{t}')")] for t in tables}


@functools.cache
def _expected_columns() -> dict[str, list[str]]:
    """The tables and columns that the migrations make, from a fresh database in memory."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        _migrate(conn, Path(":memory:"))
        return _columns(conn)
    finally:
        conn.close()


def _schema_problem(conn: sqlite3.Connection) -> str | None:
    """What is missing from a file that passed quick_check but lost a table or a column."""
    have = _columns(conn)
    for table, columns in _expected_columns().items():
        if table not in have:
            return f"its table '{table}' is missing"
        missing = [c for c in columns if c not in have[table]]
        if missing:
            return f"its table '{table}' has lost the column '{missing[0]}'"
    return None


def _open_checked(path: Path) -> sqlite3.Connection:
    """Connect and migrate; check the schema and the whole file if it changed since its last clean
    check; _Damaged for a file that is not a usable history."""
    looked_at = time.time_ns()
    before = integrity.file_state(path)
    check = integrity.needs_check(path, before, looked_at)
    conn = _connect(path, check=check)
    try:
        _migrate(conn, path)
        # A file unchanged since its last clean check had its schema checked then, in this state.
        problem = _schema_problem(conn) if check else None
    except sqlite3.DatabaseError as e:
        conn.close()
        if isinstance(e, sqlite3.OperationalError) and "locked" in str(e):
            raise StoreError(f"Cannot update the history at {path}: {e}.") from e
        raise _Damaged(_plain(e)) from e
    except BaseException:
        conn.close()
        raise
    if problem:
        conn.close()
        raise _Damaged(problem)
    if check:
        integrity.remember_clean(path, before, looked_at)
    return conn


COMPANIONS = ("-wal", "-shm")


def _read_only(p: Path) -> os.stat_result | None:
    """The stat of a file or folder that cannot be written (its owner's write bit is off, or access is
    refused); None if it can be, or is not there."""
    try:
        st = p.stat()
    except OSError:
        return None
    if st.st_mode & stat.S_IWUSR and os.access(p, os.W_OK):
        return None
    return st


def permission_problem(path: Path) -> str | None:
    """What keeps prep from writing the history, said as what to fix; None if nothing does."""
    places = [(path.parent, "data folder"), (path, "history file")]
    places += [(path.with_name(path.name + s), "history's companion file") for s in COMPANIONS]
    for p, what in places:
        st = _read_only(p)
        if st is not None:
            return f"the {what} {p} is read-only ({stat.filemode(st.st_mode)}); `chmod u+w {p}` lets prep save again"
    return None


def heal_companions(path: Path) -> None:
    """SQLite makes the -wal and -shm files with the history's own mode: ones made while the history
    was read-only (chmod 444) stay read-only after it is writable again, and every later write fails.
    Give them back the history's mode."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return
    if not mode & stat.S_IWUSR:
        return
    for suffix in COMPANIONS:
        companion = path.with_name(path.name + suffix)
        try:
            if not companion.stat().st_mode & stat.S_IWUSR:
                os.chmod(companion, stat.S_IMODE(mode))
        except OSError:
            pass  # not there, or not ours: the write error will name it


def _open_read_only(path: Path, part: type[_Part]) -> _Part:
    """The history opened for reading only: the file or its folder cannot be written."""
    if not path.exists():  # nothing can be created here: an empty history
        empty = sqlite3.connect(":memory:", isolation_level=None)
        _migrate(empty, path)
        empty.row_factory = sqlite3.Row
        return part(empty, path=path)
    uri = f"file:{quote(str(path))}?mode=ro"
    conn: sqlite3.Connection | None = None
    try:
        try:
            conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_S, isolation_level=None)
            conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        except sqlite3.OperationalError:
            # A WAL file whose -shm cannot be made (a read-only folder): read the file as it is.
            if conn is not None:
                conn.close()
            conn = sqlite3.connect(uri + "&immutable=1", uri=True, isolation_level=None)
        conn.row_factory = sqlite3.Row
        problem = _schema_problem(conn)
    except sqlite3.Error as e:
        if conn is not None:
            conn.close()
        raise StoreError(f"Cannot read the history at {path}, which is read-only: {e}.") from e
    if problem:
        conn.close()
        raise StoreError(
            f"The history at {path} is read-only and cannot be read as it is ({problem});"
            f" {permission_problem(path) or 'make it writable'}."
        )
    return part(conn, path=path)


SALVAGED_TABLES = ("attempts", "cards", "help_taken", "follow_ups")


def _rows(old: sqlite3.Connection, table: str, columns: list[str]) -> Iterator[tuple[Any, ...]]:
    """Every row of `table` SQLite can still read, in rowid order, stepping over pages it cannot."""
    cols = ", ".join(f'"{c}"' for c in columns)
    last, skip = -(2**63), 1
    for _ in range(64):  # each damaged stretch costs one more try, a wider step each time
        try:
            for row in old.execute(f"SELECT rowid, {cols} FROM {table} WHERE rowid > ? ORDER BY rowid", (last,)):  # noqa: S608
                last, skip = row[0], 1
                yield tuple(row[1:])
            return
        except sqlite3.DatabaseError:
            last, skip = last + skip, skip * 4
            if last >= 2**63 - 1:
                return


def _salvage(aside: Path, conn: sqlite3.Connection) -> int | None:
    """Copy what can still be read of a damaged history into the fresh one; the attempts saved, or None
    if nothing could be opened at all."""
    try:
        old = sqlite3.connect(aside, isolation_level=None)  # not mode=ro: that would leave -wal and -shm behind
        old.execute("PRAGMA query_only=1")
        # A file shorter than its header says (cut off by a full disk or a partial copy) is refused
        # whole unless the schema is "writable": then SQLite reads the pages that are there.
        # query_only still keeps every write out.
        old.execute("PRAGMA writable_schema=1")
    except sqlite3.Error:
        return None
    saved = 0
    try:
        try:
            have = _columns(old)
        except sqlite3.DatabaseError:
            return None
        fresh = _columns(conn)
        conn.execute("BEGIN IMMEDIATE")
        for table in SALVAGED_TABLES:
            columns = [c for c in fresh.get(table, []) if c in have.get(table, [])]
            if not columns:
                continue
            marks = ", ".join("?" for _ in columns)
            insert = f"INSERT OR IGNORE INTO {table} ({', '.join(columns)}) VALUES ({marks})"  # noqa: S608
            for row in _rows(old, table, columns):
                try:
                    n = conn.execute(insert, row).rowcount
                except sqlite3.Error:  # a row too damaged to keep (a NOT NULL lost): the others still count
                    continue
                if table == "attempts":
                    saved += n
        conn.execute("COMMIT")
    except sqlite3.Error:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        return None
    finally:
        old.close()
    return saved


def open_store(path: Path | None = None, *, read_only: bool = False) -> Store:
    """Open (creating and migrating) the history; a damaged file is moved aside, not overwritten.

    With `read_only` (commands that only read), a history that cannot be written is opened for
    reading; without it, that is a StoreError that says what to make writable.
    """
    from interview_prep.store.db import Store

    return open_part(Store, path, read_only=read_only)


def open_part(part: type[_Part], path: Path | None = None, *, read_only: bool = False) -> _Part:
    """open_store for one part of the Store (`Cards` for `prep list`), opened, checked and set aside
    the same way, without loading the others."""
    path = path or default_path()
    heal_companions(path)
    problem = permission_problem(path) if path.parent.exists() else None
    if problem and read_only:
        return _open_read_only(path, part)
    if problem:
        raise StoreError(f"Cannot save to the history: {problem}.")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise StoreError(f"Cannot create the data folder {path.parent}: {e.strerror}.") from e
    recovered = None
    try:
        conn = _open_checked(path)
    except _Damaged as e:
        integrity.forget(path)
        stamp = utcnow().strftime("%Y%m%dT%H%M%SZ")
        aside: Path | None = None
        try:
            aside = _set_aside(path, stamp)
        except FileNotFoundError:
            pass  # another prep moved it aside first; its fresh file is ours too
        conn = _open_checked(path)
        if aside is not None:
            saved = _salvage(aside, conn)
            kept = (
                "" if not saved else f", with the {saved} attempt{'s' if saved != 1 else ''} that could still be read"
            )
            recovered = (
                f"The history file {path} was damaged ({e}); it was moved to {aside.name}"
                f" and a fresh history was started{kept}."
            )
    return part(conn, path=path, recovered=recovered)
