"""Shared pieces of the LeetCode-style (dsa) suites: trees as level-order lists, answers against an
oracle, inputs left unchanged.

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
from collections import deque
from collections.abc import Callable, Sequence
from typing import Any

from interview_prep.grading.checks import Part, each, judged
from interview_prep.grading.report import Category
from interview_prep.grading.suite import Call, Fail, Returned, TreeArg, Unusable

__all__ = [
    "answers",
    "plain",
    "short",
    "tree",
    "tree_digest",
    "tree_values",
    "untouched",
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


def parent_of(values: Sequence[int | None]) -> dict[int, int | None]:
    """Each node's parent by value (values unique), from the level-order list: for oracles."""
    vals = list(values)
    if not vals or vals[0] is None:
        return {}
    first = vals[0]
    parents: dict[int, int | None] = {first: None}
    queue, i = deque([first]), 1
    while queue and i < len(vals):
        p = queue.popleft()
        for _ in range(2):
            if i < len(vals):
                v, i = vals[i], i + 1
                if v is not None:
                    parents[v] = p
                    queue.append(v)
    return parents


def children_of(values: Sequence[int | None]) -> tuple[int | None, dict[int, list[int | None]]]:
    """(root value, value -> [left value, right value]) from the level-order list: for oracles."""
    vals = list(values)
    if not vals or vals[0] is None:
        return None, {}
    kids: dict[int, list[int | None]] = {vals[0]: [None, None]}
    queue, i = deque([vals[0]]), 1
    while queue and i < len(vals):
        p = queue.popleft()
        for side in range(2):
            if i < len(vals):
                v, i = vals[i], i + 1
                if v is not None:
                    kids[p][side] = v
                    kids[v] = [None, None]
                    queue.append(v)
    return vals[0], kids


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


def answers(
    name: str,
    category: Category,
    points: float,
    cases: Sequence[tuple[Call, Any]],
    same: Callable[[Any, Any], bool],
    passed: str,
    *,
    hint: str = "",
    normal: Callable[[Any], Any] = lambda v: v,
) -> Part:
    """Every call returned what the table expects: `same(normal(got), want)`, where got is the
    returned value as plain data. The first miss is worded with the input, the answer and the
    expected one."""

    def verify(r: Returned, want: Any) -> None:
        if r.value is None:
            raise Unusable(f"{r.call.func}: nothing came back on {r.call.about}")
        got = r.value.python
        try:
            ok = same(normal(got), want)
        except (TypeError, ValueError, KeyError, AttributeError):
            ok = False
        if not ok:
            raise Fail(f"{r.call.func} returned {short(got)} on {r.call.about}; the answer is {short(want)}.")

    return each(name, category, points, cases, verify, passed, hint=hint)


def untouched(
    name: str,
    category: Category,
    points: float,
    calls: Sequence[Call],
    names: Sequence[str],
    *,
    hint: str = "",
) -> Part:
    """The arguments each call sends back (its return_args) are what was passed in: lists equal,
    trees with the same level-order list (no child rewired, no value changed)."""

    def judge(results: dict[str, Returned] | Any) -> str:
        for c in calls:
            r = results[c.id]
            for i in c.return_args:
                after, orig = r.args_after.get(i), c.args[i]
                if isinstance(orig, TreeArg):
                    ok = after is not None and after.kind == "tree" and after.data == tree_digest(orig.values)
                else:
                    ok = after is not None and after.python == plain(orig)
                if not ok:
                    raise Fail(f"{c.func} modified the caller's {names[i]} on {c.about}.")
        return "the inputs are left as they were."

    return judged(name, category, points, calls, judge, hint=hint)
