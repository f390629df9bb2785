"""The entry points the CLI calls: guess_question_id and grade_coding, with their errors and report shape."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from interview_prep.errors import AnswerError, ExitCode
from interview_prep.grading.coding import grade_coding, guess_question_id
from interview_prep.grading.report import Status
from interview_prep.grading.suites import REGISTRY, load_suite
from tests.grading.helpers import ALL_QUESTIONS, SOLUTIONS, coding_question


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("# prep: kmeans\nimport numpy as np\n", "kmeans"),
        ("#prep:2\n", "2"),  # a number is returned as written; the caller resolves it
        ("import numpy as np\n# prep: stratified-split\n", "stratified-split"),
        ("def bce_loss(y, p, eps=1e-12): ...\ndef bce_grad(y, p, eps=1e-12): ...\n", "bce"),
        ("def stratified_split(labels, ratios=(0.7, 0.15, 0.15), seed=None): ...\n", "stratified-split"),
        ("def bce_loss(y, p, eps=1e-12): ...\n", None),  # half of bce names no question
        ("def helper(): ...\n", None),
        ("def f(:\n", None),  # does not parse, and has no prep line
        ("class K:\n    def kmeans(self): ...\n", None),  # only top-level functions count
    ],
)
def test_guess_question_id(source: str, expected: str | None) -> None:
    assert guess_question_id(source, ALL_QUESTIONS) == expected


def test_every_coding_question_has_a_registered_suite() -> None:
    for q in ALL_QUESTIONS:
        suite = load_suite(q.suite)
        assert suite.question == q.id and REGISTRY[q.id] == q.suite
        assert (SOLUTIONS / suite.reference).read_text().startswith(f"# prep: {q.id}\n")
        assert {f.name for f in q.functions} == set(suite.function_names)
        names = [c.name for c in suite.checks]
        assert len(names) == len(set(names))
        call_ids = {c.id for c in suite.calls}
        assert len(call_ids) == len(suite.calls)
        for check in suite.checks:
            assert set(check.calls) <= call_ids, check.name


def test_a_file_that_does_not_parse_names_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "kmeans.py"
    path.write_text("import numpy as np\n\ndef kmeans(X, k):\n    return (X,\n\nx = 1 +\n")
    with pytest.raises(AnswerError) as info:
        grade_coding(coding_question("kmeans"), path)
    assert info.value.message.startswith("kmeans.py:4:12: ")
    assert "does not parse" in info.value.message
    assert info.value.code is ExitCode.USAGE


@pytest.mark.parametrize(
    ("content", "needle"),
    [(None, "no such file"), (b"  \n", "empty"), (b"\x00\x01binary", "binary"), (b"\xff\xfe x = 1", "UTF-8")],
)
def test_files_that_cannot_be_graded_raise_answer_error(tmp_path: Path, content: bytes | None, needle: str) -> None:
    path = tmp_path / "bce.py"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(AnswerError, match=needle):
        grade_coding(coding_question("bce"), path)


def test_a_timeout_must_be_positive(tmp_path: Path) -> None:
    with pytest.raises(AnswerError, match="--timeout"):
        grade_coding(coding_question("bce"), SOLUTIONS / "bce.py", timeout=0)


@pytest.mark.slow
def test_a_solution_that_raises_at_import_gets_every_check_as_error(tmp_path: Path) -> None:
    path = tmp_path / "bce.py"
    path.write_text("import numpy as np\n\nprint(undefined_name)\n\ndef bce_loss(y, p, eps=1e-12): return 0.0\n")
    report = grade_coding(coding_question("bce"), path)
    assert {c.status for c in report.checks} == {Status.ERROR}
    assert report.score == 0 and not report.passed
    assert (
        "importing bce.py raised NameError: name 'undefined_name' is not defined (line 3)" in report.checks[0].message
    )


@pytest.mark.slow
def test_a_missing_function_is_an_error_for_its_checks_only(tmp_path: Path) -> None:
    path = tmp_path / "bce.py"
    reference = (SOLUTIONS / "bce.py").read_text()
    path.write_text(reference.split("def bce_grad")[0])
    report = grade_coding(coding_question("bce"), path)
    by_name = {c.name: c for c in report.checks}
    assert by_name["loss matches the formula"].status is Status.PASS
    assert by_name["gradient matches the formula"].status is Status.ERROR
    assert "defines no function `bce_grad`" in by_name["gradient matches the formula"].message
    assert not report.passed


@pytest.mark.slow
def test_report_json_follows_the_contract() -> None:
    report = grade_coding(coding_question("kmeans"), SOLUTIONS / "kmeans.py")
    data = json.loads(json.dumps(report.to_json()))
    assert data["question"] == "kmeans" and data["kind"] == "coding"
    assert data["score"] == 100 and data["passed"] is True
    statuses = {"pass", "fail", "error", "timeout", "memory"}
    categories = {"correctness", "edge-case", "stability", "performance", "style"}
    for check in data["checks"]:
        assert set(check) >= {"name", "category", "status", "points", "max_points", "message"}
        assert check["status"] in statuses and check["category"] in categories
        assert check["points"] == check["max_points"] > 0
