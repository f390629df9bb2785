"""The notes under a written grade read as a person would write them."""

from __future__ import annotations

from interview_prep.bank import load_bank
from interview_prep.grading.written import grade_written


def _wrong_way_note(text: str) -> str:
    notes = grade_written(load_bank().get("bias-variance"), text).extra["notes"]
    return next(n for n in notes if "wrong way round" in n)


def test_the_count_of_points_stated_the_wrong_way_round_agrees_with_its_noun() -> None:
    assert _wrong_way_note("Regularization increases variance.").startswith("1 key point stated")
    many = _wrong_way_note("Regularization increases variance. A deeper tree has lower variance.")
    assert many.startswith("2 key points stated"), many
