"""`prep practice` in a real pseudo-terminal: the live countdown, a save re-graded, Ctrl-C, time running out."""

from __future__ import annotations

import io
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pexpect  # type: ignore[import-untyped]  # no stubs published
import pytest

from interview_prep import paths
from interview_prep.bank import load_bank
from interview_prep.store import open_store

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]
CPR_REQUEST = re.escape("\x1b[6n")
COUNTDOWN = r"(\d+):(\d\d) left"


class Terminal:
    """A pty running `prep` that answers cursor-position requests, as every real terminal does.

    prompt_toolkit draws the bottom toolbar (our countdown) only once it knows where the
    cursor is, so a test terminal that ignored the request would never see the clock.
    """

    def __init__(self, args: list[str], prep_home: Path, cwd: Path) -> None:
        env = {k: v for k, v in os.environ.items() if k not in ("VISUAL", "EDITOR")}
        env.update(PREP_HOME=str(prep_home), PYTHONPATH=str(REPO), TERM="xterm", COLUMNS="110", LINES="40")
        self.log = io.StringIO()
        self.child = pexpect.spawn(
            sys.executable,
            ["-m", "interview_prep", *args],
            env=env,
            cwd=str(cwd),
            encoding="utf-8",
            timeout=30,
            dimensions=(40, 110),
        )
        self.child.logfile_read = self.log

    def expect(self, pattern: str) -> re.Match[str]:
        while True:
            i = self.child.expect([CPR_REQUEST, pattern])
            if i == 0:
                self.child.send("\x1b[5;1R")  # the cursor is on row 5: room below for the toolbar
                continue
            match = self.child.match
            assert isinstance(match, re.Match)
            return match

    def countdown_seconds(self) -> int:
        m = self.expect(COUNTDOWN)
        return int(m.group(1)) * 60 + int(m.group(2))

    def redraw(self) -> None:
        # Ctrl-L repaints the whole prompt; prompt_toolkit otherwise repaints only the
        # characters that changed (just the last digit), which a pattern cannot follow.
        self.child.sendcontrol("l")

    def finish(self) -> int:
        self.child.expect(pexpect.EOF)
        self.child.close()
        status = self.child.exitstatus
        assert isinstance(status, int), f"killed by signal {self.child.signalstatus}"
        return status

    @property
    def output(self) -> str:
        return self.log.getvalue()


def prep(prep_home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PREP_HOME=str(prep_home), PYTHONPATH=str(REPO), COLUMNS="140")
    return subprocess.run(
        [sys.executable, "-m", "interview_prep", *args], env=env, capture_output=True, text=True, timeout=60
    )


def see_the_clock_tick(term: Terminal) -> None:
    first = term.countdown_seconds()
    time.sleep(1.6)
    term.redraw()
    second = term.countdown_seconds()
    assert second < first, (first, second)


def check_history_and_stats(prep_home: Path, question: str, answer_fragment: str) -> None:
    [attempt] = open_store().attempts()
    listing = prep(prep_home, "history")
    assert listing.returncode == 0, listing.stderr
    [row] = [line for line in listing.stdout.splitlines() if question in line]
    assert row.split()[0] == str(attempt.id) and f"{attempt.score:.0f}" in row.split()
    shown = prep(prep_home, "history", "--show", str(attempt.id))
    assert shown.returncode == 0
    assert answer_fragment in shown.stdout and "Score" in shown.stdout
    stats = prep(prep_home, "stats", "--json")
    assert stats.returncode == 0
    [row] = json.loads(stats.stdout)["questions"]
    assert (row["name"], row["attempts"], row["last_score"]) == (question, 1, attempt.score)


def test_written_practice_end_to_end(prep_home: Path, tmp_path: Path) -> None:
    question = load_bank().get("bias-variance")
    answer = " ".join(question.how_to_answer.split())  # the model answer, typed in
    term = Terminal(["practice", "-q", "bias-variance", "--minutes", "1"], prep_home, tmp_path)
    term.expect("#4 bias-variance")
    see_the_clock_tick(term)
    term.child.send(answer)
    term.child.sendcontrol("d")
    term.expect(r"Score \S+ / 100")
    term.expect("What they look for")
    term.expect(r"How did it go\?")
    term.child.send("g\r")
    term.expect(r"Rated good; scheduled as \w+")
    assert term.finish() == 0
    assert "Traceback" not in term.output

    [attempt] = open_store().attempts()
    assert attempt.status == "graded" and attempt.self_rating == "good"
    assert " ".join((attempt.answer or "").split()) == answer
    assert attempt.time_limit_s == 60.0 and 1.5 < (attempt.time_used_s or 0) < 60
    check_history_and_stats(prep_home, "bias-variance", answer.split()[0])


def test_coding_practice_end_to_end(prep_home: Path, tmp_path: Path) -> None:
    workspace = tmp_path / "prep-work"
    term = Terminal(["practice", "-q", "bce", "--minutes", "2", "--no-follow-ups"], prep_home, tmp_path)
    term.expect("#2 bce")
    see_the_clock_tick(term)
    solution = workspace / "bce.py"
    assert solution.read_text().startswith("# prep: bce\n")  # the starter, with its marker
    reference = (paths.solutions_dir() / "bce.py").read_text()
    solution.write_text("# prep: bce\n" + reference)
    term.expect(r"saved: score 100/100, every check passes")
    term.child.send("\r")
    term.expect("PASSED")
    term.expect(r"How did it go\?")
    term.child.send("e\r")
    term.expect(r"Rated easy; scheduled as easy\.")
    assert term.finish() == 0
    assert "Traceback" not in term.output
    [attempt] = open_store().attempts()
    assert attempt.passed and attempt.answer == "# prep: bce\n" + reference
    check_history_and_stats(prep_home, "bce", "def bce_loss")


@pytest.mark.parametrize("question", ["batchnorm", "bce"])
def test_ctrl_c_leaves_cleanly_and_keeps_the_attempt_as_abandoned(
    prep_home: Path, tmp_path: Path, question: str
) -> None:
    term = Terminal(["practice", "-q", question, "--minutes", "5"], prep_home, tmp_path)
    term.countdown_seconds()
    if question == "batchnorm":
        term.child.send("half an answer")
    term.child.send("\x03")
    term.expect("Interrupted: the attempt in progress was saved as abandoned.")
    assert term.finish() == 130
    assert "Traceback" not in term.output
    [attempt] = open_store().attempts()
    assert attempt.status == "abandoned" and attempt.question == question
    if question == "bce":
        assert (attempt.answer or "").startswith("# prep: bce")  # the work so far is kept


def test_when_time_runs_out_the_answer_so_far_is_graded_and_marked_over_time(prep_home: Path, tmp_path: Path) -> None:
    term = Terminal(
        ["practice", "-q", "learning-rate", "--minutes", "0.05", "--no-follow-ups"], prep_home, tmp_path
    )  # 3 s
    term.countdown_seconds()
    term.child.send("A learning rate that is too large overshoots the minimum")
    term.expect(r"Score \S+ / 100")  # nobody pressed anything: the clock ended it
    term.expect(r"\(over time\)")
    term.expect(r"How did it go\?")
    term.child.send("e\r")
    # Over time caps the rating, whatever the self-rating says.
    term.expect(r"Rated easy; scheduled as (again|hard) \(the grade says (again|hard)\)\.")
    assert term.finish() == 0
    [attempt] = open_store().attempts()
    assert attempt.over_time and attempt.answer == "A learning rate that is too large overshoots the minimum"


def test_ctrl_c_at_the_rating_keeps_the_grade_but_not_the_schedule(prep_home: Path, tmp_path: Path) -> None:
    term = Terminal(["practice", "-q", "batchnorm", "--minutes", "5", "--no-follow-ups"], prep_home, tmp_path)
    term.countdown_seconds()
    term.child.send("Batch norm uses running statistics at inference.")
    term.child.sendcontrol("d")
    term.expect(r"How did it go\?")
    term.child.send("\x03")
    term.expect("Interrupted: the attempt was graded and kept; it was not rated, so the schedule did not move.")
    assert term.finish() == 130
    assert "Traceback" not in term.output
    [attempt] = open_store().attempts()
    assert attempt.status == "graded" and attempt.grade is not None and attempt.self_rating is None
    assert open_store().card("batchnorm") is None


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_sigterm_and_sighup_keep_the_typed_answer_and_abandon_the_attempt(
    prep_home: Path, tmp_path: Path, signum: int
) -> None:
    typed = "Batch norm normalises with the batch statistics in training"
    term = Terminal(["practice", "-q", "batchnorm", "--minutes", "5"], prep_home, tmp_path)
    term.countdown_seconds()
    term.child.send(typed)
    term.expect("statistics in training")  # echoed: the prompt has it
    term.child.kill(signum)
    name = signal.Signals(signum).name
    term.expect(f"Stopped by {name}: the attempt in progress was saved as abandoned.")
    term.expect(r"`prep practice -q batchnorm` offers to carry on from it\.")
    assert term.finish() == 130
    assert "Traceback" not in term.output
    [attempt] = open_store().attempts()
    assert attempt.status == "abandoned" and attempt.answer == typed
    shown = prep(prep_home, "history", "--show", str(attempt.id))
    assert shown.returncode == 0 and typed in " ".join(shown.stdout.split())
    if signum == signal.SIGHUP:
        return
    # The next practice of that question offers the answer back, in the prompt, to finish and submit.
    term = Terminal(["practice", "-q", "batchnorm", "--minutes", "5", "--no-follow-ups"], prep_home, tmp_path)
    term.expect(r"Carry on from that answer\?")
    term.child.send("\r")
    term.expect("statistics in training")
    term.child.send(" and running statistics at inference.")
    term.child.sendcontrol("d")
    term.expect(r"Score \S+ / 100")
    term.expect(r"How did it go\?")
    term.child.send("g\r")
    term.expect("Rated good")
    assert term.finish() == 0
    first, second = open_store().attempts()
    assert second.status == "graded" and second.answer == typed + " and running statistics at inference."
