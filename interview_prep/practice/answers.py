"""Where a session's answers come from and go: the workspace files, the grader it is given, and the watcher
that grades a solution again on every save."""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path
from typing import Protocol

from interview_prep import __version__
from interview_prep.errors import PrepError
from interview_prep.grading.report import GradeReport, Status
from interview_prep.models import Question
from interview_prep.practice.clock import Clock


class Grader(Protocol):
    def grade_file(self, question: Question, path: Path) -> GradeReport: ...

    def grade_text(self, question: Question, text: str) -> GradeReport: ...


def grader_version(report: GradeReport | None) -> str:
    """The version recorded with an attempt: the grader's own if it reports one, else prep's."""
    if report is not None:
        own = report.extra.get("grader_version")
        if own:
            return str(own)
    return f"prep {__version__}"


def short_grade_line(report: GradeReport, *, limit: int = 3) -> str:
    """One line after a save: the score, and the checks still failing."""
    failing = [c.name for c in report.checks if c.status is not Status.PASS]
    line = f"score {report.score:.0f}/100"
    if not failing:
        return line + ", every check passes"
    shown = ", ".join(failing[:limit])
    more = f" (+{len(failing) - limit} more)" if len(failing) > limit else ""
    return f"{line}, failing: {shown}{more}"


class SolutionWatcher:
    """Grades the solution file again each time it is saved; the UI polls it while it waits."""

    def __init__(self, question: Question, path: Path, grader: Grader, clock: Clock) -> None:
        self.question = question
        self.path = path
        self.grader = grader
        self.clock = clock
        self._seen: tuple[int, int] | None = self._stamp()  # the starter is not a save
        self._cache: dict[str, GradeReport] = {}
        # The UI polls from a background thread; a submit that arrives while that grade runs
        # waits for it and reuses it rather than starting a second sandbox on the same source.
        self._lock = threading.Lock()

    def _stamp(self) -> tuple[int, int] | None:
        try:
            st = self.path.stat()
        except OSError:
            return None
        return (st.st_mtime_ns, st.st_size)

    def grade(self) -> GradeReport:
        """Grade the file as it is now, reusing the grade of identical source."""
        with self._lock:
            source = self.path.read_bytes()
            key = hashlib.sha256(source).hexdigest()
            if key not in self._cache:
                self._cache[key] = self.grader.grade_file(self.question, self.path)
            return self._cache[key]

    def poll(self) -> str | None:
        """A short line if the file was saved since the last poll, else None."""
        stamp = self._stamp()
        if stamp is None or stamp == self._seen:
            return None
        self._seen = stamp
        when = self.clock.now().astimezone().strftime("%H:%M:%S")
        try:
            return f"[{when}] saved: {short_grade_line(self.grade())}"
        except PrepError as e:
            return f"[{when}] saved: cannot grade yet: {e.message}"


def solution_path(question: Question, workspace: Path) -> Path:
    # An importable module name: ids have hyphens (stratified-split).
    return workspace / (question.id.replace("-", "_") + ".py")


def written_path(question: Question, workspace: Path) -> Path:
    return workspace / f"{question.id}.md"


def starter_source(question: Question) -> str:
    """The question's stub, marked with `# prep: ID` so that `prep grade` knows the question."""
    body = question.starter
    if f"# prep: {question.id}" in body:
        return body if body.endswith("\n") else body + "\n"
    return f"# prep: {question.id}\n" + body + ("" if body.endswith("\n") else "\n")
