"""Short answers, as people write them to a one-line question: a fragment, a formula, a paraphrase.

Every sentence here is written for these tests; none comes from a data set."""

from __future__ import annotations

import pytest

from interview_prep.grading.report import Status
from interview_prep.grading.written import grade_written
from interview_prep.models import KeyPoint, Misconception

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


FIRST_OUT = KeyPoint("fifo", "First in, first out.", 2, ("first in first out", "fifo"), hint="Say the order.")
STACK_ORDER = Misconception("lifo", "Describes a stack.", ("last in first out", "lifo", "like a stack"), penalty=15)
ADDRESS = KeyPoint("address", "It gives the address.", 2, ("returns the address", "memory address"), hint="Say it.")
GIVES_VALUE = Misconception("value", "Says it gives the value.", ("returns the value",), penalty=15)


@pytest.mark.parametrize(
    "text",
    [
        "It returns the address of the variable, not the value.",
        "It returns the address of the variable, never the value itself.",
    ],
)
def test_a_negated_tail_clause_denies_the_words_it_holds(text: str) -> None:
    # Was: "returns ... value" matched across the comma, and the "not" of the second clause was not
    # counted because the match started in the first: the right answer was called Wrong.
    report = grade_written(make_question([ADDRESS], [GIVES_VALUE]), text)
    assert report.extra["misconceptions"] == [], text
    assert report.passed and report.score == 100


@pytest.mark.parametrize(
    "text",
    [
        "A queue is first in first out, unlike a stack which is last in first out.",
        "Unlike a stack which is LIFO, a queue is FIFO.",
        "A queue is first in first out whereas a stack is last in first out.",
        "A queue is like a stack except that it is first in first out.",
        "It is a bit like a stack, but the first item in is the first out: first in first out.",
    ],
)
def test_what_a_contrast_says_of_the_other_thing_is_not_a_misconception(text: str) -> None:
    # Was: flagged as LIFO, and the FIFO clause of the same sentence lost its point as "stated wrongly".
    report = grade_written(make_question([FIRST_OUT], [STACK_ORDER]), text)
    assert report.extra["misconceptions"] == [], text
    assert report.extra["key_points"][0]["verdict"] == "asserted", text
    assert report.passed


@pytest.mark.parametrize(
    "text",
    [
        "A queue is last in first out, like a stack.",
        "A queue works like a stack.",
        "It is first in first out, but the last item added is removed first, so it is LIFO.",
    ],
)
def test_a_misconception_said_of_the_subject_is_still_wrong(text: str) -> None:
    report = grade_written(make_question([FIRST_OUT], [STACK_ORDER]), text)
    assert [m["id"] for m in report.extra["misconceptions"]] == ["lifo"], text


ORDER = KeyPoint(
    "order",
    "The first element added is the first one removed.",
    2,
    ("first element added is the first removed", "fifo"),
    hint="Say which element leaves first.",
)
SMALLEST = KeyPoint(
    "smallest",
    "Each pass finds the smallest remaining value.",
    1,
    ("finds the smallest remaining value",),
    hint="Say what each pass finds.",
)


@pytest.mark.parametrize(
    ("point", "text"),
    [
        (ORDER, "The first item inserted is the first item to be deleted."),
        (ORDER, "whichever entry was put in first is taken out first"),
        (SMALLEST, "On every pass it searches for the minimum of the remaining values."),
        (SMALLEST, "each pass locates the lowest value that remains"),
    ],
)
def test_a_paraphrase_with_common_synonyms_earns_the_point(point: KeyPoint, text: str) -> None:
    # Was: "inserted"/"added", "item"/"element", "deleted"/"removed", "minimum"/"smallest" were different
    # words, so a plain paraphrase of the point earned nothing.
    report = grade_written(make_question([point]), text)
    assert report.extra["key_points"][0]["verdict"] == "asserted", text


def test_a_synonym_does_not_stretch_a_one_word_phrase() -> None:
    # "put it" is one content word; letting it mean "insert" too would credit insertion sort.
    place = KeyPoint("place", "Puts it in place.", 1, ("put it",), hint="Say where it goes.")
    report = grade_written(make_question([place]), "It inserts each value into the sorted part.")
    assert report.extra["key_points"][0]["verdict"] != "asserted"


@pytest.mark.parametrize("text", ["logn", "O(logn)", "about log2n comparisons"])
def test_log_n_written_as_one_word_is_log_n(text: str) -> None:
    # Was: "logn" was one unknown word, so the answer earned nothing.
    report = grade_written(make_question([LOOKUP], min_words=3), text)
    assert report.checks[0].status is Status.PASS, text


TOP = KeyPoint("top", "The top is the last element.", 1, ("last element",), hint="Say where the top is.")


@pytest.mark.parametrize(
    "text",
    [
        "You keep track of the last element pushed and do not let anyone touch the others.",
        "We remember the last element added and never read below it.",
    ],
)
def test_a_denied_second_predicate_of_another_subject_does_not_deny_the_object(text: str) -> None:
    # Was: "and do not ..." after the match was read as denying the match, though its subject is "you".
    report = grade_written(make_question([TOP]), text)
    assert report.extra["key_points"][0]["verdict"] == "asserted", text


def test_a_denied_second_predicate_of_the_match_still_denies_it() -> None:
    report = grade_written(make_question([TOP]), "The last element is stored but never read by anything.")
    assert report.extra["key_points"][0]["verdict"] != "asserted"


def test_a_run_on_line_of_rubric_phrases_is_not_a_one_line_answer_to_a_long_question() -> None:
    # The one-line reading is for questions that ask for one line (a small min_words); pasting the
    # phrases of a long question's rubric on one line stays a list of terms.
    running = KeyPoint("running", "Running statistics at inference.", 1, ("running average",), hint="Say it.")
    data = KeyPoint("data", "Data size.", 1, ("training set size",), hint="Say it.")
    question = make_question([LOOKUP, running, data], min_words=80)
    report = grade_written(question, "log n running average training set size")
    assert report.score == 0 and not report.passed
