"""What a session needs from a terminal: the SessionUI protocol and what its answers come back as.

ui.py holds the real terminals; tests drive a session with a fake. Apart from session.py so that
the session reads as what it does, and the UI as what it is asked.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, Protocol

from interview_prep.models import Question
from interview_prep.practice.answers import SolutionWatcher
from interview_prep.practice.clock import Countdown
from interview_prep.practice.schedule import RatingName

if TYPE_CHECKING:
    from interview_prep.grading.report import GradeReport
    from interview_prep.practice.session import SessionResult

# "ended": the input ran dry (piped stdin at its end); nothing more can be typed, so a
# solution that cannot be graded ends the attempt instead of being asked for again.
WaitOutcome = Literal["submit", "timeout", "edit", "hint", "ended"]


@dataclass(frozen=True)
class WrittenAnswer:
    text: str
    timed_out: bool
    ended: bool = False  # the input ended (a pipe ran dry): nothing more will be typed


class SessionUI(Protocol):
    """What a session needs from a terminal; ui.py has the real ones, tests a fake."""

    def show_question(self, question: Question, countdown: Countdown) -> None: ...

    def message(self, text: str) -> None: ...

    def confirm(self, text: str, *, default: bool) -> bool: ...

    def run_editor(self, argv: list[str]) -> None: ...

    def wait_for_submit(
        self, countdown: Countdown, watcher: SolutionWatcher | None, *, can_edit: bool
    ) -> WaitOutcome: ...

    def read_written(
        self, countdown: Countdown, draft: str = "", keep: Callable[[str], None] | None = None
    ) -> WrittenAnswer:
        """The typed answer; `keep` is told the text so far as it changes, so that a signal loses none of it."""
        ...

    def show_report(self, report: GradeReport | None, question: Question, result: SessionResult) -> None: ...

    def ask_rating(self, implied: RatingName) -> RatingName | None: ...

    def round_intro(self, number: int, total: int, category: str, question: Question) -> None: ...
