"""The entry points the CLI calls: guess_question_id and grade_coding, with their errors and report shape."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from interview_prep.errors import AnswerError, ExitCode
from interview_prep.grading.coding import grade_coding, guess_question_id, run_suite
from interview_prep.grading.report import GATING, Category, Status
from interview_prep.grading.suite import load_suite
from tests.grading.helpers import CODING, SOLUTIONS, coding_question, suite_of


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
    assert guess_question_id(source, CODING) == expected


def test_every_coding_question_has_its_suite_beside_it() -> None:
    for q in CODING:
        assert q.suite == q.source.parent / "suite.py" and q.reference is not None
        suite = load_suite(q.suite)
        assert suite.question == q.id
        assert q.reference.read_text().startswith(f"# prep: {q.id}\n")
        assert {f.name for f in q.functions} == set(suite.function_names)
        names = [c.name for c in suite.checks]
        assert len(names) == len(set(names))
        call_ids = {c.id for c in suite.calls}
        assert len(call_ids) == len(suite.calls)
        for check in suite.checks:
            assert set(check.calls) <= call_ids, check.name


def test_a_file_that_parses_but_does_not_compile_names_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "bce.py"
    path.write_text("import numpy as np\n\n\nreturn 1\n")
    with pytest.raises(AnswerError, match=r"^bce.py:4:1: 'return' outside function"):
        grade_coding(coding_question("bce"), path)


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
    [(None, "No such file"), (b"  \n", "empty"), (b"\x00\x01binary", "binary"), (b"\xff\xfe x = 1", "UTF-8")],
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


def _reference_with(tmp_path: Path, guard: str) -> Path:
    """The reference kmeans with `guard` run first in the function (to break one call only)."""
    source = (SOLUTIONS / "kmeans.py").read_text()
    marker = "    X = np.asarray(X, dtype=float)  # a new float array"
    assert marker in source
    path = tmp_path / "kmeans.py"
    source = source.replace("import numpy as np\n", "import os\n\nimport numpy as np\n", 1)
    path.write_text(source.replace(marker, f"    {guard}\n{marker}"))
    return path


@pytest.mark.slow
def test_a_crash_in_one_call_restarts_the_child_for_the_others(tmp_path: Path) -> None:
    path = _reference_with(tmp_path, "if k == 6 and len(X) == 30: os._exit(3)")  # the forced-empty-cluster call
    report = grade_coding(coding_question("kmeans"), path)
    by_name = {c.name: c for c in report.checks}
    crashed = by_name["empty clusters re-seeded, no NaN"]
    assert crashed.status is Status.ERROR and "exit code 3" in crashed.message
    scored_later = (Category.PERFORMANCE, Category.STYLE)
    others = [c for c in report.checks if c is not crashed and c.category not in scored_later]
    assert all(c.status is Status.PASS for c in others), [(c.name, c.message) for c in others]
    assert not report.passed
    for c in report.checks:
        if c.category in scored_later:  # measured, but not scored for an incorrect solution
            assert c.status is Status.FAIL and c.message.startswith("not scored"), c.message


@pytest.mark.slow
def test_a_timeout_in_one_call_leaves_the_verdicts_of_the_others(tmp_path: Path) -> None:
    path = _reference_with(tmp_path, "while k == 12: pass")  # only the k = n call hangs
    report = grade_coding(coding_question("kmeans"), path, timeout=2.0)
    by_name = {c.name: c for c in report.checks}
    assert by_name["fixed point on random data"].status is Status.PASS  # ran before the hang
    assert by_name["k = n"].status is Status.TIMEOUT
    assert "did not finish within the time limit (2.0 s)" in by_name["k = n"].message
    # The hanging call is stopped at its share of the budget; the calls after it still run.
    assert by_name["same seed, same result"].status is Status.PASS
    hidden = [
        c.name for c in report.checks if c.category in GATING and c.name != "k = n" and c.status is not Status.PASS
    ]
    assert hidden == []


@pytest.mark.slow
def test_a_hang_that_swallows_its_stop_is_still_ended_by_the_wall_time_kill(tmp_path: Path) -> None:
    guard = "while k == 12:\n        try:\n            while True: pass\n        except BaseException: pass"
    path = _reference_with(tmp_path, guard)
    start = time.monotonic()
    report = grade_coding(coding_question("kmeans"), path, timeout=2.0)
    assert time.monotonic() - start < 2.0 + 2
    by_name = {c.name: c for c in report.checks}
    assert by_name["k = n"].status is Status.TIMEOUT
    assert by_name["fixed point on random data"].status is Status.PASS


@pytest.mark.slow
def test_a_reference_that_cannot_run_is_said_to_be_preps_problem(tmp_path: Path) -> None:
    # The reference is timed in a child of its own; when it cannot even be imported, the speed check
    # says so instead of blaming the user's code, and the rest of the grade stands.
    broken = tmp_path / "reference.py"
    broken.write_text("raise ImportError('no such thing')\n")
    report = run_suite(suite_of("kmeans"), SOLUTIONS / "kmeans.py", reference=broken)
    by_name = {c.name: c for c in report.checks}
    speed = by_name["vectorized: time on a large input"]
    assert speed.status is Status.ERROR
    assert "prep could not time its reference solution" in speed.message
    assert all(c.status is Status.PASS for c in report.checks if c is not speed)


@pytest.mark.slow
def test_a_pure_python_drill_is_graded_without_importing_numpy() -> None:
    # NumPy is a seventh of such a grade; the parent imports it lazily (grading/lazynp.py), the child
    # only when the job needs it. A fresh interpreter, so no other test has imported it already.
    code = (
        "import sys\n"
        "from interview_prep.bank import load_bank\n"
        "from interview_prep.grading.coding import grade_coding\n"
        "for qid in ('level-order', 'longest-substring'):\n"
        "    q = load_bank([]).get(qid)\n"
        "    assert grade_coding(q, q.reference).score == 100, qid\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'numpy'))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=SOLUTIONS.parent)
    assert out.stdout.strip() == "[]"
