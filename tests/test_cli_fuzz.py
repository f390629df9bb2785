"""Every command driven with random arguments, files, stdin and environments: never a traceback,
exit codes only 0/1/2/130, and the history's attempt count never goes down."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.main import get_group
from typer.testing import CliRunner

from interview_prep.cli import app

runner = CliRunner()
COMMANDS = sorted(get_group(app).commands)
# Words the commands know, and values they take; "FILE" and "DIR" become real paths. Not here:
# --install-completion (it edits the user's shell files) and reset's --yes (it is meant to forget).
WORDS = [
    "--json", "--csv", "--rubric", "--force", "--full", "--due", "--no-save", "-h", "--help", "--version",
    "-q", "--question", "--category", "-c", "--show", "--limit", "-n", "--page", "-p", "--minutes", "-m",
    "--timeout", "--bank", "-w", "--workspace",
    "kmeans", "1", "7", "19", "0", "-1", "99", "batchnrom", "coding", "maths", "-", "0.01", "1e9", "nan", "",
    "FILE", "FILE", "DIR",
]  # fmt: skip
SUFFIXES = [".py", ".md", ".txt", ".json", ".csv", ".yaml", ""]
TEXTS = st.one_of(
    st.text(max_size=200),
    st.sampled_from(
        [
            "# prep: kmeans\ndef kmeans(X, k, max_iters=100, tol=1e-4, seed=None):\n    raise NotImplementedError\n",
            "# prep: bias-variance\nBias is error from wrong assumptions; variance from sensitivity to the data.\n",
            '{"format": "prep-history", "version": 1, "attempts": [], "cards": [], "help_taken": []}',
            "id,question,kind,mode,started_at,status\n1,kmeans,coding,grade,2026-01-01T00:00:00+00:00,graded\n",
            "id: x\nnumber: [oops\n",
            "def f(:\n",
        ]
    ),
)
ENVS = st.fixed_dictionaries(
    {},
    optional={
        "COLUMNS": st.sampled_from(["0", "1", "20", "80", "500", "x"]),
        "LINES": st.sampled_from(["0", "5", "24"]),
        "NO_COLOR": st.just("1"),
        "TERM": st.sampled_from(["dumb", "xterm-256color"]),
    },
)


def attempt_count(home: Path) -> int:
    path = home / "history.sqlite3"
    if not path.exists():
        return 0
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT COUNT(*) FROM attempts").fetchone()[0])
    except sqlite3.Error:
        return 0
    finally:
        conn.close()


@pytest.mark.slow
@settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    command=st.sampled_from(COMMANDS),
    words=st.lists(st.sampled_from(WORDS), max_size=6),
    text=TEXTS,
    suffix=st.sampled_from(SUFFIXES),
    stdin=TEXTS,
    env=ENVS,
)
def test_no_command_crashes_or_loses_attempts(
    tmp_path: Path,
    isolated_user_data: Path,
    monkeypatch: pytest.MonkeyPatch,
    command: str,
    words: list[str],
    text: str,
    suffix: str,
    stdin: str,
    env: dict[str, str],
) -> None:
    monkeypatch.chdir(tmp_path)  # practice writes its workspace under the current folder
    answer = tmp_path / f"answer{suffix}"
    answer.write_text(text, encoding="utf-8")
    folder = tmp_path / "pack"
    folder.mkdir(exist_ok=True)
    args = [command, *(str(answer) if w == "FILE" else str(folder) if w == "DIR" else w for w in words)]
    if command in ("practice", "mock"):
        args += ["--minutes", "0.01", "-w", str(tmp_path / "work")]  # a session that cannot wait long
    if command == "check-bank":
        args += ["--bank", str(folder)]  # the whole bank's check runs every fixture: minutes, not seconds
    before = attempt_count(isolated_user_data)
    result = runner.invoke(app, args, input=stdin, env=env)
    crash = result.exception if not isinstance(result.exception, SystemExit) else None
    assert crash is None, f"prep {args!r} raised {crash!r}"
    assert "Traceback" not in result.output, (args, result.output)
    assert result.exit_code in (0, 1, 2, 130), (args, result.exit_code, result.output)
    assert attempt_count(isolated_user_data) >= before, args
