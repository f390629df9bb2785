"""The hidden suite of question 20, merge intervals: an oracle on random inputs, edge cases, input kept, growth."""

from __future__ import annotations

import random

import numpy as np

from interview_prep.grading.checks import assemble, each, inputs_unchanged, value_errors
from interview_prep.grading.complexity import growth, growth_calls
from interview_prep.grading.dsa import matches, short
from interview_prep.grading.report import Category
from interview_prep.grading.suite import Call, ListArg, Suite

F = "merge_intervals"


def oracle(intervals: list[list[int]]) -> list[list[int]]:
    """Brute force: merge any two intervals that share a point until none do, then sort."""
    out = [list(p) for p in intervals]
    changed = True
    while changed:
        changed = False
        for i in range(len(out)):
            for j in range(i + 1, len(out)):
                (a, b), (c, d) = out[i], out[j]
                if a <= d and c <= b:
                    out[i] = [min(a, c), max(b, d)]
                    del out[j]
                    changed = True
                    break
            if changed:
                break
    return sorted(out)


def _random(rng: random.Random) -> list[list[int]]:
    n = rng.randint(0, 12)
    out = []
    for _ in range(n):
        a = rng.randint(0, 40)
        out.append([a, a + rng.choice([0, 0, 1, 2, 3, 5, 8, 15])])
    return out


def _call(cid: str, intervals: list[list[int]], about: str, keep: bool = False) -> Call:
    return Call(cid, F, (intervals,), return_args=(0,) if keep else (), about=f"{about}: {short(intervals, 120)}")


def _spread(n: int) -> tuple[tuple[object, ...], dict[str, object]]:
    rng = np.random.default_rng(n)
    starts = rng.integers(0, 100 * n, n)
    return (ListArg(np.stack([starts, starts + rng.integers(0, 20, n)], axis=1)),), {}


def build() -> Suite:
    rng = random.Random(20)
    table = [
        (_call(f"random-{i}", ivs, f"random case {i} (seed 20)"), oracle(ivs))
        for i, ivs in enumerate(_random(rng) for _ in range(200))
    ]
    C, E = Category.CORRECTNESS, Category.EDGE_CASE
    edge = [
        (_call("empty", [], "the empty list"), []),
        (_call("one", [[4, 7]], "one interval"), [[4, 7]]),
        (_call("point", [[3, 3]], "one interval of a single point"), [[3, 3]]),
    ]
    touching = [
        (_call("touch", [[1, 3], [3, 5]], "two touching intervals"), [[1, 5]]),
        (_call("touch-chain", [[6, 8], [1, 3], [3, 6], [10, 11]], "a chain of touching intervals"), [[1, 8], [10, 11]]),
    ]
    nested = [
        (_call("nested", [[1, 10], [2, 3], [4, 5]], "intervals nested in the first"), [[1, 10]]),
        (_call("duplicates", [[5, 6], [1, 2], [5, 6], [1, 2]], "duplicated intervals"), [[1, 2], [5, 6]]),
        (_call("same-start", [[2, 9], [2, 4]], "two intervals with the same start"), [[2, 9]]),
    ]
    kept = [
        _call("kept-unsorted", [[8, 9], [1, 4], [2, 6]], "unsorted overlapping intervals", keep=True),
        _call("kept-touch", [[1, 3], [3, 5], [0, 1]], "touching intervals", keep=True),
    ]
    bad = [_call("bad-reversed", [[1, 2], [5, 3]], "a pair with start > end")]
    timing = growth_calls(
        F,
        _spread,
        (250, 500, 1000, 2000),
        "n log n",
        about=lambda n: f"{n:,} random short intervals",
    )
    same = lambda got, want: got == want  # noqa: E731 - the contract orders the output
    parts = [
        each(
            "matches a brute-force oracle on random inputs",
            C,
            3,
            table,
            matches(same),
            f"the merged intervals of all {len(table)} random inputs, sorted by start.",
            hint="Sort by start, then sweep: extend the last merged interval or start a new one.",
        ),
        each(
            "empty list and one interval",
            E,
            1,
            edge,
            matches(same),
            "[] for [], and one interval as itself.",
            hint="An empty input returns []; do not read intervals[0] before checking.",
        ),
        each(
            "touching intervals merge",
            E,
            1,
            touching,
            matches(same),
            "[1, 3] and [3, 5] merge into [1, 5].",
            hint="Merge when next start <= current end: the intervals are closed.",
        ),
        each(
            "nested and duplicate intervals",
            E,
            1,
            nested,
            matches(same),
            "nested and repeated intervals fold into one.",
            hint="Take max(current end, next end): a nested interval must not shrink the merged one.",
        ),
        inputs_unchanged(
            "input not modified",
            C,
            1,
            kept,
            ["intervals"],
            hint="Sort a copy (sorted(...)) and append copies of the pairs, not the caller's lists.",
        ),
        value_errors(
            "ValueError when start > end",
            E,
            1,
            bad,
            hint="Check every pair first and raise ValueError for start > end.",
        ),
        growth(
            timing,
            "Sort once (O(n log n)) and merge in one pass; scanning every merged interval for each new one is O(n^2).",
        ),
    ]
    return assemble("merge-intervals", (F,), parts, "merge_intervals.py", timeout=20.0)
