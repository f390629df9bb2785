"""A failing property carries the smallest input found that fails the same way, as code the user can paste."""

from __future__ import annotations

import io
from typing import Any

import numpy as np
import pytest
from rich.console import Console

from interview_prep.grading.checks import python_source, smaller_matrices
from interview_prep.grading.coding import grade_coding
from interview_prep.grading.report import Status, report_from_json
from interview_prep.grading.shrinking import shape_of_failure
from interview_prep.grading.suite import Call, ListArg
from interview_prep.views.report import render_report
from tests.grading.helpers import TESTS, coding_question


def test_the_source_of_a_call_runs_and_rebuilds_its_inputs() -> None:
    X = np.array([[0.0, 0.5], [5.0, 5.0]])
    call = Call("c", "kmeans", (X, 2), {"seed": 3, "tol": 1e-9})
    source = python_source(call, ("X",))
    assert source == "X = np.array([[0.0, 0.5], [5.0, 5.0]]); kmeans(X, 2, seed=3, tol=1e-09)"
    seen: dict[str, Any] = {}

    def kmeans(X: np.ndarray, k: int, **kw: Any) -> None:
        seen.update(X=X, k=k, **kw)

    exec(source, {"np": np, "kmeans": kmeans})  # noqa: S102 - the point: it is pasteable code
    assert np.array_equal(seen["X"], X) and seen["X"].dtype == X.dtype and seen["k"] == 2 and seen["seed"] == 3


def test_the_source_keeps_dtypes_lists_and_dicts() -> None:
    call = Call("c", "f", (np.arange(3, dtype=np.float32), ListArg(np.array([1, 2])), {"w": np.zeros(1)}))
    source = python_source(call, ("a", "b", "params"))
    assert source == (
        "a = np.array([0.0, 1.0, 2.0], dtype=np.float32); b = [1, 2]; params = {'w': np.array([0.0])}; f(a, b, params)"
    )


def test_smaller_matrices_are_smaller_and_keep_enough_rows() -> None:
    X = np.random.default_rng(0).normal(size=(40, 3))
    found = smaller_matrices(X, least_rows=3)
    assert found
    assert all(a.shape[0] >= 3 and (a.size < X.size or not np.array_equal(a, X)) for a in found)
    assert any(a.shape == (3, 3) for a in found) and any(a.shape == (40, 2) for a in found)
    assert any(np.array_equal(a, np.round(a)) and a.shape[0] == 3 for a in found)  # rounder values too


def test_failures_of_the_same_shape_ignore_numbers_and_the_input() -> None:
    a = shape_of_failure(
        "centroid 0 is not the mean of the 13 points labelled 0 on data seed 1, n=80.", "data seed 1, n=80"
    )
    b = shape_of_failure("centroid 2 is not the mean of the 2 points labelled 2 on this input.", "this input")
    assert a == b
    assert a != shape_of_failure("3 of 4 labels are not the index of the nearest centroid on this input.", "this input")


@pytest.mark.slow
def test_a_wrong_kmeans_shows_a_small_pasteable_counterexample_that_still_fails() -> None:
    path = TESTS / "questions" / "kmeans" / "broken" / "12_mean_wrong_axis.py"
    report = grade_coding(coding_question("kmeans"), path)
    failing = [c for c in report.checks if c.status is Status.FAIL and c.counterexample]
    assert failing
    first = failing[0]
    assert first.name == "fixed point on random data"
    seen: dict[str, Any] = {}
    exec(first.counterexample or "", {"np": np, "kmeans": lambda X, k, **kw: seen.update(X=X, k=k)})  # noqa: S102
    assert seen["X"].shape[0] <= 4  # shrunk from 80 points
    assert first.counterexample_verdict and "is not the mean" in first.counterexample_verdict
    # In the JSON (and back), and on the terminal for the first failure.
    data = report.to_json()
    assert next(c for c in data["checks"] if c["name"] == first.name)["counterexample"] == first.counterexample
    assert report_from_json(data).checks == report.checks
    console = Console(file=io.StringIO(), width=200, record=True)
    render_report(report, None, console)
    text = console.export_text()
    assert "Smallest failing input:" in text and "kmeans(X" in text
    console = Console(file=io.StringIO(), width=200, record=True)
    render_report(report, None, console, full=True)
    assert "smallest failing input" in console.export_text()  # the full table's panel too


@pytest.mark.slow
def test_shrinking_is_optional_and_changes_no_verdict() -> None:
    path = TESTS / "questions" / "kmeans" / "broken" / "12_mean_wrong_axis.py"
    with_ = grade_coding(coding_question("kmeans"), path)
    without = grade_coding(coding_question("kmeans"), path, shrink=False)
    assert [(c.name, c.status, c.points) for c in with_.checks] == [
        (c.name, c.status, c.points) for c in without.checks
    ]
    assert all(c.counterexample is None for c in without.checks)
