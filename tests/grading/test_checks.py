"""Unit tests of the shared checks: the loop-over-samples detector and the vectorization verdict."""

from __future__ import annotations

import ast

import pytest

from interview_prep.grading.report import Category
from interview_prep.grading.suites import Call, Fail, Returned
from interview_prep.grading.suites.common import performance_check, sample_loops


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
