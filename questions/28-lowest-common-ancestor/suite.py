"""The hidden suite of question 28, lowest common ancestor: an oracle on random trees, ancestors, missing values."""

from __future__ import annotations

import random

from interview_prep.grading.checks import assemble, each, inputs_unchanged, value_errors
from interview_prep.grading.complexity import growth, growth_calls
from interview_prep.grading.dsa import Shape, matches, short, tree
from interview_prep.grading.report import Category
from interview_prep.grading.suite import Call, Suite

F = "lowest_common_ancestor"
DEEP = 3000
# The timed trees are long and thin (h about n/2), so a rescan per level or per node is O(n^2) there,
# as it is on any deep tree; the sizes keep that bug under about a second at the largest.
SIZES = (400, 800, 1600, 3200)


def oracle(shape: Shape, values: list[int], p: int, q: int) -> int:
    """Brute force: the common ancestor (self included) of greatest depth."""
    parent = [-1] * shape.n
    for i in range(shape.n):
        for c in (shape.left[i], shape.right[i]):
            if c != -1:
                parent[c] = i

    def up(i: int) -> list[int]:
        out = []
        while i != -1:
            out.append(i)
            i = parent[i]
        return out

    where = {v: i for i, v in enumerate(values)}
    common = set(up(where[p])) & set(up(where[q]))
    depth = shape.depths()
    return values[max(common, key=lambda i: depth[i])]


def _call(cid: str, values: list[int | None], p: int, q: int, about: str, keep: bool = False) -> Call:
    about = f"{about}, p={p}, q={q}: {short(values, 100)}"
    return Call(cid, F, (tree(values), p, q), return_args=(0,) if keep else (), about=about)


def _case(cid: str, shape: Shape, values: list[int], p: int, q: int, about: str) -> tuple[Call, int]:
    return _call(cid, shape.level_order(values), p, q, about), oracle(shape, values, p, q)


def _big(n: int) -> tuple[tuple[object, ...], dict[str, object]]:
    rng = random.Random(n)
    shape = Shape.thin(rng, n)
    values = rng.sample(range(10 * n), n)
    depth = shape.depths()
    deepest = sorted(range(n), key=lambda i: -depth[i])[:2]  # the whole tree has to be searched
    return (tree(shape.level_order(values)), values[deepest[0]], values[deepest[1]]), {}


def build() -> Suite:
    rng = random.Random(28)
    table = []
    for i in range(200):
        shape = Shape.random(rng, rng.randint(1, 14))
        values = rng.sample(range(-20, 40), shape.n)
        p, q = rng.choice(values), rng.choice(values)
        table.append(_case(f"random-{i}", shape, values, p, q, f"random tree {i} (seed 28)"))
    C, E = Category.CORRECTNESS, Category.EDGE_CASE
    same = lambda got, want: got == want  # noqa: E731
    t = [3, 5, 1, 6, 2, 0, 8, None, None, 7, 4]
    own = [
        (_call("ancestor", t, 5, 4, "p an ancestor of q"), 5),
        (_call("ancestor-2", t, 4, 3, "q the root"), 3),
        (_call("same", t, 7, 7, "p equal to q"), 7),
        (_call("one", [9], 9, 9, "one node"), 9),
    ]
    chain = list(range(DEEP))
    deep = [
        _case("skewed", Shape.skewed(DEEP, 0), chain, DEEP - 1, DEEP - 2, f"a left path of {DEEP:,} nodes"),
        _case("skewed-right", Shape.skewed(DEEP, 1), chain, DEEP - 1, 1500, f"a right path of {DEEP:,} nodes"),
    ]
    missing = [
        _call("missing-q", t, 5, 99, "q not in the tree"),
        _call("missing-p", t, -1, 4, "p not in the tree"),
        _call("missing-both-under", [1, 2], 2, 3, "q missing below p"),
        _call("empty", [], 1, 1, "the empty tree"),
    ]
    kept = [_call("kept", t, 6, 4, "a tree of 9 nodes", keep=True), _call("kept-2", t, 7, 8, "a tree", keep=True)]
    timing = growth_calls(F, _big, SIZES, "linear", about=lambda n: f"a long thin tree of {n:,} nodes, {n // 2:,} deep")
    parts = [
        each(
            "matches a brute-force oracle on random trees",
            C,
            3,
            table,
            matches(same),
            f"the lowest common ancestor's value on all {len(table)} random trees.",
            hint="It is not a BST: find both nodes, then compare their ancestor chains.",
        ),
        each(
            "a node is its own ancestor",
            E,
            1,
            own,
            matches(same),
            "p when p is an ancestor of q, and p when p == q.",
            hint="When one value's node holds the other in its subtree, it is the answer.",
        ),
        each(
            f"skewed trees (depth {DEEP:,})",
            E,
            1,
            deep,
            matches(same),
            f"paths {DEEP:,} deep are searched.",
            hint="Python's recursion limit is 1000: record parents with an explicit stack.",
        ),
        value_errors(
            "ValueError when p or q is missing",
            E,
            1,
            missing,
            hint="Search until both values are found; raise ValueError if either is not in the tree.",
        ),
        inputs_unchanged(
            "tree not modified", C, 1, kept, ["tree", "p", "q"], hint="Keep parents in a dict; never edit the nodes."
        ),
        growth(
            timing,
            "One pass to record parents, then two climbs: O(n). Searching the tree again for every ancestor is O(n^2).",
        ),
    ]
    return assemble("lowest-common-ancestor", (F,), parts, "lowest_common_ancestor.py", timeout=20.0)
