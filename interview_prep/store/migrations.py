"""The history's schema, as migrations applied in order: one SQL file each under schema/, named as the
`migrations` table records it. Append-only: never edit one that has shipped; add the next file and
its name to NAMES."""

from __future__ import annotations

import sqlite3
from typing import NamedTuple

NAMES = (
    "m001_attempts",
    "m002_cards",
    "m003_mock_rounds",
    "m004_help_taken",
    "m005_follow_ups",
    "m006_figures_index",
    "m007_compressed_grades",
)


def statements(sql: str) -> list[str]:
    """The statements of an SQL script, each with the comments before it; comments after the last
    statement are dropped (a migration that changes nothing but marks the file is all comments)."""
    out: list[str] = []
    pending = ""
    for line in sql.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            out.append(pending.strip())
            pending = ""
    leftover = [line for line in pending.splitlines() if line.strip() and not line.strip().startswith("--")]
    if leftover:
        raise ValueError(f"an SQL statement without its closing ';': {leftover[0].strip()}")
    return out


class Migration(NamedTuple):  # not a frozen dataclass: every command imports it, and one costs ~0.5 ms to define
    name: str

    def sql(self) -> str:
        # imported here: `prep list` opens the history read-only and never reads a migration (1.4 ms of start-up)
        from importlib import resources

        return resources.files(__package__).joinpath("schema", f"{self.name}.sql").read_text(encoding="utf-8")

    def __call__(self, conn: sqlite3.Connection) -> None:
        # One statement at a time: executescript() would commit the transaction the caller opened.
        for statement in statements(self.sql()):
            conn.execute(statement)


MIGRATIONS: tuple[Migration, ...] = tuple(Migration(name) for name in NAMES)
m001_attempts = MIGRATIONS[0]
