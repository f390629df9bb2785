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


def test_a_paragraph_is_not_rambling_because_the_rubric_asks_for_one_line() -> None:
    # Was: past 12 x min_words (48 words for a one-line question) the score was scaled down and the
    # answer could not pass, so a correct answer with one example sentence failed.
    text = (
        "A lookup in a balanced search tree is logarithmic. At every node you compare the key with the "
        "node's own key and go left when it is smaller and right when it is larger, so each step throws "
        "away about half of what is left. With a thousand keys that is roughly ten comparisons, which "
        "is why people like these trees for ordered data."
    )
    report = grade_written(make_question([LOOKUP], min_words=4), text)
    assert report.passed and report.score == 100
    assert not any("stopped listening" in note for note in report.extra["notes"])


QUEUE_ORDER = KeyPoint(
    "order",
    "Items leave in the order they arrived.",
    1,
    ("removed from the front", "insert and remove"),
    hint="Say where items leave.",
)


@pytest.mark.parametrize(
    "text",
    [
        "New items go in at the back and the structure removes them from the front.",
        "Items are inserted at one end and removed at the other.",
    ],
)
def test_remove_said_as_the_point_itself_is_not_a_denial(text: str) -> None:
    # Was: "remove(s)" counts as a denial ("does not remove the need to tune" affirms the need), so a
    # clause that *says* remove, matching a phrase that says remove, was read as denying the point.
    report = grade_written(make_question([QUEUE_ORDER]), text)
    assert report.extra["key_points"][0]["verdict"] == "asserted", text
    assert not report.extra["contradictions"]


def test_not_removing_is_still_a_denial() -> None:
    report = grade_written(make_question([QUEUE_ORDER]), "Items are never removed from the front of it.")
    assert report.extra["key_points"][0]["verdict"] != "asserted"
