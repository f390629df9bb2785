"""How a session ends when the input runs dry, or when Ctrl-C comes after the grade was saved."""

from __future__ import annotations

import os
from typing import Any

import pytest

from interview_prep.bank import Bank
from interview_prep.practice.session import Countdown, SessionInterrupted, run_session, solution_path
from interview_prep.practice.ui import LineReader, PlainUI
from interview_prep.store import GRADED, Store


def test_the_plain_prompt_reports_the_end_of_input_once_it_is_reached(clock: Any) -> None:
    from rich.console import Console

    r, w = os.pipe()
    os.write(w, b"\n")
    os.close(w)
    ui = PlainUI(Console(file=open(os.devnull, "w")), lambda *a: None, lambda *a: None, reader=LineReader(r))  # noqa: SIM115
    countdown = Countdown(clock, 60)
    assert ui.wait_for_submit(countdown, None, can_edit=False) == "submit"
    assert ui.wait_for_submit(countdown, None, can_edit=False) == "ended"
    assert ui.read_written(countdown).ended


def test_an_ungradable_solution_when_the_input_has_ended_ends_the_attempt(
    bank: Bank, make_ctx: Any, store: Store
) -> None:
    ctx, ui, _ = make_ctx()
    q = bank.get("kmeans")

    def broken_then_ended(ui: Any, countdown: Countdown, watcher: Any) -> str:
        solution_path(q, ctx.workspace).write_text("SYNTAX ERROR\n")
        return "ended"

    ui.waits.append(broken_then_ended)  # a second wait would raise IndexError: there must be none
    result = run_session(q, ctx)
    assert result.status == "ungraded" and result.report is None
    assert any(m.startswith("The input ended and the solution cannot be graded:") for m in ui.messages)


def test_ctrl_c_at_the_rating_keeps_the_attempt_graded_with_its_time(
    bank: Bank, make_ctx: Any, store: Store, clock: Any
) -> None:
    ctx, ui, _ = make_ctx()
    q = bank.get("kmeans")

    def work(ui: Any, countdown: Countdown, watcher: Any) -> str:
        clock.advance(120)
        solution_path(q, ctx.workspace).write_text("# prep: kmeans\ndef kmeans(X, k): return 'SOLVED'\n")
        return "submit"

    def walk_away(implied: str) -> None:
        clock.advance(600)  # sat at the rating prompt, then pressed Ctrl-C
        raise KeyboardInterrupt

    ui.waits.append(work)
    ui.ask_rating = walk_away  # type: ignore[method-assign]
    with pytest.raises(SessionInterrupted) as info:
        run_session(q, ctx)
    assert info.value.graded_unrated
    [a] = store.attempts()
    assert (a.status, a.score, a.time_used_s, a.self_rating) == (GRADED, 100.0, 120.0, None)
    assert store.card("kmeans") is None  # not rated: the schedule did not move
