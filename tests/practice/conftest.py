"""Fixtures for the practice tests: isolated user data, a fake clock, a fake grader, a scripted UI."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from interview_prep.bank import Bank, load_bank
from interview_prep.grading.report import Category, CheckResult, GradeReport, Status, coding_report
from interview_prep.models import Question
from interview_prep.practice.schedule import RatingName
from interview_prep.practice.session import (
    Countdown,
    SessionContext,
    SessionResult,
    SolutionWatcher,
    WaitOutcome,
    WrittenAnswer,
)
from interview_prep.store import Store, open_store


@pytest.fixture(autouse=True)
def prep_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own user data folder: no test reads or writes the real history."""
    home = tmp_path / "prep-home"
    monkeypatch.setenv("PREP_HOME", str(home))
    for name in ("VISUAL", "EDITOR"):
        monkeypatch.delenv(name, raising=False)
    return home


class FakeClock:
    """A clock that moves only when a test says so."""

    def __init__(self) -> None:
        self.t = 1000.0
        self.start = datetime(2026, 3, 1, 9, 0, tzinfo=timezone.utc)

    def now(self) -> datetime:
        return self.start + timedelta(seconds=self.t - 1000.0)

    def monotonic(self) -> float:
        return self.t

    def advance(self, seconds: float) -> None:
        self.t += seconds


class FakeGrader:
    """Coding: 100 when the source says SOLVED, else 25 with two failing checks. Written: by length."""

    def __init__(self) -> None:
        self.files: list[str] = []
        self.texts: list[str] = []

    def grade_file(self, question: Question, path: Path) -> GradeReport:
        source = path.read_text()
        self.files.append(source)
        if "SYNTAX ERROR" in source:
            from interview_prep.errors import AnswerError

            raise AnswerError(f"{path.name} line 3: invalid syntax.")
        ok = "SOLVED" in source
        st = Status.PASS if ok else Status.FAIL
        checks = [
            CheckResult("shapes", Category.CORRECTNESS, Status.PASS, 1, 1, "ok"),
            CheckResult("empty cluster re-seeded", Category.EDGE_CASE, st, 1 if ok else 0, 1, "m"),
            CheckResult("fixed point", Category.CORRECTNESS, st, 2 if ok else 0, 2, "m"),
        ]
        return coding_report(question.id, checks)

    def grade_text(self, question: Question, text: str) -> GradeReport:
        self.texts.append(text)
        if not text.strip():
            from interview_prep.errors import AnswerError

            raise AnswerError("The answer is empty.")
        score = min(100.0, 10.0 * len(text.split()))
        return GradeReport(question.id, "written", score, score >= 60, (), {"grader_version": "fake-written 1"})


Step = Callable[["FakeUI", Countdown, SolutionWatcher | None], WaitOutcome]


@dataclass
class FakeUI:
    """A UI driven by a script: each wait runs the next step, which may move the clock or edit files."""

    clock: FakeClock
    waits: list[Step] = field(default_factory=list)
    written: list[Callable[[Countdown], WrittenAnswer]] = field(default_factory=list)
    confirms: list[bool] = field(default_factory=list)
    rating: RatingName | None = "good"
    messages: list[str] = field(default_factory=list)
    polled: list[str] = field(default_factory=list)
    shown: list[tuple[GradeReport | None, SessionResult]] = field(default_factory=list)
    editor_runs: list[list[str]] = field(default_factory=list)
    intros: list[str] = field(default_factory=list)
    implied_seen: list[str] = field(default_factory=list)
    drafts: list[str] = field(default_factory=list)
    keep: Callable[[str], None] | None = None  # what the last read_written was given to report typing

    def show_question(self, question: Question, countdown: Countdown) -> None:
        self.messages.append(f"question {question.id}")

    def message(self, text: str) -> None:
        self.messages.append(text)

    def confirm(self, text: str, *, default: bool) -> bool:
        self.messages.append(text)
        return self.confirms.pop(0)

    def run_editor(self, argv: list[str]) -> None:
        self.editor_runs.append(argv)

    def wait_for_submit(self, countdown: Countdown, watcher: SolutionWatcher | None, *, can_edit: bool) -> WaitOutcome:
        return self.waits.pop(0)(self, countdown, watcher)

    def read_written(
        self, countdown: Countdown, draft: str = "", keep: Callable[[str], None] | None = None
    ) -> WrittenAnswer:
        self.drafts.append(draft)
        self.keep = keep
        return self.written.pop(0)(countdown)

    def show_report(self, report: GradeReport | None, question: Question, result: SessionResult) -> None:
        self.shown.append((report, result))

    def ask_rating(self, implied: RatingName) -> RatingName | None:
        self.implied_seen.append(implied)
        return self.rating

    def round_intro(self, number: int, total: int, category: str, question: Question) -> None:
        self.intros.append(category)

    def poll(self, watcher: SolutionWatcher | None) -> None:
        assert watcher is not None
        line = watcher.poll()
        if line:
            self.polled.append(line)


@pytest.fixture(scope="session")
def bank() -> Bank:
    return load_bank()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def store(prep_home: Path) -> Iterator[Store]:
    s = open_store()
    yield s
    s.close()


@pytest.fixture
def make_ctx(
    store: Store, clock: FakeClock, tmp_path: Path
) -> Callable[..., tuple[SessionContext, FakeUI, FakeGrader]]:
    def make(**kw: Any) -> tuple[SessionContext, FakeUI, FakeGrader]:
        ui = FakeUI(clock)
        grader = FakeGrader()
        kw.setdefault("follow_ups", False)  # the interviewer's questions are tested on their own (test_follow_ups.py)
        ctx = SessionContext(store=store, ui=ui, clock=clock, grader=grader, workspace=tmp_path / "prep-work", **kw)
        return ctx, ui, grader

    return make
