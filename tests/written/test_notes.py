"""Small promises of the written grader: notes that read as a person would write them, bounds read as written."""

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


def test_a_big_o_bound_is_one_word_and_an_aside_after_it_still_ends_its_clause() -> None:
    from interview_prep.grading.written.segments import tokenize

    words, clauses, parts = tokenize("Sorting is O(n log n) (the merge is linear).")
    assert words[:6] == ["sorting", "is", "o(nlogn)", "n", "log", "n"]
    assert len(set(parts[:6])) == 1  # the bound's parentheses are no boundary
    assert parts[6] != parts[5]  # the aside's are
    assert tokenize("It is O(V + E).")[0][2] != tokenize("It is O(V·E).")[0][2]
