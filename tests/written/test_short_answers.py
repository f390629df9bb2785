"""Short answers, as people write them to a one-line question: a fragment, a formula, a paraphrase.

Every sentence here is written for these tests; none comes from a data set."""

from __future__ import annotations

import pytest

from interview_prep.grading.report import Status
from interview_prep.grading.written import grade_written
from interview_prep.models import KeyPoint

from .test_written_grader import make_question

LOOKUP = KeyPoint(
    "logarithmic",
    "A lookup in a balanced search tree takes time proportional to log n.",
    1,
    ("log n", "logarithmic", "height of the tree"),
    hint="Say how many steps: about log n.",
)


@pytest.mark.parametrize("text", ["log n", "O(log n)", "about log n steps", "the height of the tree"])
def test_a_one_line_answer_is_read_as_the_answer(text: str) -> None:
    # Was: a lone fragment was "not a sentence", earned nothing and scored 0 ("0% in full sentences").
    report = grade_written(make_question([LOOKUP], min_words=3), text)
    assert report.checks[0].status is Status.PASS, text
    assert report.passed and report.score == 100


def test_a_one_line_list_of_terms_is_still_not_an_answer() -> None:
    report = grade_written(make_question([LOOKUP], min_words=3), "log n, hashing, sorting, arrays")
    assert not report.passed
