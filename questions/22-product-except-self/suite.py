"""The hidden suite of question 22, product except self: a brute-force oracle on random lists, zeros, growth."""

from __future__ import annotations

import math
import random

import numpy as np

from interview_prep.grading.checks import assemble, each, inputs_unchanged
from interview_prep.grading.complexity import growth, growth_calls
from interview_prep.grading.dsa import matches, short
from interview_prep.grading.report import Category
from interview_prep.grading.suite import Call, ListArg, Suite

F = "product_except_self"


def oracle(nums: list[int]) -> list[int]:
    """Brute force: the product of the others, position by position."""
    return [math.prod(nums[:i] + nums[i + 1 :]) for i in range(len(nums))]


def _call(cid: str, nums: list[int], about: str, keep: bool = False) -> Call:
    return Call(cid, F, (nums,), return_args=(0,) if keep else (), about=f"{about}: {short(nums, 110)}")


def _case(cid: str, nums: list[int], about: str) -> tuple[Call, list[int]]:
    return _call(cid, nums, about), oracle(nums)


def _big(n: int) -> tuple[tuple[object, ...], dict[str, object]]:
    return (ListArg(np.random.default_rng(n).choice([-1, 1], n)),), {}


def build() -> Suite:
    rng = random.Random(22)
    table = []
    for i in range(200):
        nums = [rng.choice([-3, -2, -1, 1, 2, 3, 4, 5]) for _ in range(rng.randint(2, 12))]
        table.append(_case(f"random-{i}", nums, f"random list {i} (seed 22)"))
    C, E = Category.CORRECTNESS, Category.EDGE_CASE
    same = lambda got, want: got == want  # noqa: E731
    zeros = [
        _case("one-zero", [3, 0, 4, 2], "one zero"),
        _case("two-zeros", [0, 5, 0, 2], "two zeros"),
        _case("zero-pair", [0, 4], "a zero and a four"),
        _case("only-zero", [0], "a single zero"),
        _case("zeros-negative", [-2, 0, -3], "a zero between negatives"),
    ]
    edge = [
        _case("empty", [], "the empty list"),
        _case("one", [7], "one element"),
        _case("two", [-3, 5], "two elements"),
        _case("big", [10**6 + 1, 10**6 + 3, 10**6 + 7, 10**6 + 9, 3], "products beyond 64 bits"),
    ]
    kept = [
        _call("kept", [2, 3, 0, 4], "a list with a zero", keep=True),
        _call("kept-2", [1, -1, 5], "a list", keep=True),
    ]
    timing = growth_calls(
        F, _big, (500, 1000, 2000, 4000), "linear", about=lambda n: f"{n:,} random values of -1 and 1"
    )
    parts = [
        each(
            "matches a brute-force oracle on random lists",
            C,
            3,
            table,
            matches(same),
            f"every product of the others on all {len(table)} random lists.",
            hint="out[i] = prefix product before i times suffix product after i.",
        ),
        each(
            "zeros",
            E,
            2,
            zeros,
            matches(same),
            "one zero, two zeros and a lone zero give the right products.",
            hint="Dividing the total product by nums[i] fails when nums[i] is 0: use prefix and suffix products.",
        ),
        each(
            "empty list, one element, large products",
            E,
            1,
            edge,
            matches(same),
            "[] for [], [1] for one element, exact big products.",
            hint="The product of no numbers is 1; Python ints are exact, so never go through float.",
        ),
        inputs_unchanged(
            "input not modified", C, 1, kept, ["nums"], hint="Build a new list; do not write products into nums."
        ),
        growth(
            timing, "Two passes with running products are O(n); multiplying all the others for each position is O(n^2)."
        ),
    ]
    return assemble("product-except-self", (F,), parts, "product_except_self.py", timeout=20.0)
