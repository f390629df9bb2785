"""The hidden suite of question 26, level-order traversal: an oracle on random trees, edge cases, tree kept, growth."""

from __future__ import annotations

import random

from interview_prep.grading.checks import assemble, each, inputs_unchanged
from interview_prep.grading.complexity import growth, growth_calls
from interview_prep.grading.dsa import Shape, matches, prefix_same, short, tree
from interview_prep.grading.report import Category
from interview_prep.grading.suite import Call, Suite

F = "level_order"
DEEP = 3000
# The timed trees are long and thin (h about n/2), so a rescan per level or per node is O(n^2) there,
# as it is on any deep tree; the sizes keep that bug under about a second at the largest.
SIZES = (400, 800, 1600, 3200)


def oracle(shape: Shape, values: list[int]) -> list[list[int]]:
    """Brute force: each node's depth and left/right path; a level is its nodes sorted by path."""
    path = [""] * shape.n
    for i in range(shape.n):
        for bit, c in (("0", shape.left[i]), ("1", shape.right[i])):
            if c != -1:
                path[c] = path[i] + bit
    levels: dict[int, list[int]] = {}
    for i in sorted(range(shape.n), key=lambda i: (len(path[i]), path[i])):
        levels.setdefault(len(path[i]), []).append(values[i])
    return [levels[d] for d in sorted(levels)]


def _call(cid: str, values: list[int | None], about: str, keep: bool = False) -> Call:
    return Call(cid, F, (tree(values),), return_args=(0,) if keep else (), about=f"{about}: {short(values, 100)}")


def _case(cid: str, shape: Shape, values: list[int], about: str, keep: bool = False) -> tuple[Call, list[list[int]]]:
    return _call(cid, shape.level_order(values), about, keep), oracle(shape, values)


def _big(n: int) -> tuple[tuple[object, ...], dict[str, object]]:
    rng = random.Random(n)
    return (tree(Shape.thin(rng, n).level_order(list(range(n)))),), {}


def build() -> Suite:
    rng = random.Random(26)
    table = []
    for i in range(150):
        shape = Shape.random(rng, rng.randint(1, 15))
        values = [rng.randint(-5, 9) for _ in range(shape.n)]
        table.append(_case(f"random-{i}", shape, values, f"random tree {i} (seed 26)"))
    C, E = Category.CORRECTNESS, Category.EDGE_CASE
    edge = [(_call("empty", [], "the empty tree (root None)"), []), (_call("one", [7], "one node"), [[7]])]
    deep = [
        _case("skewed-left", Shape.skewed(DEEP, 0), list(range(DEEP)), f"a left-skewed path of {DEEP:,} nodes"),
        _case("skewed-right", Shape.skewed(DEEP, 1), list(range(DEEP)), f"a right-skewed path of {DEEP:,} nodes"),
    ]
    dups = [
        (_call("dups", [1, 1, 1, None, 1, 1], "every value 1"), [[1], [1, 1], [1, 1]]),
        (_call("dups-2", [2, 3, 3, 4, None, None, 4], "a mirror of repeated values"), [[2], [3, 3], [4, 4]]),
    ]
    kept = [
        _call("kept", [1, 2, 3, 4, None, 5, 6, None, 7], "a tree of 7 nodes", keep=True),
        _call("kept-2", [5, None, 8, 9], "a small right-leaning tree", keep=True),
    ]
    timing = growth_calls(F, _big, SIZES, "linear", about=lambda n: f"a long thin tree of {n:,} nodes, {n // 2:,} deep")
    parts = [
        each(
            "matches a brute-force oracle on random trees",
            C,
            3,
            table,
            matches(lambda got, want: got == want),
            f"every level, left to right, on all {len(table)} random trees.",
            hint="BFS with a deque: per level, pop len(queue) nodes and push their children left, then right.",
        ),
        each(
            "empty tree and one node",
            E,
            1,
            edge,
            matches(lambda got, want: got == want),
            "[] for None and [[v]] for one node.",
            hint="Return [] when root is None, before touching root.val.",
        ),
        each(
            "duplicate values",
            E,
            1,
            dups,
            matches(lambda got, want: got == want),
            "repeated values are all kept, in place.",
            hint="Collect the values in a list per level, never a set.",
        ),
        each(
            f"skewed trees (depth {DEEP:,})",
            E,
            1,
            deep,
            matches(prefix_same),
            f"one level per node on paths {DEEP:,} deep.",
            hint="Python's recursion limit is 1000: traverse with a queue or an explicit stack, not recursion.",
        ),
        inputs_unchanged(
            "tree not modified", C, 1, kept, ["tree"], hint="Read the nodes; never reassign .left, .right or .val."
        ),
        growth(
            timing,
            "Visit each node once with a deque; list.pop(0) or rescanning the tree per level adds a factor of n.",
        ),
    ]
    return assemble("level-order", (F,), parts, "level_order.py", timeout=20.0)
