"""The hidden suite of question 3, stratified split: an exact partition, per-class sizes, shuffling, determinism."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import replace
from fractions import Fraction

import numpy as np

from interview_prep.grading.checks import Timed, assemble, each, fewer_rows, judged, performance, timed, value_errors
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

DEFAULT = (0.7, 0.15, 0.15)
SPLITS = ("train", "validation", "test")
PERF_ABOUT = "8000 labels in 10 classes"


def _labels(seed: int, sizes: Sequence[int], names: Sequence[object] | None = None) -> np.ndarray:
    names = list(names) if names is not None else list(range(len(sizes)))
    labels = np.repeat(np.array(names), sizes)
    return labels[np.random.default_rng(seed).permutation(len(labels))]


class Case:
    """One call's input and how to describe it."""

    def __init__(
        self,
        cid: str,
        labels: np.ndarray,
        ratios: tuple[float, float, float],
        seed: int,
        about: str,
        as_list: bool = False,
    ) -> None:
        self.id, self.labels, self.ratios, self.seed, self.as_list = cid, labels, ratios, seed, as_list
        self.about = f"{about}, n={len(labels)}, ratios={ratios}, seed={seed}"

    def call(self, run: int = 0, cid: str | None = None) -> Call:
        labels: object = ListArg(self.labels) if self.as_list else self.labels
        return Call(
            cid or self.id,
            "stratified_split",
            (labels,),
            {"ratios": self.ratios, "seed": self.seed},
            run=run,
            about=self.about,
        )


class Inputs:
    def __init__(self) -> None:
        animals = ["cat", "dog", "bird", "fish", "ant", "owl"]
        self.cases = [
            Case("ints", _labels(1, [40, 30, 30]), DEFAULT, 1, "3 int classes of 40, 30, 30"),
            # 0.7 * 90 is 62.99999999999999 and 0.55 * 100 is 55.00000000000001 in floating point.
            Case(
                "float-traps",
                _labels(2, [90, 10, 20]),
                DEFAULT,
                2,
                "int classes of 90, 10, 20 (0.7 x 90 is exactly 63)",
            ),
            Case(
                "float-traps-2",
                _labels(13, [100, 40]),
                (0.55, 0.25, 0.2),
                13,
                "int classes of 100 and 40 (0.55 x 100 is exactly 55)",
            ),
            Case("uneven", _labels(3, [7, 13, 23, 3]), (0.6, 0.2, 0.2), 3, "int classes of 7, 13, 23, 3"),
            Case("tiny", _labels(4, [1, 1, 2, 1, 9]), DEFAULT, 4, "classes of 1, 1, 2, 1 and 9 samples"),
            Case(
                "strings",
                _labels(5, [12, 8, 5, 20, 1, 4], animals),
                (0.5, 0.25, 0.25),
                5,
                "string labels (a list of str) in 6 classes",
                as_list=True,
            ),
            Case("skewed", _labels(6, [90, 6, 4]), (0.8, 0.1, 0.1), 6, "classes of 90, 6 and 4 samples"),
            Case("all-train", _labels(7, [5, 6]), (1.0, 0.0, 0.0), 7, "ratios (1, 0, 0): empty validation and test"),
        ]
        # Ratios that sum to 1 only within float error: 0.6 + 0.3 + 0.1 is 0.9999999999999999.
        self.float_sum = Case(
            "float-sum",
            _labels(14, [20, 30, 10]),
            (0.6, 0.3, 0.1),
            14,
            "int classes of 20, 30, 10 (the float sum of the ratios is 0.9999999999999999)",
        )
        self.by_id = {c.id: c for c in self.cases}
        self.calls = {c.id: c.call() for c in self.cases}
        self.shuffle = [
            Case(f"shuffle-{s}", np.repeat(np.arange(3), 50), DEFAULT, s, "3 sorted classes of 50") for s in (0, 1)
        ]
        self.stable = Case(
            "stable",
            _labels(8, [25, 18, 11, 30, 16], ["x", "y", "zeta", "alpha", "k9"]),
            DEFAULT,
            123,
            "string labels in 5 classes",
            as_list=True,
        )
        self.seeds = [Case(f"seed-{s}", _labels(9, [40, 40]), DEFAULT, s, "2 int classes of 40") for s in (10, 11)]
        self.stable_calls = [
            self.stable.call(0, "stable-a"),
            self.stable.call(0, "stable-b"),
            self.stable.call(1, "stable-other-process"),
        ]
        self.bad: list[Call] = [
            Call(cid, "stratified_split", (labels,), {"ratios": ratios, "seed": 0}, about=about)
            for cid, labels, ratios, about in [
                ("bad-sum", _labels(10, [5, 5]), (0.5, 0.5, 0.5), "ratios that sum to 1.5"),
                ("bad-negative", _labels(10, [5, 5]), (0.8, 0.4, -0.2), "a negative ratio"),
                ("bad-2d", np.zeros((4, 3), dtype=np.int64), DEFAULT, "2-D labels of shape (4, 3)"),
            ]
        ]
        self.perf: Timed = timed("stratified_split", (_labels(12, [800] * 10),), {"seed": 0}, PERF_ABOUT)

    def table(self, *ids: str) -> list[tuple[Call, Case]]:
        """The calls of these cases, each with its case."""
        return [(self.calls[cid], self.by_id[cid]) for cid in ids]


def _splits(r: Returned) -> list[np.ndarray]:
    items = as_tuple(r.value, 3, "stratified_split")
    return [as_int_array(v, f"the {name} indices") for v, name in zip(items, SPLITS, strict=True)]


def _partition(r: Returned, n: int) -> list[np.ndarray]:
    parts = _splits(r)
    together = np.concatenate(parts)
    counts = np.bincount(together[(together >= 0) & (together < n)], minlength=n)
    out_of_range = int(np.sum((together < 0) | (together >= n)))
    if out_of_range:
        raise Fail(f"{out_of_range} returned indices are outside range({n}) on {r.call.about}.")
    missing, repeated = int(np.sum(counts == 0)), int(np.sum(counts > 1))
    if missing or repeated:
        overlap = [
            f"{SPLITS[a]}/{SPLITS[b]}"
            for a in range(3)
            for b in range(a + 1, 3)
            if np.intersect1d(parts[a], parts[b]).size
        ]
        bits = []
        if missing:
            bits.append(f"{missing} of the {n} indices are in no split")
        if repeated:
            bits.append(
                f"{repeated} indices appear more than once"
                + (f" (overlapping: {', '.join(overlap)})" if overlap else "")
            )
        raise Fail(
            "the three arrays must hold every index of range(n) exactly once, but "
            f"{' and '.join(bits)} on {r.call.about}."
        )
    return parts


def _sizes_ok(r: Returned, case: Case) -> None:
    parts = _partition(r, len(case.labels))
    exact = [Fraction(str(x)) for x in case.ratios]
    for value in list(dict.fromkeys(case.labels.tolist())):
        members = case.labels == value
        n_c = int(members.sum())
        for part, ratio, name in zip(parts, exact, SPLITS, strict=True):
            got = int(members[part].sum())
            lo, hi = math.floor(ratio * n_c), math.ceil(ratio * n_c)
            if not lo <= got <= hi:
                want = str(lo) if lo == hi else f"{lo} or {hi}"
                raise Fail(
                    f"class {value!r} has {n_c} samples, so {name} should hold {want} of them "
                    f"({ratio} x {n_c}), but holds {got}, on {case.about}."
                )


def _smaller_case(call: Call, case: Case) -> list[tuple[Call, Case]]:
    """The same split on fewer samples (prefixes, suffixes and spread subsets of the labels)."""
    out = []
    for idx in fewer_rows(len(case.labels)):
        small = Case(case.id, case.labels[idx], case.ratios, case.seed, "this input", as_list=case.as_list)
        out.append((replace(call, args=small.call().args, about=small.about), small))
    return out


def build() -> Suite:
    inp = Inputs()
    sized = "each split holds floor or ceil of ratio x class size, class by class."

    def partition(r: Returned, case: Case) -> None:
        _partition(r, len(case.labels))

    def dtypes(r: Returned, case: Case) -> None:
        for v, name in zip(as_tuple(r.value, 3, "stratified_split"), SPLITS, strict=True):
            arr = as_array(v, f"the {name} indices", numeric=False)
            if arr.ndim != 1 or arr.dtype.kind not in "iu":
                raise Fail(
                    f"the {name} indices should be a 1-D integer array, but are {arr.shape} "
                    f"{arr.dtype} on {case.about}."
                )

    def shuffled(results: Mapping[str, Returned]) -> str:
        for c in inp.shuffle:
            train = np.sort(_partition(results[c.id], len(c.labels))[0])
            firsts = np.concatenate(
                [np.flatnonzero(c.labels == v)[: len(np.flatnonzero(c.labels == v)) * 7 // 10] for v in range(3)]
            )
            if train.shape != firsts.shape or not np.array_equal(train, np.sort(firsts)):
                return "each class is shuffled before it is split."
        raise Fail(
            "the training set is always the first 70% of each class's indices (seeds 0 and 1, 3 sorted classes of 50), "
            "so it follows the order of the data."
        )

    def seeds_differ(results: Mapping[str, Returned]) -> str:
        a, b = (results[c.id] for c in inp.seeds)
        _partition(a, len(inp.seeds[0].labels))
        if same_value(a.value, b.value):
            raise Fail("seeds 10 and 11 gave the same split (2 int classes of 40): the seed is not used.")
        return "different seeds give different splits."

    def stable(results: Mapping[str, Returned]) -> str:
        a, b, other = (results[c.id] for c in inp.stable_calls)
        _partition(a, len(inp.stable.labels))
        if not same_value(a.value, b.value):
            raise Fail(
                f"two calls with the same seed in one process gave different splits on {inp.stable.about}.",
                calls=inp.stable_calls[:2],
            )
        if not same_value(a.value, other.value):
            raise Fail(
                f"the same seed gave a different split in another Python process (PYTHONHASHSEED 0 vs 1) on "
                f"{inp.stable.about}: the order of the classes came from a set or a hash.",
                calls=[inp.stable_calls[0]],
                notes=["run it twice, as PYTHONHASHSEED=0 python and PYTHONHASHSEED=1 python: the splits differ"],
            )
        return "the same seed gives the same split, in the same and in another process."

    C, E, S = Category.CORRECTNESS, Category.EDGE_CASE, Category.STABILITY
    parts = [
        each(
            "returns three 1-D integer arrays",
            C,
            1,
            inp.table("ints", "all-train"),
            dtypes,
            "three 1-D integer arrays, empty ones included.",
            hint=(
                "Return (train_idx, val_idx, test_idx) as np.ndarray of ints; an array made from an "
                "empty list is float64, so build empty ones with dtype=int."
            ),
            shrink=_smaller_case,
            names=("labels",),
        ),
        each(
            "partition of range(n)",
            C,
            3,
            inp.table(*inp.by_id),
            partition,
            f"every index exactly once on {len(inp.cases)} inputs.",
            hint="Concatenate each class's pieces; every index must land in exactly one split.",
            shrink=_smaller_case,
            names=("labels",),
        ),
        each(
            "per-class sizes: floor or ceil of ratio x n_c",
            C,
            3,
            inp.table("ints", "float-traps", "float-traps-2", "uneven", "skewed"),
            _sizes_ok,
            sized,
            hint=(
                "Split each class on its own. Compute r x n_c exactly (0.7 x 90 is 63, though the "
                "float product is 62.99999999999999): e.g. round(r * n_c, 9) before floor, and give "
                "the leftovers to splits, at most one each."
            ),
            shrink=_smaller_case,
            names=("labels",),
        ),
        each(
            "ratios summing to 1 within float error accepted",
            E,
            1,
            [(inp.float_sum.call(), inp.float_sum)],
            _sizes_ok,
            "ratios (0.6, 0.3, 0.1), whose float sum is 0.9999999999999999, split as meant.",
            hint="The contract allows a sum within 1e-6 of 1: test abs(sum(ratios) - 1) <= 1e-6, never sum == 1.",
            shrink=_smaller_case,
            names=("labels",),
        ),
        each(
            "single-sample classes",
            E,
            1,
            inp.table("tiny"),
            _sizes_ok,
            sized,
            hint="A class of 1 sample still has to go somewhere: give leftovers to splits rather than drop them.",
            shrink=_smaller_case,
            names=("labels",),
        ),
        each(
            "string labels",
            E,
            1,
            inp.table("strings"),
            _sizes_ok,
            sized,
            hint="Group by label value (np.unique(labels, return_inverse=True) works for strings too).",
            shrink=_smaller_case,
            names=("labels",),
        ),
        each(
            "empty splits (ratio 0)",
            E,
            1,
            inp.table("all-train"),
            _sizes_ok,
            sized,
            hint="A ratio of 0 means an empty array for that split.",
            shrink=_smaller_case,
            names=("labels",),
        ),
        judged(
            "shuffles within classes",
            C,
            2,
            [c.call() for c in inp.shuffle],
            shuffled,
            hint="Permute each class's indices with rng.permutation before cutting them.",
        ),
        judged(
            "different seeds, different splits",
            S,
            1,
            [c.call() for c in inp.seeds],
            seeds_differ,
            hint="Shuffle with rng = np.random.default_rng(seed).",
        ),
        judged(
            "same seed, same split (in any process)",
            S,
            2,
            inp.stable_calls,
            stable,
            hint="Use np.random.default_rng(seed) and visit the classes in sorted order (np.unique or sorted()), "
            "never in set order: string hashes change from one Python process to the next.",
        ),
        value_errors(
            "ValueError on bad ratios or labels",
            E,
            1,
            inp.bad,
            passed="ValueError for bad ratios and 2-D labels.",
            hint="Check len(ratios) == 3, each >= 0, abs(sum - 1) <= 1e-6, and labels.ndim == 1; raise ValueError.",
        ),
        performance(
            [inp.perf],
            "Group indices with np.unique(..., return_inverse=True) or one pass into a dict of lists; "
            "avoid membership tests on lists inside a loop (that is O(n^2)).",
        ),
    ]
    # Runs 1 and 0 pin different hash seeds, so set-order bugs show up as different splits. Run 1
    # (one call) goes first, so a slow solution's timeout in run 0 cannot starve it.
    return assemble(
        "stratified-split",
        ("stratified_split",),
        parts,
        "stratified_split.py",
        timeout=6.0,
        hash_seeds={1: 1, 0: 0},
    )
