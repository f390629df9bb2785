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
        ["history", "--limit", "0", "--json"],  # Click's own usage errors too
        ["show", "kmeans", "--bogus", "--json"],
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


# --- prep grade - ---------------------------------------------------------------------------


def test_grade_dash_reads_the_answer_from_stdin(tmp_path: Path) -> None:
    text = written_answer(tmp_path, True).read_text(encoding="utf-8")
    result = runner.invoke(app, ["grade", "-", "-q", "bias-variance", "--json"], input=text)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["passed"] is True
    marked = runner.invoke(app, ["grade", "-", "--json"], input="# prep: bias-variance\n" + text)
    assert marked.exit_code == 0 and json.loads(marked.stdout)["question"] == "bias-variance"
    s = open_store()
    assert [(a.question, a.answer_path) for a in s.attempts()] == [("bias-variance", None)] * 2
    s.close()


@pytest.mark.parametrize(
    ("stdin", "args", "message"),
    [
        ("Bias is error from assumptions.", [], "names no question"),
        ("", ["-q", "4"], "standard input is empty"),
        ("def kmeans(X, k):\n    pass\n", ["-q", "nope"], "no question 'nope'"),
    ],
)
def test_grade_dash_bad_input_exits_2_with_one_line(stdin: str, args: list[str], message: str) -> None:
    result = runner.invoke(app, ["grade", "-", *args], input=stdin)
    assert result.exit_code == 2 and message in result.stderr, result.output
    assert len(result.stderr.strip().splitlines()) == 1


# --- a prep grade moves the schedule ----------------------------------------------------------


def test_a_passed_grade_moves_the_schedule_like_practice(tmp_path: Path) -> None:
    answer = written_answer(tmp_path, True)
    for _ in range(2):
        assert runner.invoke(app, ["grade", str(answer), "-q", "bias-variance"]).exit_code == 0
    listed = {d["id"]: d for d in json.loads(runner.invoke(app, ["list", "--json"]).stdout)}
    assert listed["bias-variance"]["due"] is not None  # no longer "new"
    from datetime import datetime, timezone

    assert datetime.fromisoformat(listed["bias-variance"]["due"]) > datetime.now(timezone.utc)
    due = [d["id"] for d in json.loads(runner.invoke(app, ["list", "--due", "--json"]).stdout)]
    assert "bias-variance" not in due
    s = open_store()
    assert [a.rating for a in s.attempts()] == ["easy", "easy"]  # the grade's own rating: no self-rating
    s.close()


def test_stats_tells_grade_attempts_from_timed_ones(tmp_path: Path) -> None:
    assert runner.invoke(app, ["grade", str(written_answer(tmp_path, False)), "-q", "4"]).exit_code == 1
    [q] = json.loads(runner.invoke(app, ["stats", "--json"]).stdout)["questions"]
    assert (q["attempts"], q["grade_attempts"], q["timed_attempts"]) == (1, 1, 0)
    table = runner.invoke(app, ["stats"], env={"COLUMNS": "80"}).stdout
    assert "timed" in table and "grade" in table


# --- export, import, reset ----------------------------------------------------------------------


def graded_history(tmp_path: Path) -> None:
    assert runner.invoke(app, ["grade", str(written_answer(tmp_path, True)), "-q", "4"]).exit_code == 0
    assert runner.invoke(app, ["grade", str(written_answer(tmp_path, False)), "-q", "4"]).exit_code == 1
    assert runner.invoke(app, ["hint", "bce"]).exit_code == 0


@pytest.mark.parametrize("fmt", ["--json", "--csv"])
def test_export_then_import_round_trips_without_duplicates(
    tmp_path: Path, fmt: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    graded_history(tmp_path)
    exported = runner.invoke(app, ["export", fmt])
    assert exported.exit_code == 0
    dump = tmp_path / f"history.{fmt[2:]}"
    dump.write_text(exported.stdout, encoding="utf-8")
    before = json.loads(runner.invoke(app, ["history", "--json"]).stdout)["attempts"]
    # into a fresh home: the same attempts; then again: nothing added
    monkeypatch.setenv("PREP_HOME", str(tmp_path / "elsewhere"))
    first = runner.invoke(app, ["import", str(dump)])
    assert first.exit_code == 0 and first.stdout.startswith("Imported 2 attempts"), first.output
    again = runner.invoke(app, ["import", str(dump)])
    assert again.exit_code == 0 and "Imported 0 attempts" in again.stdout and "2 were already" in again.stdout
    after = json.loads(runner.invoke(app, ["history", "--json"]).stdout)["attempts"]
    assert [{k: v for k, v in a.items() if k != "id"} for a in after] == [
        {k: v for k, v in a.items() if k != "id"} for a in before
    ]
    if fmt == "--json":  # JSON carries the schedule and the help too
        listed = {d["id"]: d for d in json.loads(runner.invoke(app, ["list", "--json"]).stdout)}
        assert listed["bias-variance"]["due"] is not None
        assert json.loads(runner.invoke(app, ["hint", "bce", "--json"]).stdout)["index"] == 2


@pytest.mark.parametrize(
    "content",
    ["{}", "not json, not csv", '{"format": "prep-history", "attempts": [{"question": 1}]}', "[1, 2]"],
)
def test_import_of_something_else_exits_2_and_adds_nothing(tmp_path: Path, content: str) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    result = runner.invoke(app, ["import", str(bad)])
    assert result.exit_code == 2 and result.stderr.startswith("Error: ") and "Traceback" not in result.output
    assert len(result.stderr.strip().splitlines()) == 1


def test_reset_asks_first_and_yes_skips_the_question(tmp_path: Path) -> None:
    graded_history(tmp_path)
    refused = runner.invoke(app, ["reset"])  # no terminal to ask on: refuse, say how
    assert refused.exit_code == 2 and "--yes" in refused.stderr
    assert attempts_count() == 2
    one = runner.invoke(app, ["reset", "kmeans", "--yes"])
    assert one.exit_code == 0 and "0 attempts forgotten" in one.stdout and attempts_count() == 2
    everything = runner.invoke(app, ["reset", "--yes"])
    assert everything.exit_code == 0 and "2 attempts forgotten" in everything.stdout
    assert attempts_count() == 0
    listed = {d["id"]: d for d in json.loads(runner.invoke(app, ["list", "--json"]).stdout)}
    assert listed["bias-variance"]["due"] is None


def test_reset_on_a_terminal_confirms(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    graded_history(tmp_path)
    import interview_prep.commands.transfer as transfer

    monkeypatch.setattr(transfer, "can_ask", lambda: True)
    monkeypatch.setattr("typer.confirm", lambda *a, **k: False)
    assert runner.invoke(app, ["reset", "4"]).stdout.startswith("Nothing was reset")
    assert attempts_count() == 2
    monkeypatch.setattr("typer.confirm", lambda *a, **k: True)
    assert "2 attempts forgotten" in runner.invoke(app, ["reset", "4"]).stdout
