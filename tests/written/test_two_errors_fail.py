"""Issue 10: one slip an interviewer asks about; two things stated wrongly fail a written answer, whatever else it
covers (a misconception's sentence that also states a key point the wrong way round counts once)."""

from __future__ import annotations

from interview_prep.bank import load_bank
from interview_prep.grading.written import grade_written

STRONG = (
    "Bias is error from wrong assumptions: a model too simple for the data underfits. Variance is error from "
    "sensitivity to the particular training sample: a model too flexible overfits.\n\n"
    "A shallow tree has high bias, and a deep tree has low bias but high variance. Bagging and regularization "
    "reduce variance; adding features or capacity reduces bias."
)


def _grade(text: str) -> dict:
    return grade_written(load_bank().get("bias-variance"), text).to_json()


def test_a_strong_answer_with_one_misconception_still_passes() -> None:
    report = _grade(STRONG + "\n\nHonestly, a fully grown tree is the safest choice.")
    assert [m["id"] for m in report["misconceptions"]] == ["deeper-is-better"]
    assert report["passed"]


def test_two_misconceptions_fail_an_answer_that_scores_above_the_pass_mark() -> None:
    report = _grade(
        STRONG
        + "\n\nHonestly, a fully grown tree is the safest choice. Bias here really just means the data is unfair."
    )
    assert {m["id"] for m in report["misconceptions"]} == {"deeper-is-better", "bias-is-fairness"}
    assert report["score"] >= report["pass_mark"]
    assert not report["passed"]
    assert any("2 things stated wrongly" in note for note in report["notes"])


def test_a_sentence_that_is_wrong_two_ways_counts_once() -> None:
    report = _grade(STRONG + "\n\nDeeper trees have lower variance.")
    said = {c["quote"] for c in report["contradictions"]} | {m["quote"] for m in report["misconceptions"]}
    assert said == {"Deeper trees have lower variance."}
    assert [c["id"] for c in report["contradictions"]] == ["deep-tree-variance"]
    assert [m["id"] for m in report["misconceptions"]] == ["depth-reduces-variance"]
    assert report["passed"]
