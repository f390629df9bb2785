"""The hidden suite of question 1, k-means: properties any correct Lloyd's k-means has, whatever its init."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from interview_prep.grading.checks import loop_style_check, performance_check, raises_value_error, timing_calls
from interview_prep.grading.report import Category
from interview_prep.grading.suite import (
    Call,
    Check,
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


class Inputs:
    """Every input the suite uses, made in the parent from fixed seeds."""

    def __init__(self) -> None:
        self.basic = _random(0, 60, 3)
        self.fp_random = [
            (_random(s, n, d), k, s, n, d) for s, n, d, k in [(1, 80, 2, 4), (2, 150, 3, 6), (3, 40, 5, 3)]
        ]
        blobs_a, _ = _blobs(4, [30, 25, 40, 20], 2)
        blobs_b, _ = _blobs(5, [15, 15, 15, 15, 15], 4)
        self.fp_blobs = [(blobs_a, 4, 4, 115, 2), (blobs_b, 5, 5, 75, 4)]
        self.recover = [
            (*_blobs(s, sizes, d), s, d) for s, sizes, d in [(6, [30, 30], 2), (7, [50, 10], 3), (8, [20, 40], 6)]
        ]
        three = np.array([[1.0, 2.0], [5.0, 5.0], [-4.0, 6.0]])  # not the origin: zeros is a classic bad re-seed
        self.locations = three
        self.empty = np.repeat(three, 10, axis=0)[np.random.default_rng(9).permutation(30)]  # 3 distinct points
        self.lopsided = LOPSIDED
        self.k1 = _random(10, 25, 3)
        self.kn = _random(11, 12, 2)
        dup = _random(12, 20, 2)
        self.dup = np.concatenate([dup, dup])[np.random.default_rng(12).permutation(40)]
        self.f32 = _random(13, 50, 2).astype(np.float32)
        self.lst = _random(14, 30, 2)
        self.stable = _random(15, 70, 2)
        self.untouched = _random(16, 50, 3)
        self.bad_1d = np.arange(10.0)
        self.bad_3d = np.zeros((4, 3, 2))
        self.bad_k = _random(17, 8, 2)
        self.perf = np.random.default_rng(18).uniform(size=(5000, 4))


def _calls(inp: Inputs) -> list[Call]:
    calls = [Call("basic", "kmeans", (inp.basic, 4), {"seed": 0}, about="random data, n=60, d=3, k=4, seed=0")]
    for i, (X, k, s, n, d) in enumerate(inp.fp_random):
        calls.append(
            Call(
                f"fp-random-{i}",
                "kmeans",
                (X, k),
                {**CONVERGE, "seed": s},
                about=f"random normal data, data seed {s}, n={n}, d={d}, k={k}, seed={s}",
            )
        )
    for i, (X, k, s, n, d) in enumerate(inp.fp_blobs):
        calls.append(
            Call(
                f"fp-blobs-{i}",
                "kmeans",
                (X, k),
                {**CONVERGE, "seed": s},
                about=f"{k} separated blobs, data seed {s}, n={n}, d={d}, k={k}, seed={s}",
            )
        )
    for i, (X, _truth, s, d) in enumerate(inp.recover):
        calls.append(
            Call(
                f"recover-{i}",
                "kmeans",
                (X, 2),
                {"seed": s},
                about=f"2 blobs 10+ apart with spread 0.3, data seed {s}, n={len(X)}, d={d}, k=2, seed={s}",
            )
        )
    calls += [
        Call(
            "empty",
            "kmeans",
            (inp.empty, 6),
            {"seed": 3},
            about="30 points at only 3 distinct locations, n=30, d=2, k=6, seed=3",
        ),
    ]
    calls += [
        Call(
            f"empty-moved-{s}",
            "kmeans",
            (inp.lopsided, LOPSIDED_K),
            {**CONVERGE, "seed": s},
            about=f"a tight lump of 6 points, 1 point 3.3 away and 2 points 17 away, n=9, d=2, k=3, seed={s}",
        )
        for s in LOPSIDED_SEEDS
    ]
    calls += [
        Call("k1", "kmeans", (inp.k1, 1), {"seed": 0}, about="random data, n=25, d=3, k=1, seed=0"),
        Call("kn", "kmeans", (inp.kn, 12), {"seed": 0}, about="12 distinct random points, n=12, d=2, k=n=12, seed=0"),
        Call(
            "dup",
            "kmeans",
            (inp.dup, 5),
            {**CONVERGE, "seed": 2},
            about="20 random points each given twice, n=40, d=2, k=5, seed=2",
        ),
        Call(
            "float32",
            "kmeans",
            (inp.f32, 3),
            {**CONVERGE, "seed": 1},
            about="float32 random data, n=50, d=2, k=3, seed=1",
        ),
        Call(
            "list",
            "kmeans",
            (ListArg(inp.lst), 3),
            {**CONVERGE, "seed": 1},
            about="X as a list of lists, n=30, d=2, k=3, seed=1",
        ),
        Call("stable-a", "kmeans", (inp.stable, 5), {"seed": 42}, about="random data, n=70, d=2, k=5, seed=42"),
        Call("stable-b", "kmeans", (inp.stable, 5), {"seed": 42}, about="random data, n=70, d=2, k=5, seed=42"),
        Call(
            "untouched",
            "kmeans",
            (inp.untouched, 4),
            {"seed": 0},
            return_args=(0,),
            about="random float64 data, n=50, d=3, k=4, seed=0",
        ),
        Call("bad-1d", "kmeans", (inp.bad_1d, 2), {"seed": 0}, about="a 1-D X of shape (10,), k=2"),
        Call("bad-3d", "kmeans", (inp.bad_3d, 2), {"seed": 0}, about="a 3-D X of shape (4, 3, 2), k=2"),
        Call("bad-k0", "kmeans", (inp.bad_k, 0), {"seed": 0}, about="k=0 with n=8"),
        Call("bad-kbig", "kmeans", (inp.bad_k, 9), {"seed": 0}, about="k=9 with n=8"),
    ]
    calls += timing_calls("kmeans", (inp.perf, 5), {"max_iters": 10, "tol": 0.0, "seed": 0}, PERF_ABOUT)
    return calls


PERF_ABOUT = "uniform data, n=5000, d=4, k=5, max_iters=10"
BAD_INPUTS = ("bad-1d", "bad-3d", "bad-k0", "bad-kbig")


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


def _pass_fixed(results: Mapping[str, Returned], ids: list[tuple[str, np.ndarray, int]]) -> str:
    for cid, X, k in ids:
        r = results[cid]
        centroids, labels = _result(r, X, k)
        _fixed_point(X, centroids, labels, r.call.about)
    return f"labels nearest-centroid and centroids the means of their points, on {len(ids)} inputs."


def _same_partition(a: np.ndarray, b: np.ndarray) -> bool:
    """Equal up to renaming the clusters."""
    pairs = set(zip(a.tolist(), b.tolist(), strict=True))
    return len(pairs) == len(set(a.tolist())) == len(set(b.tolist()))


def build() -> Suite:
    inp = Inputs()
    calls = _calls(inp)

    def shapes(results: Mapping[str, Returned]) -> str:
        r = results["basic"]
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

    def fixed_random(results: Mapping[str, Returned]) -> str:
        return _pass_fixed(results, [(f"fp-random-{i}", X, k) for i, (X, k, *_r) in enumerate(inp.fp_random)])

    def fixed_blobs(results: Mapping[str, Returned]) -> str:
        return _pass_fixed(results, [(f"fp-blobs-{i}", X, k) for i, (X, k, *_r) in enumerate(inp.fp_blobs)])

    def recover(results: Mapping[str, Returned]) -> str:
        for i, (X, truth, _s, _d) in enumerate(inp.recover):
            r = results[f"recover-{i}"]
            centroids, labels = _result(r, X, 2)
            _no_nan(centroids, r.call.about)
            if not _same_partition(labels, truth):
                raise Fail(f"kmeans did not separate two well-separated blobs on {r.call.about}.")
        return "recovers two well-separated blobs (up to relabelling) on 3 inputs."

    def empty(results: Mapping[str, Returned]) -> str:
        r = results["empty"]
        centroids, labels = _result(r, inp.empty, 6)
        _fixed_point(inp.empty, centroids, labels, r.call.about)
        # Every point sits at one of 3 locations, so any mean is a location too; a centroid anywhere
        # else was re-seeded to something other than a data point.
        dist = np.abs(centroids[:, None, :] - inp.locations[None, :, :]).max(axis=2).min(axis=1)
        off = np.flatnonzero(dist > 1e-9)
        if off.size:
            j = int(off[0])
            where = ", ".join(f"{v:.3g}" for v in centroids[j])
            raise Fail(
                f"centroid {j} ended at ({where}), which is neither a data point nor a mean of data points, on "
                f"{r.call.about}. Re-seed an empty cluster to a randomly chosen data point, X[rng.integers(n)]."
            )
        for s in LOPSIDED_SEEDS:
            r = results[f"empty-moved-{s}"]
            centroids, labels = _result(r, inp.lopsided, LOPSIDED_K)
            _fixed_point(inp.lopsided, centroids, labels, r.call.about)
            _empty_at_data(inp.lopsided, centroids, labels, r.call.about)
        return (
            "no NaN with forced empty clusters (k=6 on 3 distinct points), and a cluster that empties after "
            f"its centroid moved is re-seeded to a data point ({len(LOPSIDED_SEEDS)} seeds)."
        )

    def k_one(results: Mapping[str, Returned]) -> str:
        r = results["k1"]
        centroids, labels = _result(r, inp.k1, 1)
        _fixed_point(inp.k1, centroids, labels, r.call.about)
        return "k=1: one centroid at the mean of X."

    def k_n(results: Mapping[str, Returned]) -> str:
        # Only the contract's properties: an implementation whose re-seeded centroid lands on an occupied
        # point may legally end with an empty cluster, so "every point its own cluster" is not required.
        r = results["kn"]
        centroids, labels = _result(r, inp.kn, 12)
        _fixed_point(inp.kn, centroids, labels, r.call.about)
        return "k=n: a valid result, no NaN."

    def dup(results: Mapping[str, Returned]) -> str:
        r = results["dup"]
        centroids, labels = _result(r, inp.dup, 5)
        _fixed_point(inp.dup, centroids, labels, r.call.about)
        return "duplicate points: a valid fixed point, no NaN."

    def inputs(results: Mapping[str, Returned]) -> str:
        r = results["float32"]
        centroids, labels = _result(r, inp.f32, 3)
        _fixed_point(inp.f32, centroids, labels, r.call.about, rel=1e-4)
        r = results["list"]
        centroids, labels = _result(r, inp.lst, 3)
        _fixed_point(inp.lst, centroids, labels, r.call.about)
        return "float32 arrays and lists of lists both work."

    def stable(results: Mapping[str, Returned]) -> str:
        a, b = results["stable-a"], results["stable-b"]
        _result(a, inp.stable, 5)
        if not same_value(a.value, b.value):
            raise Fail(f"two calls with the same seed gave different results on {a.call.about}.")
        return "the same seed gives the same result."

    def untouched(results: Mapping[str, Returned]) -> str:
        r = results["untouched"]
        after = r.args_after.get(0)
        if after is None or after.kind != "ndarray" or not np.array_equal(after.data, inp.untouched):
            raise Fail(f"kmeans modified the caller's X in place on {r.call.about}.")
        return "X is left as it was."

    def value_errors(results: Mapping[str, Returned]) -> str:
        return raises_value_error(results, BAD_INPUTS, passed="ValueError for a 1-D or 3-D X, k=0 and k>n.")

    def check(
        name: str, cat: Category, pts: float, ids: tuple[str, ...], judge: object, hint: str = "", **kw: object
    ) -> Check:
        return Check(name, cat, pts, ids, judge, hint=hint, **kw)  # type: ignore[arg-type]

    C, E, S = Category.CORRECTNESS, Category.EDGE_CASE, Category.STABILITY
    checks = [
        check(
            "returns (centroids, labels) of the right shapes and dtypes",
            C,
            1,
            ("basic",),
            shapes,
            "Return a tuple (centroids, labels): centroids np.ndarray (k, d) float, labels np.ndarray (n,) int.",
        ),
        check("fixed point on random data", C, 3, tuple(f"fp-random-{i}" for i in range(3)), fixed_random),
        check("fixed point on separated blobs", C, 2, tuple(f"fp-blobs-{i}" for i in range(2)), fixed_blobs),
        check(
            "recovers separated blobs",
            C,
            2,
            tuple(f"recover-{i}" for i in range(3)),
            recover,
            "Alternate assignment (nearest centroid) and update (mean of each cluster) until the "
            "centroids stop moving.",
        ),
        check(
            "empty clusters re-seeded, no NaN",
            S,
            2,
            ("empty", *(f"empty-moved-{s}" for s in LOPSIDED_SEEDS)),
            empty,
        ),
        check("k = 1", E, 1, ("k1",), k_one),
        check("k = n", E, 1, ("kn",), k_n),
        check("duplicate points", E, 1, ("dup",), dup),
        check(
            "float32 and list input",
            E,
            1,
            ("float32", "list"),
            inputs,
            "Convert with X = np.asarray(X, dtype=float) first.",
        ),
        check(
            "same seed, same result",
            S,
            1,
            ("stable-a", "stable-b"),
            stable,
            "Draw every random number from rng = np.random.default_rng(seed), not from np.random.* globals.",
        ),
        check(
            "X not modified",
            C,
            1,
            ("untouched",),
            untouched,
            "Work on a copy (np.array(X, dtype=float) copies; np.asarray does not) or avoid in-place ops on X.",
        ),
        check(
            "ValueError on bad input",
            E,
            1,
            BAD_INPUTS,
            value_errors,
            "Check X.ndim == 2 and 1 <= k <= n at the start and raise ValueError with a clear message.",
            may_raise=True,
        ),
        performance_check(
            "kmeans",
            PERF_ABOUT,
            "Compute all n x k distances at once by broadcasting, X[:, None, :] - centroids[None, :, :], "
            "and argmin over axis 1; loop over iterations, not over points.",
        ),
        loop_style_check(
            ("kmeans",),
            1,
            "the points",
            "Loops over iterations or over the k clusters are fine; a loop over the n points is what "
            "interviewers look for. Use broadcasting instead.",
        ),
    ]
    return Suite("kmeans", ("kmeans",), tuple(calls), tuple(checks), "kmeans.py", timeout=6.0)
