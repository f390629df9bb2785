"""One open history: its SQLite connection, which file it is, its writes, and what SQLite refused, said for the user."""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Concatenate, ParamSpec, TypeVar

from interview_prep import paths
from interview_prep.errors import StoreError
from interview_prep.store import integrity

DB_NAME = paths.HISTORY_FILE

_T = TypeVar("_T")
_P = ParamSpec("_P")
_S = TypeVar("_S", bound="StoreBase")

# Long enough that a second `prep` finishing its own write never makes this one fail;
# writes are a handful of rows, so real waits are milliseconds.
BUSY_TIMEOUT_S = 30.0


def _identity(path: Path | None) -> tuple[int, int] | None:
    if path is None:
        return None
    try:
        st = path.stat()
    except OSError:
        return (-1, -1)  # gone: never equal to the identity of a file that was there
    return (st.st_dev, st.st_ino)


class StoreBase:
    """What each part of the Store stands on: the connection, the file, and one way to write."""

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


def reads(method: Callable[Concatenate[_S, _P], _T]) -> Callable[Concatenate[_S, _P], _T]:
    """A read that SQLite refuses (a table or column gone) is one clear StoreError, not a traceback."""

    @functools.wraps(method)
    def read(self: _S, /, *args: _P.args, **kwargs: _P.kwargs) -> _T:
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
