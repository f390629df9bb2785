"""What users of a well-made CLI expect: --json on every read with JSON errors, a closed stdout that
changes nothing, `prep grade -`, export/import/reset, a `prep grade` that moves the schedule."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from interview_prep.bank import load_bank
from interview_prep.cli import app
from interview_prep.store import open_store

runner = CliRunner()


def prep_command() -> list[str]:
    prep = Path(sys.executable).with_name("prep")
    return [str(prep)] if prep.exists() else [sys.executable, "-m", "interview_prep"]


def attempts_count() -> int:
    s = open_store()
    try:
        return len(s.attempts())
    finally:
        s.close()


def written_answer(tmp_path: Path, good: bool) -> Path:
    q = load_bank().get("bias-variance")
    path = tmp_path / ("good.md" if good else "bad.md")
    path.write_text(" ".join(q.how_to_answer.split()) if good else "Bias is bad.", encoding="utf-8")
    return path


# --- --json -----------------------------------------------------------------------------


def test_json_on_show_hint_solution_and_history(tmp_path: Path) -> None:
    shown = json.loads(runner.invoke(app, ["show", "kmeans", "--json"]).stdout)
    assert shown["id"] == "kmeans" and shown["functions"][0]["name"] == "kmeans" and "how_to_answer" not in shown
    rubric = json.loads(runner.invoke(app, ["show", "4", "--json", "--rubric"]).stdout)
    assert rubric["how_to_answer"] and rubric["what_they_look_for"]
    hint = json.loads(runner.invoke(app, ["hint", "bce", "--json"]).stdout)
    assert (hint["question"], hint["index"], hint["cap"]) == ("bce", 1, "good")
    solution = json.loads(runner.invoke(app, ["solution", "bce", "--force", "--json"]).stdout)
    assert solution["format"] == "python" and "def bce_loss" in solution["text"]
    assert json.loads(runner.invoke(app, ["history", "--json"]).stdout)["attempts"] == []
    assert runner.invoke(app, ["grade", str(written_answer(tmp_path, True)), "-q", "4"]).exit_code == 0
    listing = json.loads(runner.invoke(app, ["history", "--json"]).stdout)
    [a] = listing["attempts"]
    assert listing["total"] == 1 and (a["question"], a["mode"], a["passed"]) == ("bias-variance", "grade", True)
    full = json.loads(runner.invoke(app, ["history", "--show", str(a["id"]), "--json"]).stdout)
    assert full["grade"]["score"] == a["score"] and full["answer"].startswith("Bias = error")


@pytest.mark.parametrize(
    "args",
    [
        ["show", "nope", "--json"],
        ["hint", "nope", "--json"],
        ["solution", "kmeans", "--json"],  # no attempt yet
        ["history", "--show", "9", "--json"],
        ["list", "--category", "maths", "--json"],
        ["grade", "missing.py", "--json"],
        ["stats", "--json", "--bank", "/nonexistent-folder"],
    ],
)
def test_with_json_errors_are_json_on_stderr_and_the_exit_code_holds(args: list[str]) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    error = json.loads(result.stderr)
    assert error["exit_code"] == 2 and error["error"]


# --- a closed stdout ------------------------------------------------------------------------


@pytest.mark.parametrize("good", [True, False])
@pytest.mark.parametrize("as_json", [False, True])
def test_a_closed_stdout_keeps_the_verdict_the_exit_code_and_the_record(
    tmp_path: Path, good: bool, as_json: bool
) -> None:
    answer = written_answer(tmp_path, good)
    read, write = os.pipe()
    os.close(read)  # the reader is gone before prep writes a byte: every write meets EPIPE
    try:
        done = subprocess.run(
            [*prep_command(), "grade", str(answer), "-q", "bias-variance", *(["--json"] if as_json else [])],
            stdout=write,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "COLUMNS": "80"},
            timeout=120,
        )
    finally:
        os.close(write)
    assert done.returncode == (0 if good else 1), done.stderr
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr, done.stderr
    assert attempts_count() == 1


def test_a_closed_stdout_on_a_read_exits_0(tmp_path: Path) -> None:
    read, write = os.pipe()
    os.close(read)
    try:
        done = subprocess.run([*prep_command(), "list"], stdout=write, stderr=subprocess.PIPE, text=True)
    finally:
        os.close(write)
    assert done.returncode == 0 and done.stderr == ""
