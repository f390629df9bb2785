"""The timed session with a fake clock: starter files, re-grades on save, time limits, Ctrl-C, mock."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from interview_prep.bank import Bank
from interview_prep.errors import PrepError
from interview_prep.practice.mock import MOCK_ROUNDS, run_mock
from interview_prep.practice.schedule import pick_question
from interview_prep.practice.session import (
    Countdown,
    SessionInterrupted,
    format_duration,
    run_session,
    solution_path,
)
from interview_prep.practice.ui import LineReader, PlainUI
from interview_prep.store import ABANDONED, GRADED, Store


def save(path: Path, text: str) -> None:
    """Write as an editor would, with an mtime that surely differs from the last one."""
    path.write_text(text)
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))


def saving(path: Path, text: str, outcome: str, clock: Any = None, after: float = 0.0) -> Any:
    """A scripted wait: the user saves `text`, `after` seconds pass, then `outcome` (submit, timeout)."""

    def step(ui: Any, countdown: Countdown, watcher: Any) -> str:
        save(path, text)
        if after:
            clock.advance(after)
        return outcome

    return step


def test_countdown_label_counts_down_then_reports_over_time(clock: Any) -> None:
    c = Countdown(clock, 90)
    assert c.label() == "1:30 left"
    clock.advance(0.4)
    assert c.label() == "1:30 left"  # rounds up: never shows 0:00 while time is left
    clock.advance(30)
    assert c.label() == "1:00 left"
    clock.advance(65)
    assert c.expired()
    assert c.label() == "time is up (0:05 over)"
    assert format_duration(3723) == "1:02:03"


def test_coding_session_writes_the_starter_regrades_saves_and_records_the_attempt(
    bank: Bank, make_ctx: Any, clock: Any, store: Store
) -> None:
    ctx, ui, grader = make_ctx()
    q = bank.get("kmeans")
    path = solution_path(q, ctx.workspace)

    def work(ui: Any, countdown: Countdown, watcher: Any) -> str:
        assert path.read_text().startswith("# prep: kmeans\n")
        assert "def kmeans(X, k" in path.read_text()
        ui.poll(watcher)  # nothing saved yet
        clock.advance(120)
        save(path, "# prep: kmeans\ndef kmeans(X, k): pass  # first try\n")
        ui.poll(watcher)
        clock.advance(300)
        save(path, "# prep: kmeans\ndef kmeans(X, k): return 'SOLVED'\n")
        ui.poll(watcher)
        return "submit"

    ui.waits.append(work)
    ui.rating = "easy"
    result = run_session(q, ctx)

    assert len(ui.polled) == 2
    assert "score 25/100, failing: empty cluster re-seeded, fixed point" in ui.polled[0]
    assert "score 100/100, every check passes" in ui.polled[1]
    assert result.report is not None and result.report.passed
    assert (result.time_used_s, result.time_limit_s, result.over_time) == (420.0, 1800.0, False)
    # The grade said easy too, so easy it is.
    assert (result.self_rating, result.rating) == ("easy", "easy")

    [a] = store.attempts()
    assert a.status == GRADED and a.question == "kmeans" and a.mode == "practice"
    assert a.answer == "# prep: kmeans\ndef kmeans(X, k): return 'SOLVED'\n"
    assert a.grade == result.report.to_json() and a.score == 100.0
    assert a.time_used_s == 420.0 and a.time_limit_s == 1800.0
    assert a.ended_at is not None and (a.ended_at - a.started_at).total_seconds() == 420.0
    assert (a.self_rating, a.rating) == ("easy", "easy")
    assert a.grader_version and a.grader_version.startswith("prep ")
    card = json.loads(store.card("kmeans") or "{}")
    assert store.due_dates()["kmeans"] > clock.now()
    assert card["last_review"] is not None
    # The submitted source was graded once for the last save, not again on submit.
    assert grader.files.count("# prep: kmeans\ndef kmeans(X, k): return 'SOLVED'\n") == 1


def test_time_running_out_grades_the_current_file_and_marks_over_time(
    bank: Bank, make_ctx: Any, clock: Any, store: Store
) -> None:
    ctx, ui, _ = make_ctx(minutes=2)
    q = bank.get("bce")

    def run_out(ui: Any, countdown: Countdown, watcher: Any) -> str:
        save(solution_path(q, ctx.workspace), "# prep: bce\nSOLVED\n")
        clock.advance(121)
        return "timeout"

    ui.waits.append(run_out)
    ui.rating = "easy"
    result = run_session(q, ctx)
    assert result.time_limit_s == 120.0 and result.over_time
    assert result.report is not None and result.report.passed
    # Passing after the clock ran out caps the rating, whatever the self-rating.
    assert ui.implied_seen == ["hard"]
    [a] = store.attempts()
    assert a.over_time and a.rating == "hard" and a.self_rating == "easy"


def test_a_self_rating_lower_than_the_grade_wins(bank: Bank, make_ctx: Any, store: Store) -> None:
    ctx, ui, _ = make_ctx()
    q = bank.get("bce")
    ui.waits.append(saving(solution_path(q, ctx.workspace), "SOLVED", "submit"))
    ui.rating = "again"
    result = run_session(q, ctx)
    assert result.rating == "again"


def test_existing_work_is_kept_when_the_user_says_so(bank: Bank, make_ctx: Any) -> None:
    ctx, ui, _ = make_ctx()
    q = bank.get("kmeans")
    path = solution_path(q, ctx.workspace)
    path.parent.mkdir(parents=True)
    path.write_text("my precious work\n")
    ui.confirms.append(True)
    ui.waits.append(lambda ui, c, w: "submit")
    run_session(q, ctx)
    assert path.read_text() == "my precious work\n"
    assert list(path.parent.iterdir()) == [path]


def test_existing_work_is_moved_aside_never_overwritten_when_starting_fresh(bank: Bank, make_ctx: Any) -> None:
    ctx, ui, _ = make_ctx()
    q = bank.get("kmeans")
    path = solution_path(q, ctx.workspace)
    path.parent.mkdir(parents=True)
    path.write_text("my precious work\n")
    ui.confirms.append(False)
    ui.waits.append(lambda ui, c, w: "submit")
    run_session(q, ctx)
    assert path.read_text().startswith("# prep: kmeans")
    [aside] = [p for p in path.parent.iterdir() if p != path]
    assert aside.read_text() == "my precious work\n"


def test_an_untouched_starter_is_reused_without_asking(bank: Bank, make_ctx: Any) -> None:
    ctx, ui, _ = make_ctx()
    q = bank.get("bce")
    ui.waits += [lambda ui, c, w: "submit", lambda ui, c, w: "submit"]
    run_session(q, ctx)
    run_session(q, ctx)  # ui.confirms is empty: asking would raise IndexError


def test_an_ungradable_file_with_time_left_lets_the_user_fix_it(bank: Bank, make_ctx: Any, clock: Any) -> None:
    ctx, ui, _ = make_ctx()
    q = bank.get("bce")
    path = solution_path(q, ctx.workspace)
    ui.waits.append(saving(path, "SYNTAX ERROR", "submit"))
    ui.waits.append(saving(path, "SOLVED", "submit"))
    result = run_session(q, ctx)
    assert any("Cannot grade it yet" in m and "invalid syntax" in m for m in ui.messages)
    assert result.report is not None and result.report.passed


def test_an_ungradable_file_when_time_is_up_is_kept_ungraded(
    bank: Bank, make_ctx: Any, clock: Any, store: Store
) -> None:
    ctx, ui, _ = make_ctx(minutes=1)
    q = bank.get("bce")
    path = solution_path(q, ctx.workspace)
    ui.waits.append(saving(path, "SYNTAX ERROR", "timeout", clock, after=61))
    result = run_session(q, ctx)
    assert result.status == "ungraded" and result.report is None
    [a] = store.attempts()
    assert a.status == "ungraded" and a.answer == "SYNTAX ERROR" and a.grade is None
    assert a.rating == "again"


def test_written_session_grades_the_typed_answer(bank: Bank, make_ctx: Any, clock: Any, store: Store) -> None:
    from interview_prep.practice.session import WrittenAnswer

    ctx, ui, grader = make_ctx()
    q = bank.get("bias-variance")
    answer = "Bias is error from wrong assumptions; variance is sensitivity to the training sample."

    def type_it(countdown: Countdown) -> WrittenAnswer:
        clock.advance(200)
        return WrittenAnswer(answer, timed_out=False)

    ui.written.append(type_it)
    result = run_session(q, ctx)
    assert grader.texts == [answer]
    [a] = store.attempts()
    assert a.kind == "written" and a.answer == answer and a.time_used_s == 200.0
    assert a.grader_version == "fake-written 1"
    assert result.report is not None and a.score == result.report.score


def test_written_answer_in_the_editor(bank: Bank, make_ctx: Any, store: Store) -> None:
    ctx, ui, grader = make_ctx(editor="myeditor --wait")
    q = bank.get("batchnorm")

    def edit(ui: Any, countdown: Countdown, watcher: Any) -> str:
        assert ui.editor_runs == [["myeditor", "--wait", str(ctx.workspace / "batchnorm.md")]]
        (ctx.workspace / "batchnorm.md").write_text("normalise with batch statistics " * 4)
        return "submit"

    ui.waits.append(edit)
    run_session(q, ctx)
    assert grader.texts == ["normalise with batch statistics " * 4]


def test_ctrl_c_saves_the_attempt_as_abandoned_with_the_work_so_far(
    bank: Bank, make_ctx: Any, clock: Any, store: Store
) -> None:
    ctx, ui, _ = make_ctx()
    q = bank.get("kmeans")

    def interrupt(ui: Any, countdown: Countdown, watcher: Any) -> str:
        save(solution_path(q, ctx.workspace), "half a kmeans")
        clock.advance(33)
        raise KeyboardInterrupt

    ui.waits.append(interrupt)
    with pytest.raises(SessionInterrupted):
        run_session(q, ctx)
    [a] = store.attempts()
    assert a.status == ABANDONED and a.answer == "half a kmeans" and a.time_used_s == 33.0
    assert store.card("kmeans") is None  # an abandoned attempt does not move the schedule


def test_pick_question_prefers_due_then_never_seen(bank: Bank, store: Store, clock: Any) -> None:
    from datetime import timedelta

    assert pick_question(bank.questions, store.due_dates(), clock.now()).id == "kmeans"
    assert pick_question(bank.questions, store.due_dates(), clock.now(), category="depth").id == "batchnorm"
    # Practise kmeans: it is not due for a while, so the next unseen question comes first.
    aid = store.start_attempt(question="kmeans", kind="coding", mode="practice", started_at=clock.now(), time_limit_s=1)
    store.rate_attempt(
        aid,
        self_rating="good",
        rating="good",
        card_json="{}",
        due=clock.now() + timedelta(days=3),
        now=clock.now(),
    )
    assert pick_question(bank.questions, store.due_dates(), clock.now()).id == "bce"
    # Once it is overdue, it comes back before any unseen question.
    later = clock.now() + timedelta(days=4)
    assert pick_question(bank.questions, store.due_dates(), later).id == "kmeans"
    with pytest.raises(PrepError, match="no category 'nope'. Categories: coding, fundamentals"):
        pick_question(bank.questions, store.due_dates(), clock.now(), category="nope")


def test_mock_runs_the_seeds_loop_under_one_mock_id(bank: Bank, make_ctx: Any, clock: Any, store: Store) -> None:
    from interview_prep.practice.session import WrittenAnswer

    ctx, ui, _ = make_ctx()

    def code(ui: Any, countdown: Countdown, watcher: Any) -> str:
        clock.advance(600)
        save(watcher.path, "SOLVED")
        return "submit"

    ui.waits += [code] * 3  # two DSA rounds and the ML coding round

    def answer(countdown: Countdown) -> WrittenAnswer:
        clock.advance(60)
        return WrittenAnswer("a fine answer " * 5, False)

    ui.written += [answer] * 4
    results = run_mock(bank.questions, ctx)
    assert ui.intros == list(MOCK_ROUNDS)
    assert ui.intros == ["dsa", "dsa", "ml-coding", "fundamentals", "project", "system-design", "behavioral"]
    categories = [r.question.category for r in results]
    assert categories[:2] == ["dsa", "dsa"] and categories[2] in ("coding", "drill")
    assert categories[3:] in (
        ["fundamentals", "project", "system-design", "behavioral"],
        ["depth", "project", "system-design", "behavioral"],
    )
    assert results[0].question.id != results[1].question.id  # two DSA rounds, two problems
    assert all(r.report is not None and r.report.passed for r in results[:3])
    attempts = store.attempts()
    assert len(attempts) == 7
    assert {a.mode for a in attempts} == {"mock"}
    assert len({a.mock_id for a in attempts}) == 1 and attempts[0].mock_id
    # Each round had its own clock: a coding round's time is not charged to the next.
    assert [a.time_used_s for a in attempts] == [600.0] * 3 + [60.0] * 4


def test_mock_rounds_can_be_chosen_and_a_wrong_name_is_one_error(bank: Bank, make_ctx: Any, store: Store) -> None:
    from interview_prep.practice.mock import parse_rounds
    from interview_prep.practice.session import WrittenAnswer

    assert parse_rounds(None) == MOCK_ROUNDS
    assert parse_rounds("dsa, behavioral") == ("dsa", "behavioral")
    with pytest.raises(PrepError, match="unknown round 'leetcode'. Rounds: dsa, ml-coding, fundamentals"):
        parse_rounds("dsa,leetcode")
    ctx, ui, _ = make_ctx()
    ui.waits.append(lambda ui, c, w: "submit")
    ui.written.append(lambda countdown: WrittenAnswer("a fine answer " * 5, False))
    results = run_mock(bank.questions, ctx, parse_rounds("behavioral,dsa"))
    assert ui.intros == ["behavioral", "dsa"]
    assert [r.question.category for r in results] == ["behavioral", "dsa"]


def test_ctrl_c_in_a_mock_keeps_the_finished_rounds(bank: Bank, make_ctx: Any, store: Store) -> None:
    ctx, ui, _ = make_ctx()
    ui.waits.append(lambda ui, c, w: "submit")

    def interrupt(countdown: Countdown) -> Any:
        raise KeyboardInterrupt

    ui.written.append(interrupt)
    with pytest.raises(SessionInterrupted) as info:
        run_mock(bank.questions, ctx, ("dsa", "behavioral"))
    assert [r.question.category for r in info.value.results] == ["dsa"]
    assert [a.status for a in store.attempts()] == [GRADED, ABANDONED]


# --- the plain UI, on a real pipe ----------------------------------------------------------


def _plain(text: bytes) -> tuple[PlainUI, Any]:
    from rich.console import Console

    r, w = os.pipe()
    os.write(w, text)
    os.close(w)
    out = Console(record=True, width=100, file=open(os.devnull, "w"))  # noqa: SIM115
    ui = PlainUI(out, lambda *a: None, lambda *a: None, reader=LineReader(r))
    return ui, out


def test_plain_ui_reads_a_multiline_answer_up_to_a_dot(clock: Any) -> None:
    ui, _ = _plain(b"first line\nsecond line\n.\ng\n")
    answer = ui.read_written(Countdown(clock, 60))
    assert (answer.text, answer.timed_out) == ("first line\nsecond line", False)
    assert ui.ask_rating("good") == "good"  # the rest of the input is still there


def test_plain_ui_rating_asks_again_on_nonsense_and_returns_none_at_end_of_input(clock: Any) -> None:
    ui, out = _plain(b"maybe\nh\n")
    assert ui.ask_rating("good") == "hard"
    assert "Please answer a, h, g or e." in out.export_text()
    assert ui.ask_rating("good") is None


def test_plain_ui_stops_waiting_when_the_time_is_up(clock: Any) -> None:
    r, w = os.pipe()  # stays open and silent: the user types nothing
    from rich.console import Console

    ui = PlainUI(Console(file=open(os.devnull, "w")), lambda *a: None, lambda *a: None, reader=LineReader(r))  # noqa: SIM115
    countdown = Countdown(clock, 0.2)
    clock.advance(0.1)  # 0.1 s of (fake) time left; the reader waits that long for real
    answer = ui.read_written(countdown)
    assert answer.timed_out
    clock.advance(1)
    assert ui.wait_for_submit(countdown, None, can_edit=False) == "timeout"
    os.close(w)


def test_grading_time_is_not_charged_to_the_user(bank: Bank, make_ctx: Any, clock: Any, store: Store) -> None:
    ctx, ui, grader = make_ctx(minutes=1)
    q = bank.get("bce")
    slow_grade = grader.grade_file

    def slow(question: Any, path: Path) -> Any:
        clock.advance(30)  # the sandbox is slow today
        return slow_grade(question, path)

    grader.grade_file = slow
    ui.waits.append(saving(solution_path(q, ctx.workspace), "SOLVED", "submit", clock, after=50))
    result = run_session(q, ctx)
    assert result.time_used_s == 50.0 and not result.over_time


def test_coding_with_an_editor_opens_it_on_the_file_and_e_reopens_it(bank: Bank, make_ctx: Any) -> None:
    ctx, ui, _ = make_ctx(editor="vim -p")
    q = bank.get("kmeans")
    path = solution_path(q, ctx.workspace)
    ui.waits.append(lambda ui, c, w: "edit")
    ui.waits.append(saving(path, "SOLVED", "submit"))
    result = run_session(q, ctx)
    assert ui.editor_runs == [["vim", "-p", str(path)]] * 2
    assert result.report is not None and result.report.passed


def test_an_editor_that_cannot_start_is_reported_and_the_session_goes_on(bank: Bank, make_ctx: Any) -> None:
    ctx, ui, _ = make_ctx(editor="no-such-editor-anywhere")
    q = bank.get("kmeans")

    def missing(argv: list[str]) -> None:
        raise FileNotFoundError(2, "No such file or directory")

    ui.run_editor = missing
    ui.waits.append(lambda ui, c, w: "submit")
    run_session(q, ctx)
    assert any(m.startswith("Could not start the editor 'no-such-editor-anywhere'") for m in ui.messages)


def test_default_editor_prefers_visual_then_editor() -> None:
    from interview_prep.practice.answers import default_editor

    assert default_editor({"VISUAL": "code --wait", "EDITOR": "vi"}) == "code --wait"
    assert default_editor({"VISUAL": " ", "EDITOR": "vi"}) == "vi"
    assert default_editor({}) is None


def test_a_typed_answer_the_grader_refuses_comes_back_as_a_draft(bank: Bank, make_ctx: Any) -> None:
    from interview_prep.practice.session import WrittenAnswer

    ctx, ui, grader = make_ctx()
    q = bank.get("batchnorm")
    ui.written.append(lambda c: WrittenAnswer("   ", timed_out=False))  # FakeGrader refuses blank text
    ui.written.append(lambda c: WrittenAnswer("now a real answer about batch norm", timed_out=False))
    result = run_session(q, ctx)
    assert ui.drafts == ["", "   "]
    assert any(m.startswith("Cannot grade it yet: The answer is empty.") for m in ui.messages)
    assert result.report is not None and grader.texts[-1] == "now a real answer about batch norm"


def test_written_in_the_editor_asks_about_earlier_work_only_once(bank: Bank, make_ctx: Any) -> None:
    ctx, ui, _ = make_ctx(editor="ed")
    q = bank.get("batchnorm")
    path = ctx.workspace / "batchnorm.md"
    path.parent.mkdir(parents=True)
    path.write_text("   \n")  # blank: reused without asking, and refused by the grader
    ui.waits.append(lambda ui, c, w: "submit")
    ui.waits.append(saving(path, "a real answer this time", "submit"))
    run_session(q, ctx)
    assert not any("earlier work" in m for m in ui.messages)
    assert len(ui.editor_runs) == 2


def test_the_clock_running_out_says_time_is_up_before_the_grade(
    bank: Bank, make_ctx: Any, clock: Any, store: Store
) -> None:
    from interview_prep.practice.session import WrittenAnswer

    ctx, ui, _ = make_ctx(minutes=1)
    q = bank.get("bce")
    ui.waits.append(saving(solution_path(q, ctx.workspace), "SOLVED", "timeout", clock, after=61))
    run_session(q, ctx)
    assert "Time is up: your answer is graded as it stands." in ui.messages

    ui.messages.clear()
    ui.written.append(lambda c: WrittenAnswer("an answer about bias", timed_out=True))
    run_session(bank.get("bias-variance"), ctx)
    assert "Time is up: your answer is graded as it stands." in ui.messages
