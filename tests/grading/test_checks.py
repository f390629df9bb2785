"""Unit tests of the shared checks: the loop-over-samples detector and the vectorization verdict."""

from __future__ import annotations

import ast

import pytest

from interview_prep.grading.checks import fmt_pair, performance_check, sample_loops
from interview_prep.grading.report import Category
from interview_prep.grading.suite import Call, Fail, Returned
from tests.grading.helpers import suite_of


@pytest.mark.parametrize(
    "body",
    [
        "for i in range(len(X)):\n        pass",
        "for x in X:\n        pass",
        "n = X.shape[0]\n    for i in range(n):\n        pass",
        "n, d = X.shape\n    for i in range(n):\n        pass",
        "Y = np.asarray(X, dtype=float)\n    for i, row in enumerate(Y):\n        pass",
        "labels = [np.argmin(d) for d in X]",
        "for i in range(0, X.shape[0]):\n        pass",
    ],
)
def test_loops_over_samples_are_found(body: str) -> None:
    tree = ast.parse(f"import numpy as np\ndef kmeans(X, k):\n    {body}\n")
    assert sample_loops(tree, {"X"}) != []


@pytest.mark.parametrize(
    "body",
    [
        "for j in range(k):\n        pass",
        "for _ in range(max_iters):\n        pass",
        "C = X[idx]\n    for c in C:\n        pass",
        "n, d = X.shape\n    for j in range(d):\n        pass",
        "for j, c in enumerate(centroids):\n        pass",
    ],
)
def test_loops_over_iterations_clusters_or_features_are_not_flagged(body: str) -> None:
    tree = ast.parse(f"import numpy as np\ndef kmeans(X, k, max_iters=100, centroids=None, idx=None):\n    {body}\n")
    assert sample_loops(tree, {"X"}) == []


def _timed(user: float, ref: float) -> dict[str, Returned]:
    call = Call("perf-user", "f", ())
    return {"perf-user": Returned(call, "ok", seconds=user), "perf-reference": Returned(call, "ok", seconds=ref)}


def test_far_slower_and_slow_in_absolute_terms_loses_the_points_with_the_ratio() -> None:
    check = performance_check("kmeans", "n=5000", "hint")
    assert check.category is Category.PERFORMANCE
    with pytest.raises(Fail, match="400 ms on n=5000, 40x the reference"):
        check.judge(_timed(0.4, 0.01))


@pytest.mark.parametrize(("user", "ref"), [(0.02, 0.001), (0.3, 0.1)])
def test_fast_enough_keeps_the_points(user: float, ref: float) -> None:
    # 20x but only 20 ms is timer noise territory; 3x is a style difference, not a Python loop.
    assert "x the reference" in performance_check("kmeans", "n=5000", "").judge(_timed(user, ref))


@pytest.mark.parametrize(
    ("qid", "check_name", "note"),
    [
        ("kmeans", "ValueError on bad input", "ValueError for a 1-D or 3-D X, k=0 and k>n."),
        ("bce", "ValueError on shape mismatch", "ValueError when the shapes differ, even when they broadcast"),
        ("stratified-split", "ValueError on bad ratios or labels", "ValueError for bad ratios and 2-D labels."),
    ],
)
def test_every_should_raise_valueerror_check_judges_alike(qid: str, check_name: str, note: str) -> None:
    # One judge (props.raises_value_error) for all: the function, the input, what it raised and where.
    suite = suite_of(qid)
    check = next(c for c in suite.checks if c.name == check_name)
    assert check.may_raise
    calls = {c.id: c for c in suite.calls}

    def results(outcome: str, **kw: object) -> dict[str, Returned]:
        return {cid: Returned(calls[cid], outcome, **kw) for cid in check.calls}  # type: ignore[arg-type]

    assert check.judge(results("raised", exc_type="ValueError", exc_msg="bad")).startswith(note)
    first = calls[check.calls[0]]
    with pytest.raises(Fail) as wrong_type:
        check.judge(results("raised", exc_type="IndexError", exc_msg="index 3 is out of bounds", where="line 7"))
    assert str(wrong_type.value).startswith(f"{first.func} raised IndexError (index 3 is out of bounds) at line 7 ")
    assert first.about in str(wrong_type.value) and "it should raise ValueError" in str(wrong_type.value)
    with pytest.raises(Fail) as returned:
        check.judge(results("ok"))
    assert f"{first.func} returned normally for {first.about}; it should raise ValueError" in str(returned.value)
    if qid == "bce":
        assert "(broadcasting hides the bug)" in str(returned.value)


@pytest.mark.parametrize(
    ("got", "want"),
    [(1 - 6.7e-16, 1.0), (6.3e-16, 0.0), (62.99999999999999, 63.0), (0.1 + 0.2, 0.3), (1.0000001, 1.0000002)],
)
def test_gave_and_expected_never_read_the_same_when_they_differ(got: float, want: float) -> None:
    g, w = fmt_pair(got, want)
    assert g != w
    assert float(g) == got or len(g) > 6  # as many digits as it takes


def test_equal_numbers_read_short() -> None:
    assert fmt_pair(1.0, 1.0) == ("1", "1")
    assert fmt_pair(0.25, 0.5) == ("0.25", "0.5")
