"""The hidden suite of question 27, validate a BST: an oracle on random trees, the classic traps, tree kept, growth."""

from __future__ import annotations

import random

from interview_prep.grading.checks import assemble, each, inputs_unchanged
from interview_prep.grading.complexity import growth, growth_calls
from interview_prep.grading.dsa import Shape, matches, short, tree
from interview_prep.grading.report import Category
from interview_prep.grading.suite import Call, Suite

F = "is_valid_bst"
DEEP = 3000
# The timed trees are long and thin (h about n/2), so a rescan per level or per node is O(n^2) there,
# as it is on any deep tree; the sizes keep that bug under about a second at the largest.
SIZES = (400, 800, 1600, 3200)


def oracle(shape: Shape, values: list[int]) -> bool:
    """Brute force, straight from the definition: every node against every node of its two subtrees."""

    def subtree(i: int) -> list[int]:
        out, stack = [], [i]
        while stack:
            j = stack.pop()
            if j != -1:
                out.append(values[j])
                stack += [shape.left[j], shape.right[j]]
        return out

    return all(
        all(v < values[i] for v in subtree(shape.left[i])) and all(v > values[i] for v in subtree(shape.right[i]))
        for i in range(shape.n)
    )


def _bst_values(shape: Shape, rng: random.Random, low: int = -50) -> list[int]:
    """Distinct values placed in order, so the tree is a valid BST."""
    ordered = sorted(rng.sample(range(low, low + 4 * shape.n + 10), shape.n))
    values = [0] * shape.n
    for rank, i in enumerate(shape.inorder()):
        values[i] = ordered[rank]
    return values


def _call(cid: str, values: list[int | None], about: str, keep: bool = False) -> Call:
    return Call(cid, F, (tree(values),), return_args=(0,) if keep else (), about=f"{about}: {short(values, 100)}")


def _big(n: int) -> tuple[tuple[object, ...], dict[str, object]]:
    rng = random.Random(n)
    shape = Shape.thin(rng, n)
    return (tree(shape.level_order(_bst_values(shape, rng))),), {}


def build() -> Suite:
    rng = random.Random(27)
    table = []
    for i in range(200):
        shape = Shape.random(rng, rng.randint(1, 12))
        values = _bst_values(shape, rng)
        kind = i % 4
        if kind == 1 and shape.n > 1:  # two values swapped
            a, b = rng.sample(range(shape.n), 2)
            values[a], values[b] = values[b], values[a]
        elif kind == 2 and shape.n > 1:  # one value copied onto another node
            a, b = rng.sample(range(shape.n), 2)
            values[a] = values[b]
        elif kind == 3:  # one value nudged
            values[rng.randrange(shape.n)] += rng.choice([-7, -3, 3, 7])
        about = f"random tree {i} (seed 27)"
        table.append((_call(f"random-{i}", shape.level_order(values), about), oracle(shape, values)))
    C, E = Category.CORRECTNESS, Category.EDGE_CASE
    same = lambda got, want: got is want  # noqa: E731 - a bool, True or False
    edge = [(_call("empty", [], "the empty tree (root None)"), True), (_call("one", [-4], "one node"), True)]
    subtrees = [
        (_call("grandchild", [5, 1, 6, None, None, 3, 7], "a grandchild smaller than the root"), False),
        (_call("grandchild-2", [10, 5, 15, 2, 12], "a left grandchild larger than the root"), False),
        (_call("valid-deep", [8, 4, 12, 2, 6, 10, 14, 1, 3, 5, 7], "a valid tree of 11 nodes"), True),
    ]
    dups = [
        (_call("dup-left", [2, 2], "a left child equal to its parent"), False),
        (_call("dup-right", [2, None, 2], "a right child equal to its parent"), False),
        (_call("dup-far", [5, 3, 8, None, 5], "a value repeated down the tree"), False),
    ]
    negatives = [
        (_call("negatives", [-10, -20, -5, -30, -15], "a valid tree of negative values"), True),
        (_call("zero", [0, -1, 1], "a valid tree around zero"), True),
    ]
    chain = list(range(DEEP))
    deep_bad = chain[:-1] + [5]
    deep = [
        (
            _call("skewed-valid", Shape.skewed(DEEP, 1).level_order(chain), f"a valid right-skewed path of {DEEP:,}"),
            True,
        ),
        (
            _call("skewed-bad", Shape.skewed(DEEP, 1).level_order(deep_bad), f"a right path of {DEEP:,} ending in 5"),
            False,
        ),
        (
            _call(
                "skewed-left", Shape.skewed(DEEP, 0).level_order(chain[::-1]), f"a valid left-skewed path of {DEEP:,}"
            ),
            True,
        ),
    ]
    kept = [
        _call("kept", [8, 4, 12, 2, 6, 10, 14], "a valid tree", keep=True),
        _call("kept-bad", [8, 4, 12, 5, 6, 10, 14], "an invalid tree", keep=True),
    ]
    timing = growth_calls(F, _big, SIZES, "linear", about=lambda n: f"a long thin BST of {n:,} nodes, {n // 2:,} deep")
    parts = [
        each(
            "matches a brute-force oracle on random trees",
            C,
            3,
            table,
            matches(same),
            f"True or False as the definition says, on all {len(table)} random trees.",
            hint="Carry the (low, high) interval each node must fall in.",
        ),
        each(
            "empty tree and one node",
            E,
            1,
            edge,
            matches(same),
            "True for None and for one node.",
            hint="The empty tree is a valid BST.",
        ),
        each(
            "checks whole subtrees, not only children",
            C,
            2,
            subtrees,
            matches(same),
            "a grandchild on the wrong side of an ancestor is caught.",
            hint="Comparing a node with its children is not enough: pass the ancestors' bounds down.",
        ),
        each(
            "duplicate values are not allowed",
            E,
            1,
            dups,
            matches(same),
            "a repeated value makes the tree invalid.",
            hint="Use strict comparisons: low < val < high.",
        ),
        each(
            "negative values",
            E,
            1,
            negatives,
            matches(same),
            "negative values are judged like any other.",
            hint="Start the bounds at None or +-infinity, not at 0 or -1.",
        ),
        each(
            f"skewed trees (depth {DEEP:,})",
            E,
            1,
            deep,
            matches(same),
            f"paths {DEEP:,} deep are judged.",
            hint="Python's recursion limit is 1000: use an explicit stack of (node, low, high).",
        ),
        inputs_unchanged(
            "tree not modified",
            C,
            1,
            kept,
            ["tree"],
            hint="A Morris traversal must restore every thread it makes, even when it stops early.",
        ),
        growth(
            timing,
            "Visit each node once, carrying its bounds; recomputing a subtree's min and max at every node is O(n h).",
        ),
    ]
    return assemble("validate-bst", (F,), parts, "validate_bst.py", timeout=20.0)
