"""The interviewer in a session (fake clock, UI and grader): what is asked, kept, and decided."""

from __future__ import annotations

import signal
from typing import Any

import pytest

from interview_prep.bank import Bank
from interview_prep.grading.written import grade_written
from interview_prep.interrupts import Terminated
from interview_prep.practice import interviewer
from interview_prep.practice.session import Countdown, SessionInterrupted, WrittenAnswer, run_session
from interview_prep.store import Store


def test_a_coding_session_asks_each_follow_up_and_keeps_every_answer(
    bank: Bank, make_ctx: Any, store: Store, tmp_path: Any
) -> None:
    ctx, ui, grader = make_ctx(follow_ups=True)
    kmeans = bank.get("kmeans")

    def solve(ui_: Any, countdown: Countdown, watcher: Any) -> str:
        (tmp_path / "prep-work" / "kmeans.py").write_text("# prep: kmeans\n# SOLVED\n")
        return "submit"

    ui.waits.append(solve)
    answers = ["one two three four five six seven", "short", "a b c d e f g h"]
    for text in answers:
        ui.written.append(lambda countdown, text=text: WrittenAnswer(text, False))
    result = run_session(kmeans, ctx)
    asked = store.follow_ups(result.attempt_id)
    assert [a.target for a in asked] == [fu.id for fu in kmeans.follow_ups]
    assert [a.answer for a in asked] == answers
    assert grader.texts == answers  # each one graded, against its own rubric
    assert result.overall is not None and store.attempt(result.attempt_id).grade["overall"] == result.overall.to_json()
    assert any(m.startswith("Overall: ") for m in ui.messages)


@pytest.mark.parametrize("signum", [None, signal.SIGTERM])
def test_a_follow_up_typed_when_the_session_is_stopped_is_kept(
    bank: Bank, make_ctx: Any, store: Store, tmp_path: Any, signum: int | None
) -> None:
    ctx, ui, _ = make_ctx(follow_ups=True)

    def solve(ui_: Any, countdown: Countdown, watcher: Any) -> str:
        (tmp_path / "prep-work" / "bce.py").write_text("# prep: bce\n# SOLVED\n")
        return "submit"

    def type_then_stop(countdown: Countdown) -> WrittenAnswer:
        assert ui.keep is not None
        ui.keep("I would compare with finite differences")
        raise KeyboardInterrupt if signum is None else Terminated(signum)

    ui.waits.append(solve)
    ui.written.append(type_then_stop)
    with pytest.raises(SessionInterrupted):
        run_session(bank.get("bce"), ctx)
    [attempt] = store.attempts()
    assert attempt.status == "graded"  # the code was graded before the interviewer asked
    [asked] = store.follow_ups(attempt.id)
    assert (asked.target, asked.answer, asked.grade) == (
        "verify-gradient",
        "I would compare with finite differences",
        None,
    )


def test_a_written_answer_is_probed_about_its_most_important_missing_point(bank: Bank) -> None:
    question = bank.get("bias-variance")
    first = (
        "Bias is error from wrong assumptions, a model too simple that underfits. Variance is error from "
        "sensitivity to the training set, a model too complex that overfits."
    )
    report = grade_written(question, first)
    missing = [kp["id"] for kp in report.extra["key_points"] if kp["verdict"] != "asserted"]
    asks = interviewer.plan(question, report)
    assert 1 <= len(asks) <= interviewer.MAX_PROBES
    assert {a.target for a in asks} <= set(missing)
    weights = {kp.id: kp.weight for kp in question.rubric.key_points}  # type: ignore[union-attr]
    assert weights[asks[0].target] == max(weights[m] for m in missing)
    assert asks[0].prompt == next(kp.probe for kp in question.rubric.key_points if kp.id == asks[0].target)  # type: ignore[union-attr]


def test_a_misconception_is_challenged_first(bank: Bank) -> None:
    question = bank.get("bias-variance")
    report = grade_written(question, "Regularization reduces bias, and a deeper tree has lower variance.")
    asks = interviewer.plan(question, report)
    assert asks and asks[0].kind == "challenge"
    mc = next(m for m in question.rubric.misconceptions if m.id == asks[0].target)  # type: ignore[union-attr]
    assert asks[0].prompt == mc.challenge


def test_a_challenge_answer_says_whether_the_claim_was_taken_back_not_what_else_it_left_out(bank: Bank) -> None:
    # A challenge is graded against the whole rubric (so the claim can be found again), but a short
    # retraction is not "missing" the other points, and a stated core point does not make it a pass.
    question = bank.get("batchnorm")
    report = grade_written(question, "At inference it uses the per-example statistics of the single input.")
    ask = next(a for a in interviewer.plan(question, report) if a.kind == "challenge")
    took_back = "Right, that is layer norm. Batch norm at inference uses the running mean and variance from training."
    line = interviewer.Asked(ask, took_back, grade_written(ask.question, took_back)).summary()
    assert line.startswith("taken back"), line
    assert "missed" not in line and "/100" not in line, line
    kept = "Yes, each example is normalized with its own mean and variance, at inference too."
    kept_line = interviewer.Asked(ask, kept, grade_written(ask.question, kept)).summary()
    assert kept_line.startswith("still claims it"), kept_line


def test_a_probe_answered_wins_back_half_of_its_point_and_the_overall_score_rises(bank: Bank) -> None:
    question = bank.get("bias-variance")
    first = (
        "Bias is error from wrong assumptions, a model too simple that underfits. Variance is error from "
        "sensitivity to the training set, a model too complex that overfits. Regularization reduces variance; "
        "adding features or a bigger model reduces bias."
    )
    main = grade_written(question, first)
    ask = next(a for a in interviewer.plan(question, main) if a.target == "deep-tree-variance")
    answer = "A deeper tree lowers the training error, but a fully grown tree has high variance and overfits."
    asked = interviewer.Asked(ask, answer, grade_written(ask.question, answer))
    gained = interviewer.recovered_points(question, main, asked)
    check = next(
        c for c, kp in zip(main.checks, main.extra["key_points"], strict=True) if kp["id"] == "deep-tree-variance"
    )
    assert gained == pytest.approx(interviewer.PART_CREDIT * 100 * check.max_points / main.extra["max_points"])
    verdict = interviewer.overall(question, main, [interviewer.Asked(ask, answer, asked.report, gained)])
    assert verdict is not None and verdict.score == pytest.approx(main.score + gained)
    wrong = interviewer.Asked(ask, "No idea.", grade_written(ask.question, "No idea at all, sorry."))
    assert interviewer.recovered_points(question, main, wrong) == 0


def test_no_follow_ups_asks_nothing(bank: Bank, make_ctx: Any, store: Store, tmp_path: Any) -> None:
    ctx, ui, grader = make_ctx(follow_ups=False)

    def solve(ui_: Any, countdown: Countdown, watcher: Any) -> str:
        (tmp_path / "prep-work" / "bce.py").write_text("# prep: bce\n# SOLVED\n")
        return "submit"

    ui.waits.append(solve)
    result = run_session(bank.get("bce"), ctx)
    assert store.follow_ups(result.attempt_id) == [] and result.overall is None and grader.texts == []


def test_follow_ups_go_with_their_attempt_through_export_import_and_reset(store: Store) -> None:
    from datetime import datetime, timezone

    from interview_prep.store import open_store

    t0 = datetime(2026, 3, 1, 9, 0, tzinfo=timezone.utc)
    aid = store.record_attempt(
        question="bce",
        kind="coding",
        mode="practice",
        started_at=t0,
        ended_at=t0,
        answer="x",
        answer_path=None,
        grade={"score": 100.0, "passed": True, "checks": []},
        grader_version="t",
    )
    store.record_follow_up(
        aid,
        kind="follow-up",
        target="stability",
        prompt="What goes wrong at p = 0?",
        answer="log(0)",
        grade={"score": 50.0, "passed": False},
        recovered=0.0,
        now=t0,
    )
    exported = store.export_rows()
    assert [f["target"] for f in exported["follow_ups"]] == ["stability"]
    assert store.reset("bce") == 1 and store.follow_ups(aid) == []
    added, skipped = store.import_rows(exported)
    [attempt] = store.attempts()
    assert (added, skipped) == (1, 0)
    assert [(f.target, f.answer) for f in store.follow_ups(attempt.id)] == [("stability", "log(0)")]
    assert store.import_rows(exported) == (0, 1) and len(store.follow_ups(attempt.id)) == 1  # twice adds nothing
    other = open_store(store.path.with_name("copy.sqlite3"))  # type: ignore[union-attr]
    new_id = store.copy_attempt(attempt.id, other)
    assert [f.target for f in other.follow_ups(new_id)] == ["stability"]
    other.close()
