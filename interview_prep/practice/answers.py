"""Where a session's answers come from and go: the workspace files, the grader it is given, and the watcher
that grades a solution again on every save."""

from __future__ import annotations

import hashlib
import shlex
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from interview_prep import __version__
from interview_prep.errors import PrepError
from interview_prep.grading.report import GradeReport, Status
from interview_prep.models import Question
from interview_prep.practice.clock import Clock


class Asks(Protocol):
    """The part of the session's UI the workspace files need."""

    def message(self, text: str) -> None: ...

    def confirm(self, text: str, *, default: bool) -> bool: ...

    def run_editor(self, argv: list[str]) -> None: ...


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


def prepare_file(path: Path, content: str, ui: Asks, clock: Clock) -> None:
    """Write the starter, unless the user's own work is there: then keep it, or move it aside."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists():
            existing = path.read_text(encoding="utf-8", errors="replace")
            if existing == content or not existing.strip():
                if existing != content:
                    path.write_text(content, encoding="utf-8")
                return
            if ui.confirm(f"{path} already holds your earlier work. Keep working on it?", default=True):
                return
            stamp = clock.now().astimezone().strftime("%Y%m%d-%H%M%S")
            aside = path.with_name(f"{path.name}.{stamp}.bak")
            path.rename(aside)
            ui.message(f"Your earlier work was moved to {aside}.")
        path.write_text(content, encoding="utf-8")
    except OSError as e:
        raise PrepError(f"Cannot write {path}: {e.strerror}.") from e


def read_answer(path: Path) -> str | None:
    """The file's text as it is now; None if it cannot be read (deleted, moved)."""
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None


def open_editor(editor: str | None, path: Path, ui: Asks) -> None:
    assert editor
    try:
        ui.run_editor([*shlex.split(editor), str(path)])
    except OSError as e:
        ui.message(f"Could not start the editor '{editor}' ({e.strerror}); edit {path} yourself.")


def default_editor(env: dict[str, str] | Callable[[str], str | None]) -> str | None:
    """$VISUAL, else $EDITOR, else None (then the session prints the path)."""
    get = env.get if isinstance(env, dict) else env
    for name in ("VISUAL", "EDITOR"):
        value = get(name)
        if value and value.strip():
            return value
    return None
