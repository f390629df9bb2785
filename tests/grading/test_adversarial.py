"""Hostile or broken-by-design solutions each end as a verdict: no hang, no crash of prep, no forged pass."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from interview_prep.grading.coding import grade_coding
from interview_prep.grading.report import GATING, Status
from tests.grading.helpers import TESTS, coding_question, tags

ADVERSARIAL = sorted((TESTS / "adversarial").glob("*.py"))
# Short, so the infinite loops cost little; still ample for a correct solution (about 0.3 s).
LIMIT = 3.0


@pytest.mark.slow
@pytest.mark.parametrize("path", ADVERSARIAL, ids=[p.stem for p in ADVERSARIAL])
def test_adversarial_solution_ends_as_a_verdict(path: Path) -> None:
    t = tags(path)
    start = time.monotonic()
    report = grade_coding(coding_question(t["prep"][0]), path, timeout=LIMIT)
    elapsed = time.monotonic() - start
    assert elapsed < LIMIT + 2  # the contract: a timeout is reported within the limit plus two seconds
    allowed = {Status(s) for s in t["expect-status"][0].split()} if "expect-status" in t else None
    if allowed is not None:
        statuses = {c.status for c in report.checks if c.category in GATING}
        assert statuses <= allowed, [(c.name, c.status.value, c.message) for c in report.checks]
    for needle in t.get("expect-message", []):
        assert any(needle in c.message for c in report.checks), [c.message for c in report.checks]
    by_name = {c.name: c for c in report.checks}
    for name in t.get("expect-failed", []):
        assert by_name[name].status is not Status.PASS
    expect_passed = t.get("expect-passed", ["no"])[0].split()[0]
    if expect_passed != "any":
        assert report.passed is (expect_passed == "yes")
    if not report.passed:
        assert report.score < 100


@pytest.mark.slow
def test_infinite_loop_is_a_timeout_on_every_check_within_the_limit_plus_two_seconds() -> None:
    start = time.monotonic()
    report = grade_coding(coding_question("kmeans"), TESTS / "adversarial" / "infinite_loop.py", timeout=2.0)
    assert time.monotonic() - start < 2.0 + 2
    gating = [c for c in report.checks if c.category in GATING]
    assert all(c.status is Status.TIMEOUT for c in gating)
    assert "did not finish within the time limit (2.0 s)" in gating[0].message
    assert report.score < 20 and not report.passed


@pytest.mark.slow
def test_a_forked_child_that_keeps_running_is_killed(tmp_path: Path) -> None:
    pidfile = tmp_path / "pid"
    source = (TESTS / "adversarial" / "fork_keeps_running.py").read_text()
    solution = tmp_path / "kmeans.py"
    solution.write_text(source.replace('"/tmp/prep-fork-pid"', repr(str(pidfile))))
    report = grade_coding(coding_question("kmeans"), solution, timeout=LIMIT)
    assert report.checks  # a verdict came back
    if not pidfile.exists():
        # Only RLIMIT_NPROC may stop the fork, and it binds non-root users only.
        assert os.geteuid() != 0, "the fork did not happen, so this test shows nothing"
        assert any("BlockingIOError" in c.message or "Resource" in c.message for c in report.checks)
        return
    pid = int(pidfile.read_text())
    deadline = time.monotonic() + 2
    while time.monotonic() < deadline and _alive(pid):
        time.sleep(0.05)
    assert not _alive(pid)


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except FileNotFoundError:
        return False
    return state not in ("Z", "X")  # a zombie waiting for its reaper is dead
