"""One timed practice session, with the clock, the UI and the grader injected."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from interview_prep.errors import PrepError
from interview_prep.grading.report import GradeReport
from interview_prep.interrupts import Terminated
from interview_prep.models import Question
from interview_prep.practice import interviewer, schedule
from interview_prep.practice.answers import (
    Grader,
    SolutionWatcher,
    grader_version,
    open_editor,
    prepare_file,
    read_answer,
    short_grade_line,
    solution_path,
    starter_source,
    written_path,
)
from interview_prep.practice.clock import Clock, Countdown, SystemClock, format_duration
from interview_prep.practice.interviewer import Asked, Overall
from interview_prep.practice.session_ui import SessionUI, WaitOutcome, WrittenAnswer

# Re-exported: sessions are built with these, and tests and the UI import them from here.
__all__ = [
    "Clock",
    "Countdown",
    "Grader",
    "SessionUI",
    "SolutionWatcher",
    "SystemClock",
    "WaitOutcome",
    "WrittenAnswer",
    "format_duration",
    "grader_version",
    "short_grade_line",
    "solution_path",
    "starter_source",
    "written_path",
]
from interview_prep.practice.schedule import RatingName
from interview_prep.store import GRADED, Store

UNGRADED = "ungraded"  # time ran out on an answer the grader could not read
# How often a written answer being typed is saved into its attempt (a kill -9 loses at most this much);
# Ctrl-C, SIGTERM and SIGHUP save all of it.
DRAFT_SAVE_S = 2.0

# --- the session --------------------------------------------------------------------------


@dataclass
class SessionResult:
    attempt_id: int
    question: Question
    time_limit_s: float
    time_used_s: float = 0.0
    over_time: bool = False
    status: str = GRADED
    report: GradeReport | None = None
    answer_path: Path | None = None
    self_rating: RatingName | None = None
    rating: RatingName | None = None
    due: datetime | None = None
    implied: RatingName | None = None  # what the grade alone says
    hints: int = 0
    saw_solution: bool = False
    follow_ups: list[Asked] = field(default_factory=list)  # what the interviewer asked back, answered
    overall: Overall | None = None  # the verdict over the main answer and its follow-ups
    draft: str = ""  # the written answer typed so far: what an interruption keeps


@dataclass
class SessionContext:
    """Everything a session needs besides the question."""

    store: Store
    ui: SessionUI
    clock: Clock
    grader: Grader
    workspace: Path
    editor: str | None = None  # $VISUAL or $EDITOR
    mode: str = "practice"
    mock_id: str | None = None
    minutes: float | None = None  # overrides every question's limit
    follow_ups: bool = True  # the interviewer asks back after the main answer
    results: list[SessionResult] = field(default_factory=list)


class SessionInterrupted(KeyboardInterrupt):
    """Ctrl-C: the attempt in progress was saved as abandoned, or, when it had been graded
    already (`graded_unrated`), kept as graded and left unrated; `results` are the finished ones."""

    def __init__(
        self,
        results: Sequence[SessionResult],
        *,
        graded_unrated: bool = False,
        signal_name: str | None = None,
        resumable: str | None = None,
    ) -> None:
        super().__init__()
        self.results = list(results)
        self.graded_unrated = graded_unrated
        self.signal_name = signal_name  # SIGTERM or SIGHUP; None for Ctrl-C
        self.resumable = resumable  # the question whose typed answer was kept, to carry on from next time


def _take_hint(question: Question, ctx: SessionContext) -> str:
    from interview_prep.practice.hints import next_hint

    try:
        shown = next_hint(ctx.store, question, ctx.clock.now())
    except PrepError as e:
        return e.message[:1].upper() + e.message[1:]
    return f"Hint {shown.index} of {shown.total}: {shown.text} (this attempt can now earn '{shown.cap}' at best)"


def _coding(question: Question, ctx: SessionContext, countdown: Countdown, result: SessionResult) -> str | None:
    """Write the starter, wait for Enter or the clock, grade the file. Returns the source."""
    path = solution_path(question, ctx.workspace)
    result.answer_path = path
    prepare_file(path, starter_source(question), ctx.ui, ctx.clock)
    watcher = SolutionWatcher(question, path, ctx.grader, ctx.clock)
    if ctx.editor:
        open_editor(ctx.editor, path, ctx.ui)
    else:
        ctx.ui.message(f"Write your solution in {path}; each save is graded. Enter submits.")
    while True:
        outcome = ctx.ui.wait_for_submit(countdown, watcher, can_edit=bool(ctx.editor))
        if outcome == "edit":
            open_editor(ctx.editor, path, ctx.ui)
            continue
        if outcome == "hint":
            ctx.ui.message(_take_hint(question, ctx))
            continue
        result.time_used_s = countdown.elapsed()  # grading time is not the user's time
        if outcome == "timeout":
            ctx.ui.message(TIME_IS_UP)
        try:
            result.report = watcher.grade()
        except PrepError as e:
            if outcome in ("timeout", "ended") or countdown.expired():
                why = "The input ended" if outcome == "ended" else "Time is up"
                ctx.ui.message(f"{why} and the solution cannot be graded: {e.message}")
                result.status = UNGRADED
                return read_answer(path)
            ctx.ui.message(f"Cannot grade it yet: {e.message} Fix it and press Enter again.")
            continue
        except OSError as e:
            raise PrepError(f"Cannot read {path}: {e.strerror}.") from e
        return read_answer(path)


def _draft_keeper(ctx: SessionContext, result: SessionResult) -> Callable[[str], None]:
    """Remember the text typed so far, and save it into the attempt every DRAFT_SAVE_S."""
    last = [ctx.clock.monotonic()]

    def keep(text: str) -> None:
        result.draft = text
        now = ctx.clock.monotonic()
        if now - last[0] >= DRAFT_SAVE_S:
            last[0] = now
            try:
                ctx.store.save_draft(result.attempt_id, text)
            except PrepError:
                pass  # the answer is still in memory; the end of the attempt says what failed

    return keep


def _resumable(question: Question, ctx: SessionContext, result: SessionResult) -> str:
    """An unfinished typed answer to this question left by its previous attempt, if the user wants it back."""
    earlier = ctx.store.unfinished_answer(question.id, before=result.attempt_id)
    if earlier is None:
        return ""
    attempt_id, text = earlier
    words = len(text.split())
    if ctx.ui.confirm(
        f"Attempt #{attempt_id} of this question ended before it was graded, with {words} words typed."
        " Carry on from that answer?",
        default=True,
    ):
        return text
    return ""


# Said the moment the clock ends an answer, before its grade: the toolbar that showed the time is gone.
TIME_IS_UP = "Time is up: your answer is graded as it stands."


def _written(question: Question, ctx: SessionContext, countdown: Countdown, result: SessionResult) -> str | None:
    """Take the answer typed in the terminal, or written in the editor; grade it."""
    text = ""
    keep = _draft_keeper(ctx, result)
    if ctx.editor:
        path = written_path(question, ctx.workspace)
        result.answer_path = path
        prepare_file(path, "", ctx.ui, ctx.clock)
    else:
        text = result.draft = _resumable(question, ctx, result)
    while True:
        if ctx.editor:
            open_editor(ctx.editor, path, ctx.ui)
            outcome = ctx.ui.wait_for_submit(countdown, None, can_edit=True)
            while outcome in ("edit", "hint"):
                if outcome == "edit":
                    open_editor(ctx.editor, path, ctx.ui)
                else:
                    ctx.ui.message(_take_hint(question, ctx))
                outcome = ctx.ui.wait_for_submit(countdown, None, can_edit=True)
            text = read_answer(path) or ""
            timed_out, ended = outcome == "timeout", outcome == "ended"
        else:
            # After an answer the grader could not take, the user edits it rather than retyping it.
            answer = ctx.ui.read_written(countdown, text, keep)
            text, timed_out, ended = answer.text, answer.timed_out, answer.ended
            result.draft = text
        result.time_used_s = countdown.elapsed()  # grading time is not the user's time
        if timed_out:
            ctx.ui.message(TIME_IS_UP)
        try:
            result.report = ctx.grader.grade_text(question, text)
            return text
        except PrepError as e:
            if timed_out or ended or countdown.expired():
                why = "The input ended" if ended and not timed_out else "Time is up"
                ctx.ui.message(f"{why} and the answer cannot be graded: {e.message}")
                result.status = UNGRADED
                return text
            ctx.ui.message(f"Cannot grade it yet: {e.message}")


def _keep_asked(ctx: SessionContext, attempt_id: int, asked: Asked) -> None:
    """One asked follow-up, with its answer and grade, into the attempt."""
    ctx.store.record_follow_up(
        attempt_id,
        kind=asked.ask.kind,
        target=asked.ask.target,
        prompt=asked.ask.prompt,
        answer=asked.answer,
        grade=None if asked.report is None else asked.report.to_json(),
        recovered=asked.recovered,
        now=ctx.clock.now(),
    )


def _ask_back(question: Question, ctx: SessionContext, attempt_id: int, result: SessionResult) -> None:
    """The interviewer's follow-ups (coding) or probes (written), each on its own short clock and kept
    the moment it is answered; then one overall verdict."""
    asks = interviewer.plan(question, result.report)
    typed_so_far = ""

    def keep(text: str) -> None:
        nonlocal typed_so_far
        typed_so_far = text

    for number, ask in enumerate(asks, start=1):
        ctx.ui.message(f"Interviewer ({number} of {len(asks)}, {ask.minutes} min): {ask.prompt}")
        typed_so_far = ""
        try:
            typed = ctx.ui.read_written(Countdown(ctx.clock, ask.minutes * 60.0), "", keep)
        except KeyboardInterrupt:  # Ctrl-C, TERM or HUP mid-answer: keep what was typed, ungraded
            if typed_so_far.strip():
                _keep_asked(ctx, attempt_id, interviewer.Asked(ask, typed_so_far, None))
            raise
        report = None
        if typed.text.strip():
            try:
                report = ctx.grader.grade_text(ask.question, typed.text)
            except PrepError as e:
                ctx.ui.message(f"Not graded: {e.message}")
        asked = interviewer.Asked(ask, typed.text, report)
        if result.report is not None:
            asked = replace(asked, recovered=interviewer.recovered_points(question, result.report, asked))
        _keep_asked(ctx, attempt_id, asked)
        result.follow_ups.append(asked)
        ctx.ui.message(f"Follow-up {number}: {asked.summary()}")
        if typed.ended and not typed.timed_out:
            break  # the input ran dry: nothing more can be typed
    result.overall = interviewer.overall(question, result.report, result.follow_ups)
    if result.overall is not None:
        ctx.store.set_overall(attempt_id, result.overall.to_json())
        verdict = "PASSED" if result.overall.passed else "NOT PASSED"
        ctx.ui.message(f"Overall: {result.overall.score:.0f}/100, {verdict} ({result.overall.summary}).")


def run_session(question: Question, ctx: SessionContext) -> SessionResult:
    """One timed attempt, start to schedule. Ctrl-C saves it as abandoned and raises SessionInterrupted."""
    minutes = ctx.minutes if ctx.minutes is not None else question.time_limit_minutes
    limit_s = float(minutes) * 60.0
    countdown = Countdown(ctx.clock, limit_s)
    attempt_id = ctx.store.start_attempt(
        question=question.id,
        kind=question.kind,
        mode=ctx.mode,
        started_at=ctx.clock.now(),
        time_limit_s=limit_s,
        mock_id=ctx.mock_id,
    )
    result = SessionResult(attempt_id, question, limit_s)
    answer: str | None = None
    finished = False  # graded and saved: from here an interruption must not undo that
    try:
        ctx.ui.show_question(question, countdown)
        if question.is_coding:
            answer = _coding(question, ctx, countdown, result)
        else:
            answer = _written(question, ctx, countdown, result)
        result.over_time = result.time_used_s >= limit_s
        report_json = None if result.report is None else result.report.to_json()
        ctx.store.finish_attempt(
            attempt_id,
            ended_at=ctx.clock.now(),
            time_used_s=result.time_used_s,
            over_time=result.over_time,
            answer=answer,
            answer_path=None if result.answer_path is None else str(result.answer_path),
            grade=report_json,
            grader_version=grader_version(result.report),
            status=result.status,
        )
        finished = True
        ctx.ui.show_report(result.report, question, result)
        if ctx.follow_ups:
            _ask_back(question, ctx, attempt_id, result)
        final = result.overall or result.report  # the schedule goes by the overall verdict
        implied = schedule.grade_rating(
            None if final is None else final.score,
            None if final is None else final.passed,
            over_time=result.over_time,
        )
        result.implied = implied
        result.self_rating = ctx.ui.ask_rating(implied)
        result.hints, result.saw_solution = ctx.store.help_for_attempt(attempt_id)
        cap = schedule.help_cap(result.hints, result.saw_solution)
        # No answer to the question (stdin closed): the grade alone decides.
        result.rating = schedule.combined_rating(result.self_rating or implied, implied, cap)
        now = ctx.clock.now()
        card_json, result.due = schedule.review(ctx.store.card(question.id), result.rating, now)
        ctx.store.rate_attempt(
            attempt_id,
            self_rating=result.self_rating,
            rating=result.rating,
            card_json=card_json,
            due=result.due,
            now=now,
        )
    except KeyboardInterrupt as interrupt:
        signal_name = interrupt.args[0] if isinstance(interrupt, Terminated) else None
        if finished:  # at the rating: the grade and the time stay as saved, the card does not move
            raise SessionInterrupted(ctx.results, graded_unrated=True, signal_name=signal_name) from None
        if answer is None and result.answer_path is not None:
            answer = read_answer(result.answer_path)
        typed = answer is None and bool(result.draft.strip())
        if typed:
            answer = result.draft
        ctx.store.abandon_attempt(attempt_id, ended_at=ctx.clock.now(), time_used_s=countdown.elapsed(), answer=answer)
        raise SessionInterrupted(
            ctx.results, signal_name=signal_name, resumable=question.id if typed else None
        ) from None
    except BaseException:
        # A crash is not Ctrl-C, but the attempt still should not stay "in progress" forever.
        if finished:
            raise
        if answer is None and result.draft.strip():
            answer = result.draft
        ctx.store.abandon_attempt(attempt_id, ended_at=ctx.clock.now(), time_used_s=countdown.elapsed(), answer=answer)
        raise
    ctx.results.append(result)
    return result
