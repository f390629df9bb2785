"""The hidden suite of question 1, k-means: properties any correct Lloyd's k-means has, whatever its init."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

import numpy as np

from interview_prep.grading.checks import (
    Part,
    assemble,
    each,
    inputs_unchanged,
    judged,
    loop_style,
    performance,
    smaller_matrices,
    timed,
    value_errors,
)
from interview_prep.grading.report import Category
from interview_prep.grading.suite import (
    Call,
    Fail,
    ListArg,
    Returned,
    Suite,
    as_array,
    as_int_array,
    as_tuple,
    same_value,
)

# Generous iterations and a tight tol, so every correct implementation reaches its fixed point;
# with tol far below the jump a reassigned point causes, the last step (assign or update) does not matter.
CONVERGE = {"max_iters": 500, "tol": 1e-9}


def _random(seed: int, n: int, d: int) -> np.ndarray:
    return np.random.default_rng(seed).normal(size=(n, d))


def _blobs(seed: int, sizes: list[int], d: int, spread: float = 0.3) -> tuple[np.ndarray, np.ndarray]:
    """Blobs whose centres are at least 10 apart, with a spread of `spread`: truly separated."""
    rng = np.random.default_rng(seed)
    centres = np.zeros((len(sizes), d))
    for i in range(len(sizes)):
        while True:
            c = rng.uniform(-30, 30, size=d)
            if i == 0 or np.min(np.linalg.norm(centres[:i] - c, axis=1)) > 10:
                centres[i] = c
                break
    truth = np.repeat(np.arange(len(sizes)), sizes)
    X = centres[truth] + rng.normal(scale=spread, size=(len(truth), d))
    perm = rng.permutation(len(truth))
    return X[perm], truth[perm]


# A tight lump of 6 points, one point 3.3 below it and two points 17-18 to its right; k=3. Started
# from random rows, Lloyd's often gives one centroid a few lump points and a far point: it moves to
# their mean, between the two, and the next assignment hands all of them to its neighbours. The
# cluster empties after its centroid left the data; a correct k-means re-seeds it to a data point, one
# that keeps the stale centroid returns it there with no points. That happens in about 1 run in 5 with
# a random-row start (with or without replacement), so the suite runs 20 seeds. (A k-means++ start is
# spread out; on this data, and on every dataset searched, it never emptied a cluster that had moved.)
LOPSIDED = np.array(
    [
        [-7.797, -5.676],
        [-7.788, -5.658],
        [10.722, -5.497],
        [-7.785, -5.671],
        [-7.783, -5.663],
        [8.99, -6.741],
        [-7.784, -5.683],
        [-7.51, -8.972],
        [-7.768, -5.66],
    ]
)
LOPSIDED_K = 3
LOPSIDED_SEEDS = tuple(range(20))


def _result(r: Returned, X: np.ndarray, k: int, what: str = "kmeans") -> tuple[np.ndarray, np.ndarray]:
    """(centroids, labels) as float and int arrays of the right shapes, or Unusable saying why."""
    n, d = X.shape
    centroids_v, labels_v = as_tuple(r.value, 2, what)
    centroids = as_array(centroids_v, "the centroids", shape=(k, d)).astype(np.float64)
    labels = as_int_array(labels_v, "the labels", shape=(n,))
    return centroids, labels


def _no_nan(centroids: np.ndarray, about: str) -> None:
    if not np.all(np.isfinite(centroids)):
        rows = np.flatnonzero(~np.all(np.isfinite(centroids), axis=1))
        raise Fail(
            f"kmeans returned NaN or infinite centroids (rows {', '.join(map(str, rows[:5]))}) on {about}. "
            "A cluster that becomes empty has no mean: re-seed it to a randomly chosen data point."
        )


def _labels_in_range(labels: np.ndarray, k: int, about: str) -> None:
    if labels.size and (labels.min() < 0 or labels.max() >= k):
        raise Fail(f"labels must lie in [0, {k}), but they range over [{labels.min()}, {labels.max()}] on {about}.")


def _fixed_point(X: np.ndarray, centroids: np.ndarray, labels: np.ndarray, about: str, rel: float = 1e-6) -> None:
    """Raise Fail unless labels are nearest-centroid and centroids are the means of their points."""
    k = centroids.shape[0]
    _no_nan(centroids, about)
    _labels_in_range(labels, k, about)
    X = X.astype(np.float64)
    scale = max(1.0, float(np.abs(X).max()))
    d2 = ((X[:, None, :] - centroids[None, :, :]) ** 2).sum(axis=2)
    own = d2[np.arange(len(X)), labels]
    best = d2.min(axis=1)
    # Ties (duplicate points, coinciding centroids) and float noise are not errors.
    wrong = np.flatnonzero(np.sqrt(own) > np.sqrt(best) + rel * scale)
    if wrong.size:
        i = int(wrong[0])
        raise Fail(
            f"{wrong.size} of {len(X)} labels are not the index of the nearest centroid on {about} "
            f"(e.g. point {i} is labelled {labels[i]} but centroid {int(d2[i].argmin())} is nearer). "
            "Assign each point to its nearest centroid (argmin over the k distances, axis=1) after the last update."
        )
    for j in range(k):
        members = labels == j
        if not members.any():
            continue
        mean = X[members].mean(axis=0)
        if np.max(np.abs(mean - centroids[j])) > rel * scale:
            raise Fail(
                f"centroid {j} is not the mean of the {_points(int(members.sum()))} labelled {j} on {about}. "
                "Each centroid should be the mean over its points, X[labels == j].mean(axis=0) (axis "
                "0: over the points)."
            )


def _empty_at_data(X: np.ndarray, centroids: np.ndarray, labels: np.ndarray, about: str, rel: float = 1e-6) -> None:
    """Raise Fail unless every centroid with no points sits on a data point (where a re-seed puts it)."""
    X = X.astype(np.float64)
    scale = max(1.0, float(np.abs(X).max()))
    for j in np.setdiff1d(np.arange(centroids.shape[0]), labels):
        if np.abs(X - centroids[j]).max(axis=1).min() > rel * scale:
            where = ", ".join(f"{v:.3g}" for v in centroids[j])
            raise Fail(
                f"cluster {j} ended empty with its centroid at ({where}), which is not a data point, on {about}: "
                "its cluster emptied after the centroid had moved, and the centroid kept its old place. "
                "When a cluster has no points, re-seed its centroid to a randomly chosen data point, "
                "X[rng.integers(n)]."
            )


def _points(m: int) -> str:
    return "1 point" if m == 1 else f"{m} points"


def _same_partition(a: np.ndarray, b: np.ndarray) -> bool:
    """Equal up to renaming the clusters."""
    pairs = set(zip(a.tolist(), b.tolist(), strict=True))
    return len(pairs) == len(set(a.tolist())) == len(set(b.tolist()))


def _km(
    cid: str,
    X: object,
    k: int,
    seed: int,
    about: str,
    *,
    converge: bool = False,
    options: Mapping[str, Any] | None = None,
    **kw: Any,
) -> Call:
    kwargs = {**(CONVERGE if converge else {}), **(options or {}), "seed": seed}
    return Call(cid, "kmeans", (X, k), kwargs, about=about, **kw)


def _fixed_point_of(r: Returned, case: tuple[np.ndarray, int, float]) -> None:
    X, k, rel = case
    centroids, labels = _result(r, X, k)
    _fixed_point(X, centroids, labels, r.call.about, rel)


def _smaller(call: Call, case: tuple[np.ndarray, int, float]) -> list[tuple[Call, tuple[np.ndarray, int, float]]]:
    """Smaller inputs of a fixed-point case: fewer points (never fewer than k), fewer features,
    rounder values, then a smaller k; the same seed and options."""
    X, k, rel = case
    out = [(Xs, k) for Xs in smaller_matrices(X, least_rows=k)] + [(X, j) for j in range(1, k)]
    return [
        (
            replace(call, args=(ListArg(Xs) if isinstance(call.args[0], ListArg) else Xs, j), about="this input"),
            (Xs, j, rel),
        )
        for Xs, j in out
    ]


def _each_fixed(*args: Any, **kwargs: Any) -> Part:
    """A table of fixed-point cases whose failures shrink to the smallest failing input."""
    return each(*args, shrink=_smaller, names=("X",), **kwargs)


def build() -> Suite:
    C, E, S = Category.CORRECTNESS, Category.EDGE_CASE, Category.STABILITY
    FixedCase = tuple[Call, tuple[np.ndarray, int, float]]

    def fixed(cid: str, X: np.ndarray, k: int, seed: int, about: str, rel: float = 1e-6, **kw: Any) -> FixedCase:
        return _km(cid, X, k, seed, about, **kw), (X, k, rel)

    # Fixed points: (data seed, n, d, k) of random normal data, then separated blobs.
    fp_random = [
        fixed(
            f"fp-random-{i}",
            X,
            k,
            s,
            f"random normal data, data seed {s}, n={n}, d={d}, k={k}, seed={s}",
            converge=True,
        )
        for i, (s, n, d, k) in enumerate([(1, 80, 2, 4), (2, 150, 3, 6), (3, 40, 5, 3)])
        for X in [_random(s, n, d)]
    ]
    fp_blobs = [
        fixed(
            f"fp-blobs-{i}",
            X,
            k,
            s,
            f"{k} separated blobs, data seed {s}, n={len(X)}, d={d}, k={k}, seed={s}",
            converge=True,
        )
        for i, (s, sizes, d) in enumerate([(4, [30, 25, 40, 20], 2), (5, [15, 15, 15, 15, 15], 4)])
        for X, k in [(_blobs(s, sizes, d)[0], len(sizes))]
    ]
    recover = [
        (
            _km(
                f"recover-{i}",
                X,
                2,
                s,
                f"2 blobs 10+ apart with spread 0.3, data seed {s}, n={len(X)}, d={d}, k=2, seed={s}",
            ),
            (X, truth),
        )
        for i, (s, sizes, d) in enumerate([(6, [30, 30], 2), (7, [50, 10], 3), (8, [20, 40], 6)])
        for X, truth in [_blobs(s, sizes, d)]
    ]

    three = np.array([[1.0, 2.0], [5.0, 5.0], [-4.0, 6.0]])  # not the origin: zeros is a classic bad re-seed
    empty_X = np.repeat(three, 10, axis=0)[np.random.default_rng(9).permutation(30)]  # 3 distinct points
    empty_call = _km("empty", empty_X, 6, 3, "30 points at only 3 distinct locations, n=30, d=2, k=6, seed=3")
    moved = [
        fixed(
            f"empty-moved-{s}",
            LOPSIDED,
            LOPSIDED_K,
            s,
            f"a tight lump of 6 points, 1 point 3.3 away and 2 points 17 away, n=9, d=2, k=3, seed={s}",
            converge=True,
        )
        for s in LOPSIDED_SEEDS
    ]
    dup = _random(12, 20, 2)
    lst = _random(14, 30, 2)
    stable_X = _random(15, 70, 2)
    stable = [_km(f"stable-{t}", stable_X, 5, 42, "random data, n=70, d=2, k=5, seed=42") for t in "ab"]
    # Every random path driven: k=5 on 3 distinct points empties clusters on every iteration, so the
    # re-seed draws too (a re-seed from the global np.random differs between two calls).
    stable_empty = [
        _km(f"stable-empty-{s}-{t}", empty_X, 5, s, f"30 points at only 3 distinct locations, k=5, seed={s}")
        for s in (3, 4)
        for t in "ab"
    ]
    # Far from the origin and at large scale, with an absolute tol the contract defines: a relative
    # stopping test (shift / |centroids| < tol) stops after the first step there, with stale labels.
    far = [
        fixed(
            f"far-{name}-{s}",
            X,
            4,
            s,
            f"{what}, data seed {s}, n=60, d=2, k=4, tol=1e-6, seed={s}",
            rel=rel,
            options={"max_iters": 500, "tol": 1e-6},
        )
        for s in (20, 21, 22)
        for name, X, what, rel in [
            ("offset", _random(s, 60, 2) + 1e6, "random normal data shifted by 1e6 (spread 1)", 1e-9),
            ("scaled", _random(s, 60, 2) * 1e6, "random normal data times 1e6", 1e-9),
        ]
    ]
    # Integer X: the means are fractions; a centroid array made from integer rows truncates them.
    int_X = np.random.default_rng(19).integers(0, 20, size=(45, 2))
    ints = [
        fixed(f"int-{s}", int_X, 3, s, f"integer data (dtype int64), n=45, d=2, k=3, seed={s}", converge=True)
        for s in (0, 1)
    ]
    bad_k = _random(17, 8, 2)
    bad = [
        _km("bad-1d", np.arange(10.0), 2, 0, "a 1-D X of shape (10,), k=2"),
        _km("bad-1d-k1", np.arange(10.0), 1, 0, "a 1-D X of shape (10,), k=1 (np.atleast_2d would make it one row)"),
        _km("bad-3d", np.zeros((4, 3, 2)), 2, 0, "a 3-D X of shape (4, 3, 2), k=2"),
        _km("bad-k0", bad_k, 0, 0, "k=0 with n=8"),
        _km("bad-kbig", bad_k, 9, 0, "k=9 with n=8"),
    ]
    basic = _km("basic", _random(0, 60, 3), 4, 0, "random data, n=60, d=3, k=4, seed=0")

    def shapes(results: Mapping[str, Returned]) -> str:
        r = results[basic.id]
        c_v, l_v = as_tuple(r.value, 2, "kmeans")
        c = as_array(c_v, "the centroids", numeric=False)
        labels = as_array(l_v, "the labels", numeric=False)
        if c.shape != (4, 3) or c.dtype.kind != "f":
            raise Fail(
                f"the centroids should be a (k, d) = (4, 3) float array, but are {c.shape} {c.dtype} on {r.call.about}."
            )
        if labels.shape != (60,) or labels.dtype.kind not in "iu":
            raise Fail(
                f"the labels should be an (n,) = (60,) int array, but are {labels.shape} "
                f"{labels.dtype} on {r.call.about}."
            )
        _labels_in_range(labels, 4, r.call.about)
        return "returns ((k, d) float centroids, (n,) int labels in [0, k))."

    def separated(r: Returned, case: tuple[np.ndarray, np.ndarray]) -> None:
        X, truth = case
        centroids, labels = _result(r, X, 2)
        _no_nan(centroids, r.call.about)
        if not _same_partition(labels, truth):
            raise Fail(f"kmeans did not separate two well-separated blobs on {r.call.about}.")

    def empty(r: Returned, case: tuple[np.ndarray, int, float]) -> None:
        X, k, _rel = case
        centroids, labels = _result(r, X, k)
        _fixed_point(X, centroids, labels, r.call.about)
        if X is LOPSIDED:
            _empty_at_data(LOPSIDED, centroids, labels, r.call.about)
            return
        # Every point sits at one of 3 locations, so any mean is a location too; a centroid anywhere
        # else was re-seeded to something other than a data point.
        dist = np.abs(centroids[:, None, :] - three[None, :, :]).max(axis=2).min(axis=1)
        off = np.flatnonzero(dist > 1e-9)
        if off.size:
            j = int(off[0])
            where = ", ".join(f"{v:.3g}" for v in centroids[j])
            raise Fail(
                f"centroid {j} ended at ({where}), which is neither a data point nor a mean of data points, on "
                f"{r.call.about}. Re-seed an empty cluster to a randomly chosen data point, X[rng.integers(n)]."
            )

    def same_seed(results: Mapping[str, Returned]) -> str:
        a, b = (results[c.id] for c in stable)
        _result(a, stable_X, 5)
        if not same_value(a.value, b.value):
            raise Fail(f"two calls with the same seed gave different results on {a.call.about}.", calls=stable)
        for i in range(0, len(stable_empty), 2):
            a, b = (results[c.id] for c in stable_empty[i : i + 2])
            _result(a, empty_X, 5)
            if not same_value(a.value, b.value):
                raise Fail(
                    f"two calls with the same seed gave different results on {a.call.about}, where empty clusters "
                    "are re-seeded: is the re-seed drawn from the global np.random rather than the seeded generator?",
                    calls=stable_empty[i : i + 2],
                )
        return "the same seed gives the same result, empty-cluster re-seeds included."

    def int_means(r: Returned, case: tuple[np.ndarray, int, float]) -> None:
        X, k, rel = case
        c_v, _l = as_tuple(r.value, 2, "kmeans")
        c = as_array(c_v, "the centroids", shape=(k, X.shape[1]), numeric=False)
        if c.dtype.kind != "f":
            raise Fail(
                f"the centroids are of dtype {c.dtype} on {r.call.about}; they should be floats (means of "
                "integer points are fractions)."
            )
        centroids, labels = _result(r, X, k)
        _fixed_point(X, centroids, labels, r.call.about, rel)

    perf = timed(
        "kmeans",
        (np.random.default_rng(18).uniform(size=(5000, 4)), 5),
        {"max_iters": 10, "tol": 0.0, "seed": 0},
        "uniform data, n=5000, d=4, k=5, max_iters=10",
    )
    n = len(fp_random)
    parts = [
        judged(
            "returns (centroids, labels) of the right shapes and dtypes",
            C,
            1,
            [basic],
            shapes,
            hint="Return a tuple (centroids, labels): centroids np.ndarray (k, d) float, labels np.ndarray (n,) int.",
        ),
        _each_fixed(
            "fixed point on random data",
            C,
            3,
            fp_random,
            _fixed_point_of,
            f"labels nearest-centroid and centroids the means of their points, on {n} inputs.",
        ),
        _each_fixed(
            "fixed point on separated blobs",
            C,
            2,
            fp_blobs,
            _fixed_point_of,
            f"labels nearest-centroid and centroids the means of their points, on {len(fp_blobs)} inputs.",
        ),
        each(
            "recovers separated blobs",
            C,
            2,
            recover,
            separated,
            "recovers two well-separated blobs (up to relabelling) on 3 inputs.",
            hint="Alternate assignment (nearest centroid) and update (mean of each cluster) until the "
            "centroids stop moving.",
        ),
        each(
            "empty clusters re-seeded, no NaN",
            S,
            2,
            [(empty_call, (empty_X, 6, 1e-6)), *moved],
            empty,
            "no NaN with forced empty clusters (k=6 on 3 distinct points), and a cluster that empties after "
            f"its centroid moved is re-seeded to a data point ({len(LOPSIDED_SEEDS)} seeds).",
            names=("X",),
        ),
        # k = n: only the contract's properties; an implementation whose re-seeded centroid lands on an
        # occupied point may legally end with an empty cluster, so "every point its own cluster" is not required.
        _each_fixed(
            "k = 1",
            E,
            1,
            [fixed("k1", _random(10, 25, 3), 1, 0, "random data, n=25, d=3, k=1, seed=0")],
            _fixed_point_of,
            "k=1: one centroid at the mean of X.",
        ),
        _each_fixed(
            "k = n",
            E,
            1,
            [fixed("kn", _random(11, 12, 2), 12, 0, "12 distinct random points, n=12, d=2, k=n=12, seed=0")],
            _fixed_point_of,
            "k=n: a valid result, no NaN.",
        ),
        _each_fixed(
            "duplicate points",
            E,
            1,
            [
                fixed(
                    "dup",
                    np.concatenate([dup, dup])[np.random.default_rng(12).permutation(40)],
                    5,
                    2,
                    "20 random points each given twice, n=40, d=2, k=5, seed=2",
                    converge=True,
                )
            ],
            _fixed_point_of,
            "duplicate points: a valid fixed point, no NaN.",
        ),
        _each_fixed(
            "float32 and list input",
            E,
            1,
            [
                fixed(
                    "float32",
                    _random(13, 50, 2).astype(np.float32),
                    3,
                    1,
                    "float32 random data, n=50, d=2, k=3, seed=1",
                    rel=1e-4,
                    converge=True,
                ),
                (
                    _km("list", ListArg(lst), 3, 1, "X as a list of lists, n=30, d=2, k=3, seed=1", converge=True),
                    (lst, 3, 1e-6),
                ),
            ],
            _fixed_point_of,
            "float32 arrays and lists of lists both work.",
            hint="Convert with X = np.asarray(X, dtype=float) first.",
        ),
        _each_fixed(
            "integer X: centroids are the exact means",
            E,
            1,
            ints,
            int_means,
            "integer X: float centroids at the exact means of their points.",
            hint="Convert with X = np.asarray(X, dtype=float) first: a mean written into an integer array "
            "is truncated.",
        ),
        _each_fixed(
            "fixed point far from the origin and at large scale",
            C,
            1,
            far,
            _fixed_point_of,
            f"a fixed point on {len(far)} inputs shifted by 1e6 or scaled by 1e6.",
            hint="tol is absolute: stop when no centroid moved more than tol (not a shift relative to the "
            "centroids' size), and return labels computed for the returned centroids.",
        ),
        judged(
            "same seed, same result",
            S,
            1,
            [*stable, *stable_empty],
            same_seed,
            hint="Draw every random number from rng = np.random.default_rng(seed), not from np.random.* globals.",
        ),
        inputs_unchanged(
            "X not modified",
            C,
            1,
            [
                _km(
                    "untouched",
                    _random(16, 50, 3),
                    4,
                    0,
                    "random float64 data, n=50, d=3, k=4, seed=0",
                    return_args=(0,),
                )
            ],
            ["X"],
            passed="X is left as it was.",
            hint="Work on a copy (np.array(X, dtype=float) copies; np.asarray does not) or avoid in-place ops on X.",
        ),
        value_errors(
            "ValueError on bad input",
            E,
            1,
            bad,
            passed="ValueError for a 1-D or 3-D X, k=0 and k>n.",
            hint="Check X.ndim == 2 and 1 <= k <= n at the start and raise ValueError with a clear message.",
        ),
        performance(
            [perf],
            "Compute all n x k distances at once by broadcasting, X[:, None, :] - centroids[None, :, :], "
            "and argmin over axis 1; loop over iterations, not over points.",
        ),
        loop_style(
            ("kmeans",),
            1,
            "the points",
            "Loops over iterations or over the k clusters are fine; a loop over the n points is what "
            "interviewers look for. Use broadcasting instead.",
        ),
    ]
    return assemble("kmeans", ("kmeans",), parts, "kmeans.py", timeout=6.0)
