"""The interviewer asks back, in a real terminal: follow-ups after a coding answer, probes after a written one."""

from __future__ import annotations

from pathlib import Path

import pytest

from interview_prep import paths
from interview_prep.bank import load_bank
from interview_prep.store import open_store
from tests.practice.test_practice_pty import COUNTDOWN, CPR_REQUEST, Terminal, prep

pytestmark = pytest.mark.slow


def answer(term: Terminal, text: str) -> None:
    term.expect(COUNTDOWN)  # the prompt is live (its clock is drawn) before anything is typed
    term.child.send(text)
    term.child.sendcontrol("d")


def test_a_coding_answer_then_two_follow_ups_give_one_overall_verdict(prep_home: Path, tmp_path: Path) -> None:
    bce = load_bank().get("bce")
    assert len(bce.follow_ups) == 2
    term = Terminal(["practice", "-q", "bce", "--minutes", "3"], prep_home, tmp_path)
    term.expect("#2 bce")
    term.expect(COUNTDOWN)  # the session is waiting: the starter is written
    reference = (paths.solutions_dir() / "bce.py").read_text()
    (tmp_path / "prep-work" / "bce.py").write_text("# prep: bce\n" + reference)
    term.expect(r"saved: score 100/100")
    term.child.send("\r")
    term.expect("PASSED")
    term.expect(r"Interviewer \(1 of 2, 3 min\): How do you know your gradient is right")
    answer(term, " ".join(bce.follow_ups[0].model_answer.split()))
    term.expect(r"Follow-up 1: 100/100, passed")
    term.expect(r"Interviewer \(2 of 2, 3 min\): What goes wrong numerically")
    answer(term, "Nothing goes wrong at the ends; predictions are never exactly zero or one in practice.")
    term.expect(r"Follow-up 2: \d+/100, not passed")
    term.expect(r"Overall: (\d+)/100, PASSED")
    term.expect(r"How did it go\?")
    term.child.send("g\r")
    term.expect(r"Rated good; scheduled as \w+")
    assert term.finish() == 0
    assert "Traceback" not in term.output

    store = open_store()
    [attempt] = store.attempts()
    asked = store.follow_ups(attempt.id)
    assert [(f.kind, f.target) for f in asked] == [("follow-up", "verify-gradient"), ("follow-up", "stability")]
    assert asked[0].grade is not None and asked[0].grade["passed"]
    assert asked[1].grade is not None and not asked[1].grade["passed"]
    assert attempt.grade is not None and attempt.grade["overall"]["passed"] is True
    shown = prep(prep_home, "history", "--show", str(attempt.id))
    assert "How do you know your gradient is right" in shown.stdout and "Overall:" in shown.stdout


def test_a_written_answer_missing_a_point_is_probed_about_it_and_wins_part_back(
    prep_home: Path, tmp_path: Path
) -> None:
    question = load_bank().get("bias-variance")
    missing = next(kp for kp in question.rubric.key_points if kp.id == "deep-tree-variance")  # type: ignore[union-attr]
    first = (
        "Bias is error from wrong assumptions, a model too simple that underfits. Variance is error from "
        "sensitivity to the training set, a model too complex that overfits. Regularization reduces variance; "
        "adding features or a bigger model reduces bias."
    )
    term = Terminal(["practice", "-q", "bias-variance", "--minutes", "3"], prep_home, tmp_path)
    term.expect("#4 bias-variance")
    answer(term, first)
    term.expect(r"Score (\S+) / 100")
    term.expect(r"Interviewer \(1 of \d, 3 min\): (.+)")
    assert missing.probe and missing.probe[:30] in term.output
    answer(
        term,
        "As you make the tree deeper, each level lowers the training error, but a fully grown tree has high "
        "variance: it memorizes the training data and overfits.",
    )
    term.expect(r"Follow-up 1: 100/100, passed; covered deep-tree-variance; won back (\d+) points")
    while True:
        i = term.child.expect([r"Interviewer \(2 of 2", r"Overall: \d+/100", CPR_REQUEST])
        if i == 2:
            term.child.send("\x1b[5;1R")
            continue
        if i == 1:
            break
        answer(term, "I am not sure.")
    term.expect(r"How did it go\?")
    term.child.send("g\r")
    assert term.finish() == 0
    store = open_store()
    [attempt] = store.attempts()
    asked = store.follow_ups(attempt.id)
    assert asked[0].target == "deep-tree-variance" and asked[0].recovered > 0
    assert attempt.grade is not None
    assert attempt.grade["overall"]["score"] > attempt.grade["score"]  # the probe won part of the point back
