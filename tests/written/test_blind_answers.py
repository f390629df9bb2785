"""Answers written after the grader, by someone other than its author, in their own words (tests/written/blind)."""

from __future__ import annotations

from pathlib import Path

from interview_prep.bank import load_bank
from interview_prep.grading.report import Status
from interview_prep.grading.written import grade_written

BLIND = Path(__file__).parent / "blind"


def _grade(name: str, qid: str):  # type: ignore[no-untyped-def]
    return grade_written(load_bank().get(qid), (BLIND / name).read_text(encoding="utf-8"))


def test_a_strong_batchnorm_answer_in_other_words_covers_every_point() -> None:
    report = _grade("batchnorm-strong.md", "batchnorm")
    assert report.passed and report.score == 100
    assert report.extra["misconceptions"] == []


def test_a_sentence_stating_a_misconception_is_no_evidence_for_a_key_point() -> None:
    # It uses the key point's words ("flows through ... the mean and variance") to say the
    # opposite ("as if they were constants ... independent of the others").
    report = _grade("batchnorm-fluent-but-wrong.md", "batchnorm")
    by_id = {kp["id"]: kp for kp in report.extra["key_points"]}
    backward = next(c for c in report.checks if "backward" in c.name.lower())
    assert backward.status is Status.FAIL and backward.points == 0
    assert backward.message.startswith('Stated wrongly: "On the backward pass the gradient simply flows through')
    assert {m["id"] for m in report.extra["misconceptions"]} == {
        "bn-independent-gradients",
        "bn-batch-stats-at-inference",
    }
    assert not by_id["running-stats"]["covered"]
    assert not report.passed and report.score < 30


def test_a_dump_of_every_strong_answer_does_not_pass_as_an_answer_to_one_question() -> None:
    answers = Path(__file__).parent / "answers"
    dump = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(answers.glob("*/strong*.md")) * 6)
    question = load_bank().get("bias-variance")
    assert question.rubric is not None
    report = grade_written(question, dump)
    assert report.extra["words"] > 12 * question.rubric.min_words
    assert not report.passed
    assert any("stopped listening" in note for note in report.extra["notes"])
    # A long but focused answer keeps its score.
    focused = (Path(__file__).parent / "blind" / "batchnorm-strong.md").read_text(encoding="utf-8")
    assert grade_written(load_bank().get("batchnorm"), focused).score == 100
