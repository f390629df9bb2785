"""Every suite gives 100 to its reference and to correct solutions in other styles, and fails each broken one on the check that names its bug."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from interview_prep.grading.coding import grade_coding
from interview_prep.grading.report import Status
from interview_prep.models import Question
from tests.grading.helpers import BANK, CODING, broken_fixtures, coding_question, correct_fixtures, tags

# Every guard iterates over the bank's coding questions: a new question is guarded the moment it exists.
# The first three coding questions keep their bar of ten broken solutions; any other needs eight.
MIN_BROKEN = {"kmeans": 10, "bce": 10, "stratified-split": 10}
DRILL_MIN_BROKEN = 8
VARIANTS = [p for q in CODING for p in correct_fixtures(q)]
BROKEN = [p for q in CODING for p in broken_fixtures(q)]


def _qid(path: Path) -> str:
    return tags(path)["prep"][0]


@pytest.mark.slow
@pytest.mark.parametrize("question", CODING, ids=[q.id for q in CODING])
def test_reference_scores_100_and_passes(question: Question) -> None:
    assert question.reference is not None
    report = grade_coding(question, question.reference)
    not_passing = [(c.name, c.status.value, c.message) for c in report.checks if c.status is not Status.PASS]
    assert not_passing == []
    assert report.score == 100
    assert report.passed


@pytest.mark.slow
@pytest.mark.parametrize("path", VARIANTS, ids=[f"{p.parent.parent.name}/{p.stem}" for p in VARIANTS])
def test_correct_solution_in_another_style_scores_100(path: Path) -> None:
    report = grade_coding(coding_question(_qid(path)), path)
    not_passing = [(c.name, c.status.value, c.message) for c in report.checks if c.status is not Status.PASS]
    assert not_passing == []
    assert report.score == 100 and report.passed


@pytest.mark.parametrize("question", CODING, ids=[q.id for q in CODING])
def test_every_question_has_its_minimum_of_broken_solutions(question: Question) -> None:
    files = broken_fixtures(question)
    assert len(files) >= MIN_BROKEN.get(question.id, DRILL_MIN_BROKEN), question.id
    for f in files:
        assert tags(f).get("expect-fail"), f"{f} names no check in an expect-fail line"
        assert tags(f).get("prep") == [question.id], f"{f} is in the folder of {question.id} but names another"


@pytest.mark.parametrize("question", CODING, ids=[q.id for q in CODING])
def test_every_coding_question_has_a_reference_and_a_correct_variant(question: Question) -> None:
    assert question.reference is not None and question.reference.is_file(), question.id
    assert correct_fixtures(question), f"no correct solution in another style for {question.id}"
    for f in correct_fixtures(question):
        assert _qid(f) == question.id, f"{f} is in the folder of {question.id} but names another"


def test_the_untouched_starter_among_the_broken_is_the_one_users_receive() -> None:
    # The drill's starter is the buggy script itself; its copy in tests/broken must not drift from the bank.
    starter = BANK.get("fix-the-training-loop").starter
    untouched = next(p for p in broken_fixtures(BANK.get("fix-the-training-loop")) if "untouched_starter" in p.name)
    lines = untouched.read_text().splitlines(True)
    header = 0
    while lines[header].startswith("# "):
        header += 1
    assert header >= 3  # prep, bug and at least one expect-fail line
    assert "".join(lines[header:]) == starter


@pytest.mark.slow
@pytest.mark.parametrize("path", BROKEN, ids=[f"{p.parent.parent.name}/{p.stem}" for p in BROKEN])
def test_broken_solution_fails_the_check_that_names_its_bug(path: Path) -> None:
    t = tags(path)
    report = grade_coding(coding_question(_qid(path)), path)
    by_name = {c.name: c for c in report.checks}
    for name in t["expect-fail"]:
        assert name in by_name, f"no check named {name!r}"
        assert by_name[name].status is not Status.PASS, by_name[name].message
        assert by_name[name].points == 0
        assert by_name[name].message
    if t.get("still-passes") == ["yes"]:
        # Slow but correct: it loses the speed/style points and nothing else.
        assert report.passed
        assert report.score < 100
    else:
        assert not report.passed
        assert report.score < 100
    for c in report.checks:
        # Messages are one plain paragraph for the user, never a dump of the hidden expected arrays.
        assert "\n" not in c.message and "array([" not in c.message and len(c.message) < 800


def test_the_drill_spec_says_features_returns_xs_own_values() -> None:
    # The suite checks features(X) against X exactly and replays training from X itself, so the
    # spec, in the bank and in the starter the user edits, must say so: not merely "built from X".
    question = yaml.safe_load(BANK.get("fix-the-training-loop").source.read_text())
    spec = next(f["docstring"] for f in question["functions"] if f["name"] == "features")
    starter_doc = question["starter"].split("def features", 1)[1].split('"""')[1]
    for doc in (spec, starter_doc):
        flat = " ".join(doc.split())
        assert "X's own values as an (n, d) float array" in flat, doc
        assert "nothing added, dropped or rescaled" in flat, doc
