"""Scheduling: the rating a grade implies, the lower of two ratings, fsrs intervals, what is due."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from interview_prep.bank import Bank
from interview_prep.practice.schedule import (
    combined_rating,
    due_questions,
    grade_rating,
    most_due,
    parse_rating,
    review,
)

NOW = datetime(2026, 3, 1, 9, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize(
    ("score", "passed", "over_time", "expected"),
    [
        (None, None, False, "again"),  # nothing could be graded
        (10.0, False, False, "again"),
        (55.0, False, False, "hard"),
        (75.0, True, False, "good"),
        (95.0, True, False, "easy"),
        (95.0, True, True, "hard"),  # passing only after the clock ran out
    ],
)
def test_the_rating_a_grade_implies(score: float | None, passed: bool | None, over_time: bool, expected: str) -> None:
    assert grade_rating(score, passed, over_time=over_time) == expected


def test_the_lower_rating_wins_either_way() -> None:
    assert combined_rating("easy", "hard") == "hard"
    assert combined_rating("again", "easy") == "again"
    assert combined_rating("good", "good") == "good"


@pytest.mark.parametrize(("text", "rating"), [("g", "good"), ("Easy", "easy"), (" 1 ", "again"), ("h", "hard")])
def test_parse_rating(text: str, rating: str) -> None:
    assert parse_rating(text) == rating


def test_parse_rating_rejects_anything_else() -> None:
    assert parse_rating("great") is None and parse_rating("") is None


def test_review_spaces_better_ratings_further_and_never_within_the_same_day() -> None:
    dues = {r: review(None, r, NOW)[1] for r in ("again", "hard", "good", "easy")}
    assert dues["again"] <= dues["hard"] <= dues["good"] < dues["easy"]
    assert dues["again"] >= NOW + timedelta(days=1)
    card_json, due = review(None, "good", NOW)
    # A second good review, on time, pushes the question further out than the first did.
    _, due2 = review(card_json, "good", due)
    assert due2 - due > due - NOW


def test_most_due_prefers_overdue_then_unseen_then_soonest(bank: Bank) -> None:
    qs = bank.questions
    assert most_due(qs, {}, NOW) == qs[0]
    everything_later = {q.id: NOW + timedelta(days=q.number) for q in qs}
    assert most_due(qs, everything_later, NOW) == qs[0]  # all seen, none due: the soonest
    some_seen = {"kmeans": NOW + timedelta(days=3), "bce": NOW - timedelta(days=1)}
    assert most_due(qs, some_seen, NOW) == bank.get("bce")  # overdue beats unseen
    some_seen["bce"] = NOW + timedelta(days=1)
    assert most_due(qs, some_seen, NOW) == bank.get("stratified-split")  # then the first unseen
    overdue = {"batchnorm": NOW - timedelta(days=1), "bce": NOW - timedelta(days=5)}
    assert most_due(qs, overdue, NOW) == bank.get("bce")  # the most overdue first
    assert most_due((), {}, NOW) is None


def test_due_questions_are_the_due_and_the_never_seen(bank: Bank) -> None:
    due = {q.id: NOW + timedelta(days=1) for q in bank.questions}
    due["bce"] = NOW - timedelta(hours=1)
    assert [q.id for q in due_questions(bank.questions, due, NOW)] == ["bce"]
    del due["kmeans"]
    assert [q.id for q in due_questions(bank.questions, due, NOW)] == ["kmeans", "bce"]
