"""Shared pieces of the LeetCode-style (dsa) suites: trees as level-order lists, answers against an
oracle (a table check, `each`, judged by `matches`); checks.inputs_unchanged compares trees by digest.

Trees cross the sandbox as level-order lists (LeetCode's encoding, None for a missing child): a
suite passes `tree([3, 9, 20, None, None, 15, 7])` and the harness builds that tree inside the child
from the solution's own `TreeNode` class (the starter defines one), so the user's function gets a
root node, exactly as the contract says. Graphs cross as edge lists and grids as lists of lists, the
plain Python structures the contracts name. Every expected value is computed here, in the parent, by
a brute-force oracle or by hand; the child only runs the calls.
"""

from __future__ import annotations

import hashlib
import json
import random
from collections import deque
from collections.abc import Callable, Sequence
from random import Random  # Shape.random shadows the module inside the class body
from typing import Any

from interview_prep.grading.suite import Fail, Returned, TreeArg, Unusable

__all__ = [
    "Shape",
    "matches",
    "prefix_same",
    "plain",
    "short",
    "tree",
    "tree_digest",
    "tree_values",
]


def tree(values: Sequence[int | None]) -> TreeArg:
    """The argument that makes the child build this tree (level order, None for a missing child)."""
    return TreeArg(tuple(values))


def tree_values(values: Sequence[int | None]) -> list[int | None]:
    """The canonical level-order list: trailing Nones dropped."""
    out = list(values)
    while out and out[-1] is None:
        out.pop()
    return out


def tree_digest(values: Sequence[int | None]) -> str:
    """The digest the harness sends back for a tree argument (the same canonical JSON)."""
    text = json.dumps(tree_values(values), separators=(",", ":"))
    return hashlib.sha1(text.encode()).hexdigest()


class Shape:
    """A binary tree's shape: node i's left and right child indices (-1 for none); node 0 is the root."""

    def __init__(self, left: list[int], right: list[int]) -> None:
        self.left, self.right = left, right

    @property
    def n(self) -> int:
        return len(self.left)

    @classmethod
    def random(cls, rng: random.Random, n: int) -> Shape:
        """n nodes, each new one hung on a random free slot of the tree so far."""
        # A slot is 2 * parent + side (0 left, 1 right): ints, not tuples, and one list of children.
        child = [-1] * (2 * n)
        free = [0, 1] if n else []
        randrange = rng.randrange
        for i in range(1, n):
            # Take a random slot in O(1): move the last into its place (a pop from the middle made a
            # 16,000-node tree cost a fifth of a second of every grade).
            j = randrange(len(free))
            slot = free[j]
            free[j] = free[-1]
            free.pop()
            child[slot] = i
            free += (2 * i, 2 * i + 1)
        return cls(child[0::2], child[1::2])

    @classmethod
    def skewed(cls, n: int, side: int = 0) -> Shape:
        """A path of n nodes, each the left (side 0) or right (side 1) child of the one before."""
        chain = [i + 1 if i + 1 < n else -1 for i in range(n)]
        none = [-1] * n
        return cls(chain, none) if side == 0 else cls(none, chain)

    @classmethod
    def thin(cls, rng: Random, n: int) -> Shape:
        """A long thin tree of n nodes, about n/2 deep: a spine that turns left or right at random, each
        spine node with a leaf on its other side. A random tree is only O(log n) to O(sqrt n) deep, so
        a rescan per level or per node (O(n h)) hides there; here h grows like n, and it is O(n^2)."""
        left, right = [-1] * n, [-1] * n
        spine, i = 0, 1
        while i < n:
            down, aside = (left, right) if rng.randrange(2) == 0 else (right, left)
            down[spine] = i
            if i + 1 < n:
                aside[spine] = i + 1
            spine, i = i, i + 2
        return cls(left, right)

    def inorder(self) -> list[int]:
        """The node indices in order (left, node, right), without recursion."""
        out: list[int] = []
        stack: list[int] = []
        node = 0 if self.n else -1
        while stack or node != -1:
            while node != -1:
                stack.append(node)
                node = self.left[node]
            node = stack.pop()
            out.append(node)
            node = self.right[node]
        return out

    def level_order(self, values: Sequence[int]) -> list[int | None]:
        """The level-order list with node i holding values[i] (trailing Nones dropped)."""
        if not self.n:
            return []
        out: list[int | None] = []
        queue: deque[int] = deque([0])
        while queue:
            i = queue.popleft()
            if i == -1:
                out.append(None)
                continue
            out.append(values[i])
            queue.append(self.left[i])
            queue.append(self.right[i])
        return tree_values(out)

    def depths(self) -> list[int]:
        d = [0] * self.n
        for i in range(self.n):
            for c in (self.left[i], self.right[i]):
                if c != -1:
                    d[c] = d[i] + 1  # children always have larger indices than their parent
        return d


def prefix_same(got: Any, want: Any, cut: int = 64) -> bool:
    """Equal lists, where a returned list longer than `cut` items came back cut (the harness sends
    the first 64 items and a marker): the first `cut` items equal and both longer than `cut`."""
    if not isinstance(got, list) or not isinstance(want, list):
        return bool(got == want)
    if len(want) <= cut:
        return got == want
    return len(got) == cut + 1 and got[:cut] == want[:cut]


def _links(values: Sequence[int | None]) -> list[tuple[int, int, int]]:
    """(parent value, side: 0 left or 1 right, child value) for every edge of the level-order list."""
    vals = list(values)
    if not vals or vals[0] is None:
        return []
    out: list[tuple[int, int, int]] = []
    queue, i = deque([vals[0]]), 1
    while queue and i < len(vals):
        p = queue.popleft()
        for side in range(2):
            if i < len(vals):
                v, i = vals[i], i + 1
                if v is not None:
                    out.append((p, side, v))
                    queue.append(v)
    return out


def parent_of(values: Sequence[int | None]) -> dict[int, int | None]:
    """Each node's parent by value (values unique), from the level-order list: for oracles."""
    if not values or values[0] is None:
        return {}
    parents: dict[int, int | None] = {values[0]: None}
    parents.update({child: parent for parent, _side, child in _links(values)})
    return parents


def children_of(values: Sequence[int | None]) -> tuple[int | None, dict[int, list[int | None]]]:
    """(root value, value -> [left value, right value]) from the level-order list: for oracles."""
    if not values or values[0] is None:
        return None, {}
    kids: dict[int, list[int | None]] = {values[0]: [None, None]}
    for parent, side, child in _links(values):
        kids[parent][side] = child
        kids[child] = [None, None]
    return values[0], kids


def plain(value: Any) -> Any:
    """Tuples as lists, recursively: what a value looks like once it has crossed back."""
    if isinstance(value, (tuple, list)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value


def short(value: Any, limit: int = 160) -> str:
    """A one-line repr, cut to `limit` characters."""
    text = " ".join(repr(value).split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def matches(same: Callable[[Any, Any], bool]) -> Callable[[Returned, Any], None]:
    """The `verify` of an answers table (`each(name, category, points, cases, matches(same), passed)`):
    the call returned what the row expects, `same(got, want)` with got the returned value as plain
    data. A miss is worded with the input, the answer and the expected one."""

    def verify(r: Returned, want: Any) -> None:
        if r.value is None:
            raise Unusable(f"{r.call.func}: nothing came back on {r.call.about}")
        got = r.value.python
        try:
            ok = same(got, want)
        except (TypeError, ValueError, KeyError, AttributeError):
            ok = False
        if not ok:
            raise Fail(f"{r.call.func} returned {short(got)} on {r.call.about}; the answer is {short(want)}.")

    return verify
