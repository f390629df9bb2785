"""Every suite gives 100 to its reference and to correct solutions in other styles, and fails each broken one on the check that names its bug."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from interview_prep.grading.coding import grade_coding
from interview_prep.grading.report import Status
from interview_prep.grading.suites import load_suite
from tests.grading.helpers import REPO, SOLUTIONS, SUITE_DIRS, TESTS, coding_question, tags

# Every question with a suite, with the reference file its suite names.
REFERENCES = [(qid, load_suite(qid).reference) for qid in SUITE_DIRS]
# The first three coding questions keep their bar of ten broken solutions; a drill needs eight.
MIN_BROKEN = {"kmeans": 10, "bce": 10, "stratified-split": 10}
DRILL_MIN_BROKEN = 8
VARIANTS = sorted((TESTS / "grading" / "correct_variants").glob("*.py"))
BROKEN = sorted((TESTS / "broken").glob("*/*.py"))


def _qid(path: Path) -> str:
    return tags(path)["prep"][0]


@pytest.mark.slow
@pytest.mark.parametrize(("qid", "filename"), REFERENCES)
def test_reference_scores_100_and_passes(qid: str, filename: str) -> None:
    report = grade_coding(coding_question(qid), SOLUTIONS / filename)
    not_passing = [(c.name, c.status.value, c.message) for c in report.checks if c.status is not Status.PASS]
    assert not_passing == []
    assert report.score == 100
    assert report.passed


@pytest.mark.slow
@pytest.mark.parametrize("path", VARIANTS, ids=[p.stem for p in VARIANTS])
def test_correct_solution_in_another_style_scores_100(path: Path) -> None:
    report = grade_coding(coding_question(_qid(path)), path)
    not_passing = [(c.name, c.status.value, c.message) for c in report.checks if c.status is not Status.PASS]
    assert not_passing == []
    assert report.score == 100 and report.passed


def test_every_question_has_its_minimum_of_broken_solutions() -> None:
    for qid, folder in SUITE_DIRS.items():
        files = list((TESTS / "broken" / folder).glob("*.py"))
        assert len(files) >= MIN_BROKEN.get(qid, DRILL_MIN_BROKEN), folder
        for f in files:
            assert tags(f).get("expect-fail"), f"{f} names no check in an expect-fail line"
            assert tags(f).get("prep") == [qid], f"{f} is in the folder of {qid} but names another question"


def test_every_correct_variant_and_drill_reference_exists() -> None:
    answered = {_qid(p) for p in VARIANTS}
    for qid in SUITE_DIRS:
        assert (SOLUTIONS / load_suite(qid).reference).is_file(), qid
        assert qid in answered, f"no correct solution in another style for {qid}"


def test_the_untouched_starter_among_the_broken_is_the_one_users_receive() -> None:
    # The drill's starter is the buggy script itself; its copy in tests/broken must not drift from the bank.
    starter = yaml.safe_load((REPO / "questions" / "19-fix-the-training-loop.yaml").read_text())["starter"]
    lines = (TESTS / "broken" / "fix_the_training_loop" / "04_untouched_starter.py").read_text().splitlines(True)
    header = 0
    while lines[header].startswith("# "):
        header += 1
    assert header >= 3  # prep, bug and at least one expect-fail line
    assert "".join(lines[header:]) == starter


@pytest.mark.slow
@pytest.mark.parametrize("path", BROKEN, ids=[f"{p.parent.name}/{p.stem}" for p in BROKEN])
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
    question = yaml.safe_load((REPO / "questions" / "19-fix-the-training-loop.yaml").read_text())
    spec = next(f["docstring"] for f in question["functions"] if f["name"] == "features")
    starter_doc = question["starter"].split("def features", 1)[1].split('"""')[1]
    for doc in (spec, starter_doc):
        flat = " ".join(doc.split())
        assert "X's own values as an (n, d) float array" in flat, doc
        assert "nothing added, dropped or rescaled" in flat, doc
