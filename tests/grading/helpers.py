"""Shared test helpers: the bank's coding questions, their fixtures, and a solution file's header tags."""

from __future__ import annotations

from pathlib import Path

from interview_prep.bank import fixture_files, load_bank
from interview_prep.grading.audit import fixture_tags
from interview_prep.grading.suite import Suite, load_suite
from interview_prep.models import Question

TESTS = Path(__file__).resolve().parent.parent
REPO = TESTS.parent
SOLUTIONS = REPO / "solutions"

BANK = load_bank([])
# Every coding question of the built-in bank: the guards iterate over these, never over a list kept by hand.
CODING = tuple(q for q in BANK.questions if q.is_coding)


def coding_question(qid: str) -> Question:
    """The bank's question, as `prep grade` would grade it."""
    return BANK.get(qid)


def broken_fixtures(question: Question) -> list[Path]:
    return fixture_files(question, "broken")


def correct_fixtures(question: Question) -> list[Path]:
    return fixture_files(question, "correct")


tags = fixture_tags  # the same header reader `prep check-bank` uses


def suite_of(qid: str) -> Suite:
    """The hidden suite of a bank question, by id."""
    question = BANK.get(qid)
    assert question.suite is not None
    return load_suite(question.suite)
