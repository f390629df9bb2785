"""`prep mock` end to end on a real terminal (a pty): all six kinds of round, the real graders and the
real sandbox, then the summary with each round's grade and time."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from interview_prep.store import open_store

ROUNDS = "dsa,ml-coding,fundamentals,project,system-design,behavioral"


class Terminal:
    """The master side of a pty: what the program printed, read up to each expected prompt in turn."""

    def __init__(self, fd: int, seconds: float) -> None:
        self.fd, self.deadline = fd, time.monotonic() + seconds
        self.seen, self.pos = bytearray(), 0

    def expect(self, text: str) -> None:
        """Wait until `text` appears after the previous prompt expected."""
        while (at := self.seen.find(text.encode(), self.pos)) < 0:
            left = self.deadline - time.monotonic()
            tail = self.seen[-2000:].decode(errors="replace")
            assert left > 0, f"timed out waiting for {text!r}; the terminal shows: {tail}"
            ready, _, _ = select.select([self.fd], [], [], min(left, 1.0))
            if ready:
                try:
                    chunk = os.read(self.fd, 65536)
                except OSError:  # the child closed the terminal
                    chunk = b""
                assert chunk, f"the terminal closed before {text!r}: {tail}"
                self.seen += chunk
        self.pos = at + len(text)

    def type(self, text: str) -> None:
        os.write(self.fd, text.encode())


@pytest.mark.slow
def test_mock_plays_all_six_kinds_of_round_on_a_terminal(prep_home: Path, tmp_path: Path) -> None:
    master, slave = pty.openpty()
    # TERM=dumb: the plain prompts, read line by line from the terminal as a person types them.
    env = {**os.environ, "TERM": "dumb", "COLUMNS": "120", "PREP_HOME": str(prep_home), "VISUAL": "", "EDITOR": ""}
    # The round kinds are what is tested here; the interviewer's follow-ups have tests of their own.
    cmd = [sys.executable, "-m", "interview_prep", "mock", "--rounds", ROUNDS, "-w", str(tmp_path / "w"), "-m", "1"]
    cmd.append("--no-follow-ups")
    child = subprocess.Popen(cmd, stdin=slave, stdout=slave, stderr=slave, env=env, close_fds=True)
    os.close(slave)
    term = Terminal(master, 240)
    try:
        for number, kind in enumerate(ROUNDS.split(","), start=1):
            term.expect(f"Round {number} of 6: {kind}.")
            term.type("\n")
            if kind in ("dsa", "ml-coding"):
                term.expect("Enter submits")
                term.type("\n")  # submit the untouched starter: the real sandbox grades it
            else:
                term.expect("Type your answer")
                term.type("I would start from the data and a simple baseline.\n.\n")
            term.expect("How did it go?")
            term.type("g\n")
        term.expect("rounds passed")
        assert child.wait(timeout=30) == 0
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        os.close(master)
    screen = term.seen.decode(errors="replace")
    assert "Mock interview loop" in screen
    for kind in ROUNDS.split(","):
        assert kind in screen
    store = open_store()
    try:
        attempts = store.attempts()
    finally:
        store.close()
    assert len(attempts) == 6 and len({a.mock_id for a in attempts}) == 1
    assert all(a.grade is not None for a in attempts)
