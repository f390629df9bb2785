"""Shared test helpers: the bank's coding questions, their fixtures, and a solution file's header tags."""

from __future__ import annotations

import re
from pathlib import Path

from interview_prep.bank import fixture_files, load_bank
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


def tags(path: Path) -> dict[str, list[str]]:
    """The `# key: value` lines at the top of a test solution (expect-fail, expect-status, ...)."""
    out: dict[str, list[str]] = {}
    for line in path.read_text().splitlines():
        m = re.match(r"#\s*([a-z-]+):\s*(.+?)\s*$", line)
        if not m:
            if line.startswith("#"):
                continue
            break
        out.setdefault(m.group(1), []).append(m.group(2))
    return out


def suite_of(qid: str) -> Suite:
    """The hidden suite of a bank question, by id."""
    question = BANK.get(qid)
    assert question.suite is not None
    return load_suite(question.suite)
