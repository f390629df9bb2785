"""The grader against the labelled answers in tests/written/answers: ranking, gaming, covered points."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from interview_prep.bank import load_bank
from interview_prep.grading.report import GradeReport
from interview_prep.grading.written import grade_written
from interview_prep.models import Question

HERE = Path(__file__).parent
ANSWERS = HERE / "answers"
EXPECTED: dict[str, dict[str, dict[str, list[str]]]] = yaml.safe_load((HERE / "expected.yaml").read_text())
WRITTEN_IDS = [
    "bias-variance",
    "learning-rate",
    "beyond-accuracy",
    "batchnorm",
    "tfidf-vs-transformer",
    "project-deep-dive",
    "spam-pipeline",
    "debugging-story",
    "learning-quickly",
]
NAMES = ["strong1", "strong2", "partial1", "partial2", "weak1", "weak2", "buzzwords", "negated"]


def question(qid: str) -> Question:
    return load_bank().get(qid)


def grade(qid: str, name: str) -> GradeReport:
    return grade_written(question(qid), (ANSWERS / qid / f"{name}.md").read_text(encoding="utf-8"))


def test_every_written_question_has_the_eight_labelled_answers() -> None:
    assert sorted(p.name for p in ANSWERS.iterdir() if p.is_dir()) == sorted(WRITTEN_IDS)
    for qid in WRITTEN_IDS:
        assert sorted(p.stem for p in (ANSWERS / qid).glob("*.md")) == sorted(NAMES), qid


@pytest.mark.parametrize("qid", WRITTEN_IDS)
def test_strong_ranks_above_partial_above_weak(qid: str) -> None:
    scores = {name: grade(qid, name).score for name in NAMES}
    worst_strong = min(scores["strong1"], scores["strong2"])
    best_partial = max(scores["partial1"], scores["partial2"])
    worst_partial = min(scores["partial1"], scores["partial2"])
    best_low = max(scores["weak1"], scores["weak2"], scores["buzzwords"], scores["negated"])
    assert worst_strong > best_partial, scores
    assert worst_partial > best_low, scores


@pytest.mark.parametrize("qid", WRITTEN_IDS)
def test_strong_answers_pass_and_the_rest_do_not_pass_by_gaming(qid: str) -> None:
    for name in ("strong1", "strong2"):
        assert grade(qid, name).passed, name
    for name in ("weak1", "weak2", "buzzwords", "negated"):
        report = grade(qid, name)
        assert not report.passed, (name, report.score)


@pytest.mark.parametrize("qid", WRITTEN_IDS)
def test_buzzword_list_and_negated_answer_score_well_below_a_strong_answer(qid: str) -> None:
    strong = min(grade(qid, "strong1").score, grade(qid, "strong2").score)
    for name in ("buzzwords", "negated"):
        score = grade(qid, name).score
        assert score <= strong / 3, (name, score, strong)


@pytest.mark.parametrize("qid", WRITTEN_IDS)
def test_buzzword_list_is_flagged_as_not_prose(qid: str) -> None:
    report = grade(qid, "buzzwords")
    assert report.extra["prose_share"] < 0.5
    assert any("full sentences" in note for note in report.extra["notes"])


@pytest.mark.parametrize("qid", WRITTEN_IDS)
def test_negated_answer_is_reported_as_saying_the_opposite(qid: str) -> None:
    report = grade(qid, "negated")
    assert report.extra["contradictions"] or report.extra["misconceptions"]
    assert all(c.status.value == "fail" for c in report.checks if "opposite" in c.message)


CASES = [(qid, name) for qid, answers in EXPECTED.items() for name in answers]


@pytest.mark.parametrize(("qid", "name"), CASES)
def test_covered_and_missed_key_points_are_the_right_ones(qid: str, name: str) -> None:
    report = grade(qid, name)
    covered = {kp["id"] for kp in report.extra["key_points"] if kp["covered"]}
    want = EXPECTED[qid][name]
    assert set(want["covered"]) <= covered, f"missed {set(want['covered']) - covered}"
    assert not set(want["missed"]) & covered, f"wrongly credited {set(want['missed']) & covered}"


def test_expected_sidecar_names_only_real_key_points() -> None:
    for qid, answers in EXPECTED.items():
        ids = {kp.id for kp in question(qid).rubric.key_points}  # type: ignore[union-attr]
        for name, want in answers.items():
            assert set(want["covered"]) | set(want["missed"]) <= ids, (qid, name)


@pytest.mark.parametrize(
    ("qid", "name", "misconception"),
    [
        ("batchnorm", "weak1", "bn-batch-stats-at-inference"),
        ("batchnorm", "negated", "bn-batch-stats-at-inference"),
        ("bias-variance", "negated", "depth-reduces-variance"),
        ("bias-variance", "weak1", "bias-is-fairness"),
        ("learning-rate", "weak1", "large-lr-overfits"),
        ("learning-rate", "negated", "adam-needs-no-tuning"),
        ("beyond-accuracy", "weak1", "accuracy-is-enough"),
        ("tfidf-vs-transformer", "weak1", "always-transformer"),
        ("spam-pipeline", "weak1", "random-split-fine"),
        ("debugging-story", "weak1", "googled-it"),
        ("learning-quickly", "weak1", "youtube-only"),
        ("project-deep-dive", "weak1", "no-debugging"),
    ],
)
def test_misconceptions_are_found_and_quoted(qid: str, name: str, misconception: str) -> None:
    found = {m["id"]: m for m in grade(qid, name).extra["misconceptions"]}
    assert misconception in found
    assert found[misconception]["quote"] in " ".join((ANSWERS / qid / f"{name}.md").read_text(encoding="utf-8").split())


@pytest.mark.parametrize("qid", WRITTEN_IDS)
def test_strong_answers_trigger_no_misconception(qid: str) -> None:
    for name in ("strong1", "strong2"):
        assert grade(qid, name).extra["misconceptions"] == [], name


ROUND2 = HERE / "round2"


@pytest.mark.parametrize("qid", WRITTEN_IDS)
def test_second_round_answers_rank_and_the_strong_one_passes(qid: str) -> None:
    def score(name: str) -> GradeReport:
        return grade_written(question(qid), (ROUND2 / qid / f"{name}.md").read_text(encoding="utf-8"))

    strong, partial, weak = score("strong"), score("partial"), score("weak")
    assert strong.score > partial.score > weak.score, (strong.score, partial.score, weak.score)
    assert strong.passed and not weak.passed


HOLDOUT = HERE / "holdout"


@pytest.mark.parametrize("qid", WRITTEN_IDS)
def test_held_out_answers_strong_passes_weak_and_negated_do_not(qid: str) -> None:
    def score(name: str) -> GradeReport:
        return grade_written(question(qid), (HOLDOUT / qid / f"{name}.md").read_text(encoding="utf-8"))

    strong, partial, weak, negated = score("strong"), score("partial"), score("weak"), score("negated")
    assert strong.passed and not weak.passed and not negated.passed
    assert strong.score > partial.score >= max(weak.score, negated.score)
