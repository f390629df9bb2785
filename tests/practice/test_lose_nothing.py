"""Issue 12, "Work and grades that are lost" and "Crashes and hangs": each case reproduced, then held to its fix."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def prep(prep_home: Path, *args: str, timeout: float = 60, **env: str) -> subprocess.CompletedProcess[str]:
    """The real entry point in a child, so encodings, signals and hangs are what a user would get."""
    full = dict(os.environ, PREP_HOME=str(prep_home), PYTHONPATH=str(REPO), COLUMNS="120")
    full.update(env)
    return subprocess.run(
        [sys.executable, "-m", "interview_prep", *args],
        env=full,
        capture_output=True,
        text=True,
        timeout=timeout,
        errors="replace",
    )


def one_line_error(result: subprocess.CompletedProcess[str], code: int = 2) -> str:
    assert result.returncode == code, (result.returncode, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    [line] = result.stderr.strip().splitlines()
    return line


# --- prep grade on what is not an answer file ----------------------------------------------


def test_grade_refuses_a_device_before_reading_it(prep_home: Path) -> None:
    line = one_line_error(prep(prep_home, "grade", "/dev/zero", "-q", "bce", timeout=30))
    assert "not a regular file" in line


def test_grade_refuses_a_named_pipe_instead_of_hanging(prep_home: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "fifo.md"
    os.mkfifo(fifo)
    line = one_line_error(prep(prep_home, "grade", str(fifo), timeout=30))
    assert "not a regular file" in line and str(fifo) in line


def test_grade_refuses_a_file_over_a_megabyte(prep_home: Path, tmp_path: Path) -> None:
    big = tmp_path / "big.md"
    big.write_text("word " * 300_000)
    line = one_line_error(prep(prep_home, "grade", str(big), "-q", "bias-variance"))
    assert "1.4 MB" in line and "under 1 MB" in line


# --- $PREP_BANK naming a folder that is gone ------------------------------------------------


def test_a_missing_prep_bank_folder_warns_once_and_every_command_carries_on(prep_home: Path, tmp_path: Path) -> None:
    gone = tmp_path / "my-pack-that-moved"
    for args in (["list", "--json"], ["history"], ["stats", "--json"], ["show", "kmeans"]):
        result = prep(prep_home, *args, PREP_BANK=str(gone))
        assert result.returncode == 0, (args, result.stderr)
        [warning] = result.stderr.strip().splitlines()
        assert warning == f"Warning: $PREP_BANK names {gone}, which is not a folder; its questions were left out."
    # Typed on the command line, a missing folder is still an error.
    assert prep(prep_home, "list", "--bank", str(gone)).returncode == 2
