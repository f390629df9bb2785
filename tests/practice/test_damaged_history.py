"""A history file that passes SQLite's own check but lost a table, a column or a grade: no traceback, no loss."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timezone
from pathlib import Path

import pytest
from histories import graded
from typer.testing import CliRunner

from interview_prep.cli import app
from interview_prep.errors import StoreError
from interview_prep.store import Store, open_store

runner = CliRunner()
T0 = datetime(2026, 3, 1, 9, 0, tzinfo=timezone.utc)


def _one_attempt() -> Path:
    s = open_store()
    graded(s)
    assert s.path is not None
    s.close()
    return s.path


@pytest.mark.parametrize(
    ("damage", "problem"),
    [
        ("DROP TABLE cards", "its table 'cards' is missing"),
        ("ALTER TABLE attempts DROP COLUMN grade_json", "its table 'attempts' has lost the column 'grade_json'"),
    ],
)
def test_a_lost_table_or_column_sets_the_file_aside_and_salvages_what_it_can(
    prep_home: Path, damage: str, problem: str
) -> None:
    path = _one_attempt()
    conn = sqlite3.connect(path)
    conn.execute(damage)
    conn.commit()
    conn.close()
    result = runner.invoke(app, ["list", "--json"])
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    [warning] = result.stderr.strip().splitlines()
    assert warning.startswith(f"Warning: The history file {path} was damaged ({problem}); it was moved to ")
    [aside] = prep_home.glob("history.sqlite3.damaged-*")
    kept = sqlite3.connect(aside)
    assert kept.execute("SELECT answer FROM attempts").fetchall() == [("my answer",)]  # nothing lost
    kept.close()
    assert warning.endswith("and a fresh history was started, with the 1 attempt that could still be read.")
    [salvaged] = open_store().attempts()  # copied into the fresh file, less what was lost
    assert (salvaged.id, salvaged.answer, salvaged.score) == (1, "my answer", 70.0)


def test_a_grade_that_no_longer_decodes_reads_as_no_grade(prep_home: Path) -> None:
    path = _one_attempt()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE attempts SET grade_json='{'")
    conn.commit()
    conn.close()
    for args in (["history"], ["history", "--show", "1"], ["stats", "--json"]):
        result = runner.invoke(app, args)
        assert result.exit_code == 0, (args, result.output)
        assert "Traceback" not in result.output
    [attempt] = open_store().attempts()
    assert attempt.grade is None and attempt.answer == "my answer" and attempt.score == 70.0


def test_a_read_sqlite_refuses_is_one_store_error(prep_home: Path) -> None:
    _one_attempt()
    store = open_store()
    store.conn.execute("DROP TABLE cards")  # damaged while open, after the check
    with pytest.raises(StoreError, match="Cannot read the history at .*no such table: cards"):
        store.due_dates()


def test_grade_exits_by_the_grade_when_writing_the_attempt_fails(
    prep_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(self: Store, **kwargs: object) -> int:
        raise StoreError("Cannot write the history at x: disk I/O error.")

    monkeypatch.setattr(Store, "record_attempt", refuse)
    solution = Path(__file__).resolve().parents[2] / "solutions" / "bce.py"
    result = runner.invoke(app, ["grade", str(solution), "--json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["passed"] is True
    assert result.stderr.strip() == (
        "Warning: the grade was not saved in your history: Cannot write the history at x: disk I/O error."
    )


@pytest.mark.parametrize("command", [["hint", "bias-variance"], ["solution", "bias-variance", "--force"]])
def test_hint_and_solution_warn_when_a_damaged_history_is_set_aside(prep_home: Path, command: list[str]) -> None:
    path = _one_attempt()
    path.write_bytes(b"this is not a SQLite file" * 100)
    result = runner.invoke(app, command)
    assert result.exit_code == 0, result.output
    assert "Warning:" in result.stderr and "damaged" in result.stderr
    assert list(path.parent.glob("history.sqlite3.damaged-*"))
