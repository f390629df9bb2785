"""Hints one at a time and the reference solution: recorded in the history, capping the rating they help."""

from __future__ import annotations

from typing import Any

import pytest
from typer.testing import CliRunner

from interview_prep.bank import Bank
from interview_prep.cli import app
from interview_prep.errors import PrepError
from interview_prep.practice.hints import hints_of, next_hint, view_solution
from interview_prep.practice.schedule import help_cap
from interview_prep.practice.session import Countdown, run_session, solution_path
from interview_prep.store import Store, open_store

runner = CliRunner()


def test_each_hint_caps_the_rating_one_step_and_the_solution_caps_it_at_again() -> None:
    assert [help_cap(n, False) for n in range(5)] == ["easy", "good", "hard", "again", "again"]
    assert help_cap(0, True) == "again"


def test_hints_come_one_at_a_time_in_order_then_stop(bank: Bank, store: Store, clock: Any) -> None:
    q = bank.get("kmeans")
    shown = [next_hint(store, q, clock.now()) for _ in q.hints]
    assert [h.text for h in shown] == list(q.hints)
    assert [(h.index, h.total, h.cap) for h in shown] == [(1, 3, "good"), (2, 3, "hard"), (3, 3, "again")]
    assert all(h.attempt_id is None for h in shown)  # no attempt in progress: they wait for the next
    with pytest.raises(PrepError, match="no more hints for 'kmeans': all 3 are shown"):
        next_hint(store, q, clock.now())


def test_written_questions_hint_with_what_each_key_point_asks_for(bank: Bank) -> None:
    q = bank.get("batchnorm")
    assert q.rubric is not None
    assert hints_of(q) == tuple(p.hint or p.description for p in q.rubric.key_points)


def test_a_hint_taken_during_a_session_caps_the_rating_of_that_attempt(
    bank: Bank, make_ctx: Any, store: Store, clock: Any
) -> None:
    ctx, ui, _ = make_ctx()
    q = bank.get("kmeans")
    outcomes = iter(["hint", "hint"])

    def work(ui: Any, countdown: Countdown, watcher: Any) -> str:
        return next(outcomes)

    def submit(ui: Any, countdown: Countdown, watcher: Any) -> str:
        solution_path(q, ctx.workspace).write_text("# prep: kmeans\ndef kmeans(X, k): return 'SOLVED'\n")
        return "submit"

    ui.waits.extend([work, work, submit])
    ui.rating = "easy"
    result = run_session(q, ctx)
    assert result.report is not None and result.report.passed  # the grade says easy...
    assert result.hints == 2
    assert (result.self_rating, result.rating) == ("easy", "hard")  # ...two hints say hard at best
    assert [m for m in ui.messages if m.startswith("Hint ")][:2] == [
        f"Hint 1 of 3: {q.hints[0]} (this attempt can now earn 'good' at best)",
        f"Hint 2 of 3: {q.hints[1]} (this attempt can now earn 'hard' at best)",
    ]
    [attempt] = store.attempts()
    assert store.help_for_attempt(attempt.id) == (2, False)
    assert attempt.rating == "hard"
    # The next attempt starts afresh: hints count again from the first.
    assert store.hints_pending("kmeans", now=clock.now()) == 0


def test_hints_taken_before_an_attempt_are_claimed_by_it(bank: Bank, store: Store, clock: Any) -> None:
    q = bank.get("bce")
    next_hint(store, q, clock.now())
    attempt = store.start_attempt(
        question="bce", kind="coding", mode="practice", started_at=clock.now(), time_limit_s=60
    )
    assert store.help_for_attempt(attempt) == (1, False)
    h = next_hint(store, q, clock.now())  # taken while it is in progress
    assert (h.index, h.attempt_id) == (2, attempt)
    assert store.help_for_attempt(attempt) == (2, False)


def test_the_solution_waits_for_an_attempt_unless_forced(bank: Bank, store: Store, clock: Any) -> None:
    q = bank.get("stratified-split")
    with pytest.raises(PrepError, match="no attempt at 'stratified-split' yet"):
        view_solution(store, q, force=False, now=clock.now())
    lexer, text = view_solution(store, q, force=True, now=clock.now())
    assert lexer == "python" and "def stratified_split(labels, ratios=(0.7, 0.15, 0.15), seed=None):" in text
    attempt = store.start_attempt(
        question=q.id, kind="coding", mode="practice", started_at=clock.now(), time_limit_s=60
    )
    assert store.help_for_attempt(attempt) == (0, True)  # seen first: this attempt proves little


def test_the_solution_of_a_written_question_is_its_model_answer(bank: Bank, store: Store, clock: Any) -> None:
    q = bank.get("bias-variance")
    store.record_attempt(
        question=q.id,
        kind="written",
        mode="grade",
        started_at=clock.now(),
        ended_at=clock.now(),
        answer="x",
        answer_path=None,
        grade={"score": 10, "passed": False},
        grader_version="t",
    )
    lexer, text = view_solution(store, q, force=False, now=clock.now())
    assert lexer == "markdown" and q.how_to_answer.strip() in text


def test_cli_hint_and_solution() -> None:
    first = runner.invoke(app, ["hint", "2"], env={"COLUMNS": "200"})
    assert first.exit_code == 0
    assert first.stdout.startswith("Hint 1 of 3 for bce: np.asarray(")
    assert "your next attempt at bce can now earn 'good' at best" in first.stdout
    refused = runner.invoke(app, ["solution", "bce"])
    assert refused.exit_code == 2 and refused.stderr.startswith("Error: no attempt at 'bce' yet")
    forced = runner.invoke(app, ["solution", "bce", "--force"], env={"COLUMNS": "200"})
    assert forced.exit_code == 0 and "def bce_grad(y_true, y_pred, eps=1e-12):" in forced.stdout
    store = open_store()
    attempt = store.start_attempt(
        question="bce", kind="coding", mode="practice", started_at=store_now(), time_limit_s=1
    )
    assert store.help_for_attempt(attempt) == (1, True)
    store.close()
    unknown = runner.invoke(app, ["hint", "kmean"])
    assert unknown.exit_code == 2 and "Did you mean 'kmeans'" in unknown.stderr


def store_now() -> Any:
    from interview_prep.store import utcnow

    return utcnow()


def test_the_plain_prompt_takes_h_for_a_hint_and_enter_to_submit(clock: Any) -> None:
    from tests.practice.test_session import _plain

    ui, _ = _plain(b"h\n\n")
    countdown = Countdown(clock, 60)
    assert ui.wait_for_submit(countdown, None, can_edit=False) == "hint"
    assert ui.wait_for_submit(countdown, None, can_edit=False) == "submit"


def test_the_schedule_line_says_what_held_the_rating_down(bank: Bank) -> None:
    from interview_prep.practice.session import SessionResult
    from interview_prep.views.practice import schedule_line

    result = SessionResult(7, bank.get("kmeans"), 60.0)
    result.self_rating, result.implied, result.hints, result.rating = "easy", "easy", 1, "good"
    assert schedule_line(result).startswith("Rated easy; scheduled as good (1 hint taken: good at best).")
    result.implied, result.hints, result.rating = "hard", 0, "hard"
    assert schedule_line(result).startswith("Rated easy; scheduled as hard (the grade says hard).")
    result.implied, result.saw_solution, result.rating = "good", True, "again"
    assert schedule_line(result).startswith(
        "Rated easy; scheduled as again (the grade says good; you saw the solution first: again at best)."
    )


DRILLS = [
    ("softmax-ce", "softmax_ce.py"),
    ("logistic-regression", "logistic_regression.py"),
    ("mlp-backprop", "mlp_backprop.py"),
    ("batchnorm-layer", "batchnorm_layer.py"),
    ("attention", "attention.py"),
    ("classification-metrics", "classification_metrics.py"),
    ("fix-the-training-loop", "fix_the_training_loop.py"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("qid", "reference"), DRILLS)
def test_every_drill_is_playable_in_practice_with_the_real_grader(tmp_path: Any, qid: str, reference: str) -> None:
    from pathlib import Path

    solutions = Path(__file__).resolve().parents[2] / "solutions"
    work = tmp_path / "w"
    work.mkdir()
    # The user's work is already in the workspace: keep it (Enter), submit (Enter), rate good.
    (work / reference).write_text((solutions / reference).read_text())
    result = runner.invoke(app, ["practice", "-q", qid, "-w", str(work)], input="\n\ng\n", env={"COLUMNS": "120"})
    assert result.exit_code == 0, result.output
    assert "Score 100.0 / 100" in result.stdout and "PASSED" in result.stdout
    [attempt] = open_store().attempts()
    assert (attempt.question, attempt.score, attempt.status) == (qid, 100.0, "graded")


def test_a_stale_attempt_left_in_progress_does_not_swallow_hints(bank: Bank, store: Store, clock: Any) -> None:
    from datetime import timedelta

    q = bank.get("kmeans")
    stale = store.start_attempt(
        question="kmeans", kind="coding", mode="practice", started_at=clock.now(), time_limit_s=1800
    )  # then the terminal was killed: the row stays in progress
    later = clock.now() + timedelta(days=1)
    h = next_hint(store, q, later)
    assert (h.index, h.attempt_id) == (1, None)  # it waits for the next attempt...
    fresh = store.start_attempt(question="kmeans", kind="coding", mode="practice", started_at=later, time_limit_s=1800)
    assert store.help_for_attempt(fresh) == (1, False)  # ...which claims it
    assert store.help_for_attempt(stale) == (0, False)
    # While an attempt is within its time, a hint goes to it.
    assert next_hint(store, q, later + timedelta(minutes=5)).attempt_id == fresh
