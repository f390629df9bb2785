"""When the history needs SQLite's whole-file check: the file as it was at its last clean check, kept beside it.

`PRAGMA quick_check` reads every page: about half a second on a 45 MB history that is not in the
page cache, on every command. Damage comes from outside SQLite (a disk, a sync tool, a partial
copy, an editor), and anything that writes the file changes its size or its times; so a file whose
size, times and identity are those it had when it last passed the check is not checked again.
A read SQLite finds damaged forgets that state (`forget`), and a clean check is trusted for a week
at most: damage that changes nothing on the outside is found by the next read of it, or within a week.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import NamedTuple

from interview_prep import paths

# A file written this shortly before it was looked at may be written again within the same tick of
# the file system's clock, keeping its times (git's "racy clean" files): such a check is not kept.
FINE_MARGIN_NS = 100_000_000
# File systems that keep whole seconds (FAT keeps two) need a wider margin.
COARSE_MARGIN_NS = 2_500_000_000
RECHECK_AFTER_NS = 7 * 24 * 3600 * 10**9

SQLITE_CORRUPT, SQLITE_NOTADB = 11, 26


class FileState(NamedTuple):  # not a dataclass: every command opens the history, and `prep list` runs often
    """What anything that writes a file changes: its size and times (ctime cannot be set back), and
    which file it is."""

    dev: int
    ino: int
    size: int
    mtime_ns: int
    ctime_ns: int


def file_state(path: Path) -> FileState | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return FileState(st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


def _record(path: Path) -> Path:
    return path.with_name(path.name + ".checked")


def needs_check(path: Path, state: FileState | None, now_ns: int) -> bool:
    """Whether the file may have changed, other than by SQLite under prep, since it last passed the check."""
    if state is None:
        return True
    try:
        # a line of integers, the state then the time of the check; anything else (an older JSON record) is no record
        *kept, checked_at = (int(v) for v in _record(path).read_text(encoding="utf-8").split())
        same = FileState(*kept) == state
    except (OSError, ValueError, TypeError):
        return True
    return not same or not 0 <= now_ns - checked_at <= RECHECK_AFTER_NS


def remember_clean(path: Path, before: FileState | None, looked_at_ns: int) -> None:
    """The file passed the check: keep its state, if it is still the state it had before the check and
    old enough that a later write cannot share its times."""
    coarse = before is not None and before.mtime_ns % 10**9 == 0
    margin = COARSE_MARGIN_NS if coarse else FINE_MARGIN_NS
    if before is None or file_state(path) != before or before.mtime_ns > looked_at_ns - margin:
        forget(path)
        return
    # A folder that cannot be written keeps no record: the next open checks again, which is only slower.
    # Integers, not JSON: reading the record is on every command's path, and json costs `prep list` 1.5 ms to import.
    paths.write_whole(_record(path), " ".join(str(v) for v in (*before, looked_at_ns)) + "\n")


def forget(path: Path | None) -> None:
    """The file is to be checked on its next open."""
    if path is not None:
        try:
            _record(path).unlink(missing_ok=True)
        except OSError:
            pass


def means_damage(e: sqlite3.Error) -> bool:
    """Whether SQLite refused because the file is damaged, rather than locked, full or read-only."""
    code = getattr(e, "sqlite_errorcode", None)  # Python 3.11+
    if code is not None:
        return code & 0xFF in (SQLITE_CORRUPT, SQLITE_NOTADB)
    return "malformed" in str(e) or "not a database" in str(e)
