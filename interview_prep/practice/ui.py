"""The terminal side of a session: a prompt_toolkit prompt with a live countdown, or plain prompts."""

from __future__ import annotations

import os
import select
import subprocess
import sys
import threading
from collections.abc import Callable
from typing import IO, TYPE_CHECKING, Any

from rich.console import Console

from interview_prep.grading.report import GradeReport
from interview_prep.interrupts import Terminated, diverted
from interview_prep.models import Question
from interview_prep.practice.schedule import RATINGS, RatingName, parse_rating
from interview_prep.practice.session import Countdown, SessionResult, SolutionWatcher
from interview_prep.practice.session_ui import WaitOutcome, WrittenAnswer

if TYPE_CHECKING:
    from prompt_toolkit import PromptSession

ReportRenderer = Callable[[Console, GradeReport | None, Question, SessionResult], None]
QuestionRenderer = Callable[[Console, Question, Countdown], None]

POLL_S = 0.5  # how often a save is looked for; grading takes longer than this anyway
RATING_PROMPT = "How did it go? [a]gain / [h]ard / [g]ood / [e]asy"


class LineReader:
    """Lines from a file descriptor with a timeout, so a plain session can still end on time.

    Reads raw bytes itself: a buffered sys.stdin would swallow several lines at once and
    select() would then wait for input that has already arrived.
    """

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self._buf = b""
        self._eof = False

    def readline(self, timeout: float | None = None) -> str | None:
        """A line without its newline; None at end of input; TimeoutError when time is up."""
        while b"\n" not in self._buf and not self._eof:
            if timeout is not None and os.name == "posix":
                ready, _, _ = select.select([self.fd], [], [], max(0.0, timeout))
                if not ready:
                    raise TimeoutError
            chunk = os.read(self.fd, 4096)
            if not chunk:
                self._eof = True
            self._buf += chunk
        if not self._buf:
            return None
        line, sep, rest = self._buf.partition(b"\n")
        self._buf = rest
        return line.decode("utf-8", errors="replace").rstrip("\r")


class StreamLineReader:
    """Lines from a stream without a file descriptor (an in-memory stdin): no timeout possible."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream

    def readline(self, timeout: float | None = None) -> str | None:
        line = self.stream.readline()
        return line.rstrip("\r\n") if line else None


def stdin_reader() -> LineReader | StreamLineReader:
    try:
        return LineReader(sys.stdin.fileno())
    except (AttributeError, OSError, ValueError):  # io.UnsupportedOperation is an OSError
        return StreamLineReader(sys.stdin)


def _typed(answer: str, *, can_edit: bool) -> WaitOutcome:
    """What a line typed at the submit prompt asks for: e reopens the editor, h a hint, else submit."""
    word = answer.strip().lower()
    if can_edit and word == "e":
        return "edit"
    return "hint" if word == "h" else "submit"


class SessionUIBase:
    """What both UIs share: rendering through injected functions, and the editor."""

    def __init__(self, console: Console, render_question: QuestionRenderer, render_report: ReportRenderer):
        self.console = console
        self._render_question = render_question
        self._render_report = render_report

    def show_question(self, question: Question, countdown: Countdown) -> None:
        self._render_question(self.console, question, countdown)

    def message(self, text: str) -> None:
        self.console.print(text, markup=False, highlight=False)

    def show_report(self, report: GradeReport | None, question: Question, result: SessionResult) -> None:
        self._render_report(self.console, report, question, result)

    def run_editor(self, argv: list[str]) -> None:
        # The terminal belongs to the editor until it exits; the clock keeps running.
        subprocess.run(argv, check=False)

    def _ask(self, text: str) -> str | None:
        """One line typed after `text`; None at the end of input (Ctrl-D, a pipe's end)."""
        raise NotImplementedError

    def confirm(self, text: str, *, default: bool) -> bool:
        answer = self._ask(text + (" [Y/n]" if default else " [y/N]"))
        if answer is None or not answer.strip():
            return default  # Ctrl-D or Enter: the default, which never loses work
        return answer.strip().lower().startswith("y")

    def ask_rating(self, implied: RatingName) -> RatingName | None:
        while True:
            answer = self._ask(f"{RATING_PROMPT} (the grade says {implied}):")
            if answer is None:
                return None
            rating = parse_rating(answer)
            if rating:
                return rating
            *rest, last = (r[0] for r in RATINGS)
            self.message(f"Please answer {', '.join(rest)} or {last}.")

    def round_intro(self, number: int, total: int, category: str, question: Question) -> None:
        self._ask(f"Round {number} of {total}: {category}. Press Enter to start.")


class PlainUI(SessionUIBase):
    """Prompts for when stdin is not a terminal: lines in, lines out, still timed."""

    def __init__(
        self,
        console: Console,
        render_question: QuestionRenderer,
        render_report: ReportRenderer,
        reader: LineReader | StreamLineReader | None = None,
    ) -> None:
        super().__init__(console, render_question, render_report)
        self.reader = reader or stdin_reader()

    def _ask(self, text: str, timeout: float | None = None) -> str | None:
        self.console.print(text, markup=False, highlight=False, end=" ")
        self.console.file.flush()
        return self.reader.readline(timeout)

    def wait_for_submit(self, countdown: Countdown, watcher: SolutionWatcher | None, *, can_edit: bool) -> WaitOutcome:
        hint = "Enter submits, h then Enter shows a hint" + (", e then Enter reopens the editor" if can_edit else "")
        self.console.print(f"[{countdown.label()}] {hint}.", markup=False, highlight=False)
        while True:
            if watcher is not None:
                line = watcher.poll()
                if line:
                    self.message(line)
            if countdown.expired():
                return "timeout"
            try:
                answer = self.reader.readline(timeout=min(POLL_S, max(countdown.remaining(), 0.0)))
            except TimeoutError:
                continue
            if answer is None:
                return "ended"  # submits what is there; nothing more will come
            return _typed(answer, can_edit=can_edit)

    def read_written(
        self, countdown: Countdown, draft: str = "", keep: Callable[[str], None] | None = None
    ) -> WrittenAnswer:
        # A line prompt cannot offer the draft for editing: it is kept, and what is typed is added to it.
        so_far = " (your answer so far is kept; type the rest)" if draft.strip() else ""
        self.console.print(
            f"[{countdown.label()}] Type your answer{so_far}; a line with a single '.' (or end of input) submits.",
            markup=False,
            highlight=False,
        )
        lines: list[str] = draft.splitlines() if draft.strip() else []
        while True:
            try:
                line = self.reader.readline(timeout=max(countdown.remaining(), 0.0))
            except TimeoutError:
                return WrittenAnswer("\n".join(lines), timed_out=True)
            if line is None or line.strip() == ".":
                return WrittenAnswer("\n".join(lines), timed_out=False, ended=line is None)
            lines.append(line)
            if keep is not None:
                keep("\n".join(lines))


def _prompt(session: PromptSession[str], *args: Any, **kwargs: Any) -> str:
    """`session.prompt`, ended by a TERM or HUP through its own event loop (see interrupts.py).

    The exception is raised by the prompt as Ctrl-C's is; if the prompt finished before the loop
    got to it, it is raised here, so the signal is never lost."""
    pending: list[Terminated] = []

    def take(terminated: Terminated) -> bool:
        app, loop = session.app, session.app.loop
        if not app.is_running or loop is None or loop.is_closed():
            return False
        pending.append(terminated)
        loop.call_soon_threadsafe(stop)
        return True

    def stop() -> None:  # on the prompt's event loop
        future = session.app.future
        if session.app.is_running and future is not None and not future.done():
            session.app.exit(exception=pending[0])

    with diverted(take):
        text = session.prompt(*args, **kwargs)
    if pending:
        raise pending[0]
    return text


class TerminalUI(SessionUIBase):
    """prompt_toolkit prompts whose bottom toolbar shows the countdown, redrawn every half second."""

    def _session(self) -> PromptSession[str]:
        from prompt_toolkit import PromptSession

        return PromptSession()

    def _toolbar(self, countdown: Countdown, hint: str) -> Callable[[], str]:
        return lambda: f" {countdown.label()}  |  {hint} "

    def _ask(self, text: str) -> str | None:
        try:
            return _prompt(self._session(), text + " ")
        except EOFError:  # Ctrl-D
            return None

    def _run_timed(
        self,
        countdown: Countdown,
        on_timeout: Callable[[PromptSession[str]], str],
        watcher: SolutionWatcher | None,
        keep: Callable[[str], None] | None = None,
        **prompt_args: Any,
    ) -> tuple[str, bool]:
        """Run one prompt that ends by itself when the clock runs out; saves are graded meanwhile.

        `keep` is given the text after every change, on the prompt's own thread."""
        from prompt_toolkit.patch_stdout import patch_stdout

        session = self._session()
        if keep is not None:
            session.default_buffer.on_text_changed += lambda buffer: keep(buffer.text)
        stop = threading.Event()
        timed_out = threading.Event()

        def watch() -> None:
            # A thread, not an asyncio task: grading blocks for up to a couple of seconds.
            while not stop.wait(POLL_S):
                if watcher is not None:
                    line = watcher.poll()
                    if line and not stop.is_set():
                        print(line, flush=True)  # patch_stdout puts it above the prompt
                if countdown.expired() and not timed_out.is_set():
                    app = session.app
                    if app.is_running and app.loop is not None:
                        timed_out.set()
                        app.loop.call_soon_threadsafe(end, on_timeout(session))

        def end(text: str) -> None:  # on the prompt's event loop
            if session.app.is_running:
                session.app.exit(result=text)

        if countdown.expired():
            return on_timeout(session), True
        thread = threading.Thread(target=watch, name="prep-watch", daemon=True)
        with patch_stdout(raw=True):
            thread.start()
            try:
                text = _prompt(session, refresh_interval=POLL_S, **prompt_args)
            except EOFError:  # Ctrl-D on an empty line: as good as Enter
                text = ""
            finally:
                stop.set()
                thread.join(timeout=0.1)  # a grade in progress finishes on its own; its line is dropped
        return text, timed_out.is_set()

    def wait_for_submit(self, countdown: Countdown, watcher: SolutionWatcher | None, *, can_edit: bool) -> WaitOutcome:
        hint = "Enter submits · h Enter: hint" + (" · e Enter: editor" if can_edit else "") + " · Ctrl-C abandons"
        text, timed_out = self._run_timed(
            countdown,
            lambda s: "",
            watcher,
            message="> ",
            bottom_toolbar=self._toolbar(countdown, hint),
        )
        if timed_out:
            return "timeout"
        return _typed(text, can_edit=can_edit)

    def read_written(
        self, countdown: Countdown, draft: str = "", keep: Callable[[str], None] | None = None
    ) -> WrittenAnswer:
        from prompt_toolkit.key_binding import KeyBindings

        bindings = KeyBindings()

        @bindings.add("c-d")
        def _submit(event: Any) -> None:  # Ctrl-D submits, as end of input would
            event.current_buffer.validate_and_handle()

        self.message("Type your answer below. Ctrl-D (or Esc then Enter) submits.")
        text, timed_out = self._run_timed(
            countdown,
            lambda s: s.default_buffer.text or draft,
            None,
            keep,
            message="",
            default=draft,
            multiline=True,
            key_bindings=bindings,
            prompt_continuation="",
            bottom_toolbar=self._toolbar(countdown, "Ctrl-D submits · Ctrl-C abandons"),
        )
        return WrittenAnswer(text, timed_out)

    def round_intro(self, number: int, total: int, category: str, question: Question) -> None:
        super().round_intro(number, total, category, question)  # Ctrl-D starts it as Enter would
        # A fresh screen per round: the last round's grade and rubric, read by now, would sit above
        # (and be mistaken for part of) this round's question.
        self.console.clear()


def make_ui(console: Console, render_question: QuestionRenderer, render_report: ReportRenderer) -> PlainUI | TerminalUI:
    """The live prompt when both ends are a terminal; plain prompts otherwise (pipes, CI)."""
    if sys.stdin.isatty() and sys.stdout.isatty() and os.environ.get("TERM") != "dumb":
        return TerminalUI(console, render_question, render_report)
    return PlainUI(console, render_question, render_report)
