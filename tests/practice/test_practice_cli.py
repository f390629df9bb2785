"""practice, mock, stats, history, list's history columns and grade's record, through the real CLI app."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from interview_prep.cli import app
from interview_prep.grading.report import Category, CheckResult, GradeReport, Status
from interview_prep.models import Question
from interview_prep.store import open_store

runner = CliRunner()
T0 = datetime(2026, 3, 1, 9, 0, tzinfo=timezone.utc)


def fake_grade_answer(
    question: Question, path: Path, source: str, *, timeout: float | None = None, **_: object
) -> GradeReport:
    """Stands in for the sandbox and rubric graders: these tests are about what is recorded."""
    ok = "good" in source
    check = CheckResult("key point", Category.RUBRIC, Status.PASS if ok else Status.FAIL, 1 if ok else 0, 1, "m")
    return GradeReport(question.id, question.kind, 90.0 if ok else 20.0, ok, (check,))


@pytest.fixture
def fake_graders(monkeypatch: pytest.MonkeyPatch) -> None:
    import interview_prep.grading.answer

    monkeypatch.setattr(interview_prep.grading.answer, "grade_answer", fake_grade_answer)


def seed(question: str, score: float, *, days_ago: float, due_in_days: float | None = None) -> int:
    s = open_store()
    start = T0 - timedelta(days=days_ago)
    aid = s.start_attempt(question=question, kind="written", mode="practice", started_at=start, time_limit_s=600)
    s.finish_attempt(
        aid,
        ended_at=start + timedelta(seconds=300),
        time_used_s=300.0,
        over_time=False,
        answer=f"answer scoring {score}",
        answer_path=None,
        grade={"question": question, "kind": "written", "score": score, "passed": score >= 60, "checks": []},
        grader_version="test 1",
    )
    if due_in_days is not None:
        due = datetime.now(timezone.utc) + timedelta(days=due_in_days)
        s.rate_attempt(aid, self_rating="good", rating="good", card_json="{}", due=due, now=start)
    s.close()
    return aid


def test_history_and_stats_with_no_history_say_how_to_start() -> None:
    for cmd in (["history"], ["stats"]):
        result = runner.invoke(app, cmd)
        assert result.exit_code == 0
        assert "No attempts yet. `prep practice` starts one." in result.stdout


def test_a_damaged_history_file_is_moved_aside_with_one_clear_line(prep_home: Path) -> None:
    prep_home.mkdir(parents=True, exist_ok=True)
    (prep_home / "history.sqlite3").write_bytes(b"\x00garbage" * 500)
    result = runner.invoke(app, ["history"])
    assert result.exit_code == 0
    [aside] = prep_home.glob("history.sqlite3.damaged-*")
    assert aside.read_bytes() == b"\x00garbage" * 500
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("Warning: The history file ") and f"moved to {aside.name}" in lines[0]
    assert lines[0].endswith("a fresh history was started.")
    assert "Traceback" not in result.output


def test_history_lists_attempts_and_show_prints_one_with_answer_and_grade() -> None:
    seed("batchnorm", 40, days_ago=3)
    aid = seed("batchnorm", 85, days_ago=1)
    seed("bce", 70, days_ago=2)
    listing = runner.invoke(app, ["history", "batchnorm"], env={"COLUMNS": "120"})
    assert listing.exit_code == 0
    assert "batchnorm" in listing.stdout and "bce" not in listing.stdout
    assert " 40 " in listing.stdout and " 85 " in listing.stdout
    shown = runner.invoke(app, ["history", "--show", str(aid)], env={"COLUMNS": "120"})
    assert shown.exit_code == 0
    assert f"Attempt #{aid}: batchnorm (practice), graded" in shown.stdout
    assert "answer scoring 85" in shown.stdout
    assert "Score 85.0 / 100" in shown.stdout
    assert "Time used 5:00 of 10:00" in shown.stdout


def test_history_show_of_an_unknown_attempt_exits_2_with_one_line() -> None:
    result = runner.invoke(app, ["history", "--show", "7"])
    assert result.exit_code == 2
    assert result.stderr.strip() == "Error: No attempt #7 in the history; `prep history` lists them."


def test_history_of_an_unknown_question_exits_2() -> None:
    result = runner.invoke(app, ["history", "batchnrom"])
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: no question 'batchnrom'. Did you mean 'batchnorm'")
    assert len(result.stderr.strip().splitlines()) == 1


def test_stats_json_per_question_and_category() -> None:
    seed("batchnorm", 40, days_ago=3)
    seed("batchnorm", 85, days_ago=1)
    seed("bias-variance", 70, days_ago=2)
    result = runner.invoke(app, ["stats", "--json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    [bn] = [q for q in data["questions"] if q["name"] == "batchnorm"]
    assert (bn["attempts"], bn["best_score"], bn["last_score"]) == (2, 85, 85)
    assert bn["avg_time_used_s"] == 300.0 and bn["avg_time_used_of_limit"] == 0.5
    assert [t["score"] for t in bn["trend"]] == [40, 85]
    cats = {c["name"]: c for c in data["categories"]}
    assert set(cats) == {"depth", "fundamentals"}
    assert cats["depth"]["attempts"] == 2 and cats["fundamentals"]["best_score"] == 70
    assert data["overall"]["attempts"] == 3


def test_stats_draws_progress_per_category_as_a_chart() -> None:
    seed("batchnorm", 10, days_ago=3)
    seed("batchnorm", 95, days_ago=1)
    seed("bias-variance", 50, days_ago=2)
    result = runner.invoke(app, ["stats"], env={"COLUMNS": "80"})
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    start = lines.index("Progress: mean score per day, by category")
    chart = lines[start + 1 : start + 12]  # 100 down to 0, one row per 10 points
    assert chart[0].startswith("100 |") and chart[5].startswith(" 50 |") and chart[10].startswith("  0 |")
    plotted = {(row, line.index(m, 5)) for row, line in enumerate(chart) for m in "df" if m in line[5:]}
    # depth: 10 then 95 two days later (far left, low; far right, high); fundamentals: 50, between them
    assert (9, 5) in plotted and (0, max(c for _, c in plotted)) in plotted
    assert any(row == 5 and 5 < col < max(c for _, c in plotted) for row, col in plotted)
    assert "d depth" in result.stdout and "f fundamentals" in result.stdout
    assert max(len(line) for line in lines) <= 80


def test_list_gains_best_attempts_and_due_and_list_due_filters() -> None:
    seed("batchnorm", 85, days_ago=1, due_in_days=3)
    seed("bce", 70, days_ago=2, due_in_days=-1)
    data = {d["id"]: d for d in json.loads(runner.invoke(app, ["list", "--json"]).stdout)}
    assert data["batchnorm"]["best_score"] == 85 and data["batchnorm"]["attempts"] == 1
    assert data["kmeans"]["attempts"] == 0 and data["kmeans"]["due"] is None
    due = [d["id"] for d in json.loads(runner.invoke(app, ["list", "--due", "--json"]).stdout)]
    assert "batchnorm" not in due and "bce" in due and "kmeans" in due  # due, or never tried
    table = runner.invoke(app, ["list"], env={"COLUMNS": "140"}).stdout
    rows = {line.split()[1]: line for line in table.splitlines() if line.split()[:1] in (["2"], ["7"], ["1"])}
    assert rows["batchnorm"].split()[-3:] == ["85", "1", "3d"]
    assert rows["bce"].split()[-3:] == ["70", "1", "now"]
    assert rows["kmeans"].split()[-3:] == ["-", "0", "new"]


def test_list_without_history_creates_no_history_file(prep_home: Path) -> None:
    assert runner.invoke(app, ["list"]).exit_code == 0
    assert not (prep_home / "history.sqlite3").exists()


def test_grade_records_its_attempt_unless_no_save(fake_graders: None, tmp_path: Path) -> None:
    answer = tmp_path / "bn.md"
    answer.write_text("a good answer about batch norm")
    assert runner.invoke(app, ["grade", str(answer), "-q", "batchnorm", "--no-save"]).exit_code == 0
    assert runner.invoke(app, ["history"]).stdout.startswith("No attempts yet")
    assert runner.invoke(app, ["grade", str(answer), "-q", "batchnorm", "--json"]).exit_code == 0
    [a] = open_store().attempts()
    assert (a.question, a.mode, a.status, a.score) == ("batchnorm", "grade", "graded", 90.0)
    assert a.answer == "a good answer about batch norm" and a.answer_path == str(answer.resolve())


def test_practice_with_piped_input_records_a_rated_attempt(fake_graders: None, tmp_path: Path) -> None:
    result = runner.invoke(
        app,
        ["practice", "-q", "batchnorm", "--minutes", "5", "-w", str(tmp_path / "w")],
        input="A good answer:\nrunning statistics at inference.\n.\nh\n",
        env={"COLUMNS": "120"},
    )
    assert result.exit_code == 0, result.output
    assert "#7 batchnorm" in result.stdout and "time limit 5:00" in result.stdout
    assert "Score 90.0 / 100" in result.stdout and "How to answer" in result.stdout
    assert "Rated hard; scheduled as hard." in result.stdout
    [a] = open_store().attempts()
    assert a.answer == "A good answer:\nrunning statistics at inference."
    assert (a.self_rating, a.rating, a.time_limit_s) == ("hard", "hard", 300.0)


def test_practice_picks_the_most_due_question_by_itself(fake_graders: None, tmp_path: Path) -> None:
    seed("kmeans", 50, days_ago=1, due_in_days=5)
    seed("bce", 50, days_ago=1, due_in_days=-2)
    result = runner.invoke(app, ["practice", "-w", str(tmp_path)], input="\n")
    assert "#2 bce" in result.stdout
    result = runner.invoke(app, ["practice", "-c", "behavioral", "-w", str(tmp_path)], input="good\n.\ng\n")
    assert "#11 debugging-story" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-q", "nope"], "Error: no question 'nope'."),
        (["--category", "maths"], "Error: no category 'maths'. Categories: coding, fundamentals,"),
    ],
)
def test_practice_bad_input_is_one_line_and_exit_2(args: list[str], message: str) -> None:
    result = runner.invoke(app, ["practice", *args])
    assert result.exit_code == 2
    assert result.stderr.startswith(message) and len(result.stderr.strip().splitlines()) == 1


def test_practice_rejects_a_non_positive_time_limit() -> None:
    result = runner.invoke(app, ["practice", "--minutes", "0"])
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_mock_plays_all_six_kinds_of_round_and_prints_a_summary(
    fake_graders: None, tmp_path: Path, monkeypatch: Any
) -> None:
    # Round intro Enter, then: three coding rounds (Enter submits the starter), four written answers, each rated.
    coding = "\n\ng\n"
    written = "\na good answer\n.\ng\n"
    result = runner.invoke(
        app,
        ["mock", "-w", str(tmp_path), "--minutes", "1", "--no-follow-ups"],
        input=coding * 3 + written * 4,
        env={"COLUMNS": "120"},
    )
    assert result.exit_code == 0, result.output
    assert "Mock interview loop" in result.stdout
    assert "4 of 7 rounds passed; mean score 60" in result.stdout  # the bare starters fail
    for name in ("dsa", "ml-coding", "fundamentals", "project", "system-design", "behavioral"):
        assert name in result.stdout
    attempts = open_store().attempts()
    assert [a.question for a in attempts] == [
        "merge-intervals",
        "top-k-frequent",
        "kmeans",
        "bias-variance",
        "project-deep-dive",
        "spam-pipeline",
        "debugging-story",
    ]
    assert len({a.mock_id for a in attempts}) == 1


def test_mock_rounds_option_picks_the_rounds(fake_graders: None, tmp_path: Path) -> None:
    result = runner.invoke(
        app,
        ["mock", "-w", str(tmp_path), "--minutes", "1", "--rounds", "behavioral,dsa"],
        input="\na good answer\n.\ng\n" + "\n\ng\n",
        env={"COLUMNS": "120"},
    )
    assert result.exit_code == 0, result.output
    assert [a.question for a in open_store().attempts()] == ["debugging-story", "merge-intervals"]
    bad = runner.invoke(app, ["mock", "-w", str(tmp_path), "--rounds", "leetcode"])
    assert bad.exit_code == 2
    assert "unknown round 'leetcode'" in bad.stderr and "Traceback" not in bad.output


def test_grade_still_exits_by_the_grade_when_the_history_cannot_be_saved(
    fake_graders: None, tmp_path: Path, prep_home: Path
) -> None:
    prep_home.mkdir(parents=True, exist_ok=True)
    (prep_home / "history.sqlite3").mkdir()  # a folder where the file should be: SQLite cannot open it
    answer = tmp_path / "bn.md"
    answer.write_text("a good answer about batch norm")
    result = runner.invoke(app, ["grade", str(answer), "-q", "batchnorm", "--json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["score"] == 90.0
    assert result.stderr.startswith("Warning: the grade was not saved in your history: Cannot open the history")


def test_list_with_history_still_imports_neither_fsrs_nor_prompt_toolkit(prep_home: Path) -> None:
    import subprocess
    import sys

    seed("bce", 70, days_ago=2, due_in_days=-1)
    code = (
        "import sys\n"
        "from interview_prep.cli import app\n"
        "try:\n    app(['list', '--due'])\nexcept SystemExit:\n    pass\n"
        "print('MODULES', ' '.join(sorted(sys.modules)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "bce" in out  # the history was read
    loaded = {m.split(".")[0] for m in out.split("MODULES", 1)[1].split()}
    assert not loaded & {"fsrs", "prompt_toolkit", "numpy"}


def test_list_looks_for_the_file_the_store_writes(prep_home: Path) -> None:
    from interview_prep import paths, store
    from interview_prep.commands import common as listing

    assert not listing.history_exists()
    s = open_store()
    assert s.path == store.default_path() == prep_home / paths.HISTORY_FILE
    assert listing.history_exists()


def test_practice_json_keeps_the_session_on_stderr_and_prints_the_result(fake_graders: None, tmp_path: Path) -> None:
    result = runner.invoke(
        app,
        ["practice", "-q", "batchnorm", "--minutes", "5", "-w", str(tmp_path / "w"), "--json"],
        input="A good answer:\nrunning statistics at inference.\n.\nh\n",
        env={"COLUMNS": "80"},
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)  # nothing but the JSON on stdout
    assert (data["question"], data["status"], data["self_rating"], data["rating"]) == (
        "batchnorm",
        "graded",
        "hard",
        "hard",
    )
    assert data["grade"]["score"] == 90.0 and data["attempt_id"] == open_store().attempts()[0].id
    assert "#7 batchnorm" in result.stderr and "Rated hard" in result.stderr
