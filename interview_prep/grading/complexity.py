"""The empirical complexity check: how a solution's time grows with the input, against the reference's.

Online judges only say "time limit exceeded". This check times the user's function at growing sizes
(n, 2n, 4n, 8n: the best of several repeats at each, so a context switch on a busy machine does not
count), fits the growth exponent on a log-log scale, and compares it with the reference's, measured
in the same grading run in a child of its own (Call.module == "reference", as the speed checks do).
It says what an interviewer would: "your solution grows like n^2.0 between n=500 and n=4,000; the
expected solution grows like n^1.1 (n log n)".

The fit is robust by design: the exponent is the median of the slopes between every pair of sizes
(Theil-Sen), so one noisy point moves it little; a solution loses the points only when it grows
clearly faster than the reference (by more than SLACK in the exponent) *and* is far slower at the
largest size (SLOWER times the reference and at least MIN_SECONDS), so timer noise on a fast solution
never costs points. Points (category performance), never the pass.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from interview_prep.grading.parts import Part, judged
from interview_prep.grading.report import Category
from interview_prep.grading.suite import Call, Fail, Returned

__all__ = ["CHECK_NAME", "MIN_SECONDS", "SLACK", "SLOWER", "Growth", "exponent", "growth", "growth_calls", "shape"]

CHECK_NAME = "time grows like the expected solution"
SLACK = 0.4  # n log n measures about 1.1, a quadratic 1.7 to 2.1: 0.4 of a power apart is another class
# ... and it must be far slower where it matters, at the largest size. On a machine shared with other
# work a call of a few milliseconds can take 6x longer in one process than in the next (CPU time is
# counted in whole ticks in some containers, so it is no way out); the quadratic solutions the bank's
# sizes are chosen for are 25-1000x the reference there, like the SLOW_RATIO of the speed checks.
SLOWER = 10.0
MIN_SECONDS = 0.05

Make = Callable[[int], tuple[tuple[Any, ...], Mapping[str, Any]]]


@dataclass(frozen=True)
class Growth:
    """One function timed at growing sizes: the user's calls and the reference's, size by size."""

    func: str
    expected: str  # the reference's complexity in words: "n log n", "linear"
    sizes: tuple[int, ...]
    user: tuple[Call, ...]
    reference: tuple[Call, ...]
    size_name: str = "n"  # the size's name in messages: "between n=400 and n=3,200", "cells="


def growth_calls(
    func: str,
    make: Make,
    sizes: Sequence[int],
    expected: str,
    *,
    about: Callable[[int], str],
    size_name: str = "n",
    repeat: int = 5,
    reference_repeat: int = 9,
) -> Growth:
    """`func` timed on `make(n)` for each n in `sizes` (the best of `repeat` calls), for the user and for
    the reference (the best of
    `reference_repeat`: it is fast, and its times are the yardstick). Only the times come back (send=False)."""
    user, ref = [], []
    for n in sizes:
        args, kwargs = make(n)
        user.append(Call(f"perf-growth-{n}", func, args, dict(kwargs), repeat=repeat, send=False, about=about(n)))
        ref.append(
            Call(
                f"perf-growth-reference-{n}",
                func,
                args,
                dict(kwargs),
                module="reference",
                repeat=reference_repeat,
                send=False,
                about=about(n),
            )
        )
    return Growth(func, expected, tuple(sizes), tuple(user), tuple(ref), size_name=size_name)


def exponent(sizes: Sequence[int], seconds: Sequence[float]) -> float:
    """The growth exponent k of seconds ~ n^k: the median of the log-log slopes of every pair of sizes."""
    points = [(math.log(n), math.log(max(t, 1e-7))) for n, t in zip(sizes, seconds, strict=True)]
    slopes = [
        (points[j][1] - points[i][1]) / (points[j][0] - points[i][0])
        for i in range(len(points))
        for j in range(i + 1, len(points))
        if points[j][0] != points[i][0]
    ]
    return float(statistics.median(slopes))


def shape(k: float) -> str:
    """An exponent in an interviewer's words."""
    if k < 0.6:
        return "nearly constant"
    if k < 1.35:
        return "linear or n log n"
    if k < 1.75:
        return "between n log n and quadratic"
    if k < 2.6:
        return "about quadratic"
    return "cubic or worse"


def _fmt(n: int) -> str:
    return f"{n:,}"


def growth(g: Growth, hint: str, points: float = 2) -> Part:
    """The user's function grows no faster than the reference's (see SLACK, SLOWER and MIN_SECONDS)."""

    def judge(results: Mapping[str, Returned]) -> str:
        user = [(results[c.id].seconds or 0.0) for c in g.user]
        ref = [(results[c.id].seconds or 0.0) for c in g.reference]
        ku, kr = exponent(g.sizes, user), exponent(g.sizes, ref)
        s = g.size_name
        span = f"between {s}={_fmt(g.sizes[0])} and {s}={_fmt(g.sizes[-1])}"
        times = (
            f"{user[-1] * 1000:.1f} ms against {ref[-1] * 1000:.1f} ms at {s}={_fmt(g.sizes[-1])} ({g.user[-1].about})"
        )
        if ku > kr + SLACK and user[-1] > max(MIN_SECONDS, SLOWER * ref[-1]):
            raise Fail(
                f"your {g.func} grows like {s}^{ku:.1f} ({shape(ku)}) {span}; the expected solution grows like "
                f"{s}^{kr:.1f} ({g.expected}): {times}.",
                # No one input shows a growth rate, and the timed ones are too large to paste.
                counterexample="",
            )
        return f"your {g.func} grows like {s}^{ku:.1f} {span}; the expected solution like {s}^{kr:.1f} ({g.expected})."

    calls = [*g.user, *g.reference]
    return judged(CHECK_NAME, Category.PERFORMANCE, points, calls, judge, hint=hint)
