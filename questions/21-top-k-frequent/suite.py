"""The hidden suite of question 21, top k frequent: a counting oracle on random lists, ties, k at its bounds, growth."""

from __future__ import annotations

import random

import numpy as np

from interview_prep.grading.checks import assemble, each, inputs_unchanged, value_errors
from interview_prep.grading.complexity import growth, growth_calls
from interview_prep.grading.dsa import matches, short
from interview_prep.grading.report import Category
from interview_prep.grading.suite import Call, ListArg, Suite

F = "top_k_frequent"


def oracle(nums: list[int], k: int) -> list[int]:
    """Brute force: count every distinct value with list.count, sort by (-count, value)."""
    return sorted(set(nums), key=lambda v: (-nums.count(v), v))[:k]


def _call(cid: str, nums: list[int], k: int, about: str, keep: bool = False) -> Call:
    return Call(cid, F, (nums, k), return_args=(0,) if keep else (), about=f"{about}, k={k}: {short(nums, 110)}")


def _case(cid: str, nums: list[int], k: int, about: str) -> tuple[Call, list[int]]:
    return _call(cid, nums, k, about), oracle(nums, k)


def _big(n: int) -> tuple[tuple[object, ...], dict[str, object]]:
    nums = np.random.default_rng(n).integers(0, n // 2, n)
    return (ListArg(nums), 10), {}


def build() -> Suite:
    rng = random.Random(21)
    table = []
    for i in range(200):
        nums = [rng.randint(-4, 6) for _ in range(rng.randint(1, 16))]
        k = rng.randint(1, len(set(nums)))
        table.append(_case(f"random-{i}", nums, k, f"random list {i} (seed 21)"))
    C, E = Category.CORRECTNESS, Category.EDGE_CASE
    same = lambda got, want: got == want  # noqa: E731 - the contract orders the output
    ties = [
        _case("ties", [5, 3, 5, 3, 1, 1], 2, "three values twice each, first seen 5, 3, 1"),
        _case("ties-2", [9, 9, 2, 7, 7, 2, -1], 3, "ties first seen in another order"),
    ]
    edge = [
        _case("k0", [1, 2, 2], 0, "k = 0"),
        _case("empty-k0", [], 0, "an empty list and k = 0"),
        _case("one", [42], 1, "one element"),
        _case("same", [7] * 9, 1, "one value nine times"),
        _case("all", [3, 1, 2, 1, 3, 3], 3, "k equal to the number of distinct values"),
        _case("negatives", [-2, -2, -5, 0, -5, -5], 2, "negative values"),
    ]
    kept = [_call("kept", [4, 1, 4, 2, 1, 4], 2, "a small list", keep=True)]
    bad = [
        _call("bad-big", [1, 2, 2], 3, "k larger than the 2 distinct values"),
        _call("bad-negative", [1, 2], -1, "k = -1"),
        _call("bad-empty", [], 1, "an empty list and k = 1"),
    ]
    timing = growth_calls(
        F,
        _big,
        (1000, 2000, 4000, 8000),
        "n log n",
        about=lambda n: f"{n:,} random values, about {n // 2:,} distinct, k=10",
    )
    parts = [
        each(
            "matches a brute-force oracle on random lists",
            C,
            3,
            table,
            matches(same),
            f"the k most frequent, in order, on all {len(table)} random lists.",
            hint="Count with Counter, then order the distinct values by (-count, value).",
        ),
        each(
            "ties by smaller value",
            C,
            1,
            ties,
            matches(same),
            "equal counts come smaller value first.",
            hint="Counter.most_common orders ties by first appearance; sort by (-count, value) instead.",
        ),
        each(
            "k = 0, one element, one value, all values, negatives",
            E,
            1,
            edge,
            matches(same),
            "k at its bounds, repeated and negative values.",
            hint="k = 0 returns []; every value can be negative.",
        ),
        inputs_unchanged(
            "input not modified", C, 1, kept, ["nums", "k"], hint="Count into your own dict; never sort nums in place."
        ),
        value_errors("ValueError on a bad k", E, 1, bad, hint="Raise ValueError unless 0 <= k <= len(Counter(nums))."),
        growth(timing, "Counting with a dict is O(n); nums.count(x) for each value rescans the list, O(n^2)."),
    ]
    return assemble("top-k-frequent", (F,), parts, "top_k_frequent.py", timeout=20.0)
