"""The vocabulary of checks every suite shares, each owning the calls it judges: the one module a
suite imports its checks from.

A builder returns a `Part`: one Check and the Calls it reads (parts.py). A suite lists its parts and
`assemble` collects their calls (a Call shared by two parts is the same object, listed once), so a
call id is written in one place only: where the call is made. Here: values over a table of cases,
ValueError on a table of bad inputs, inputs left unchanged. Beside it: a gradient against central
finite differences (gradients.py), speed against the reference (speed.py), no Python loop over
samples (loops.py), numbers in messages (numbers.py), smaller cases for shrinking (shrinkers.py)
and counterexamples as source (snippets.py).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from interview_prep.grading.dsa import plain, tree_digest
from interview_prep.grading.gradients import finite_differences
from interview_prep.grading.loops import loop_style_check, sample_loops
from interview_prep.grading.numbers import close, fmt, fmt_pair, no_warnings
from interview_prep.grading.parts import Part, assemble, judged, loop_style
from interview_prep.grading.report import Category
from interview_prep.grading.shrinkers import (
    fewer_rows,
    fewer_samples,
    no_smaller,
    rounder,
    shrink_each,
    smaller_matrices,
)
from interview_prep.grading.snippets import python_source
from interview_prep.grading.speed import (
    SLOW_RATIO,
    SLOW_SECONDS,
    Timed,
    performance,
    performance_check,
    timed,
    timing_calls,
)
from interview_prep.grading.suite import Call, Fail, Returned, TreeArg, Value

if TYPE_CHECKING:
    import numpy as np
else:
    from interview_prep.grading.lazynp import np

from interview_prep.grading.lazynp import loaded

__all__ = [
    "SLOW_RATIO",
    "SLOW_SECONDS",
    "Part",
    "Timed",
    "assemble",
    "close",
    "each",
    "fewer_rows",
    "fewer_samples",
    "finite_differences",
    "fmt",
    "fmt_pair",
    "inputs_kept",
    "inputs_unchanged",
    "judged",
    "loop_style",
    "loop_style_check",
    "no_warnings",
    "performance",
    "performance_check",
    "python_source",
    "shrink_each",
    "smaller_matrices",
    "raises_value_error",
    "rounder",
    "sample_loops",
    "timed",
    "timing_calls",
    "value_errors",
    "values_close",
]

T = TypeVar("T")

# --- values over a table of cases ----------------------------------------------------------------


def each(
    name: str,
    category: Category,
    points: float,
    cases: Sequence[tuple[Call, T]],
    verify: Callable[[Returned, T], None],
    passed: str,
    *,
    hint: str = "",
    shrink: Callable[[Call, T], Sequence[tuple[Call, T]]] | None = None,
    names: Sequence[str] = (),
) -> Part:
    """`verify(result, case)` holds for every row of the table (it raises Fail when not).

    A failure carries the failing row's input as Python source (the positional arguments named
    `names` bound first); with `shrink` (smaller cases of a case), the smallest input found that
    still fails the same way."""

    def judge(results: Mapping[str, Returned]) -> str:
        for call, case in cases:
            verify(results[call.id], case)
        return passed

    spec = shrink_each(cases, verify, shrink or no_smaller, names)
    return judged(name, category, points, [c for c, _ in cases], judge, hint=hint, shrink=spec)


def values_close(
    name: str,
    category: Category,
    points: float,
    cases: Sequence[tuple[Call, Any]],
    read: Callable[[Returned], Any],
    *,
    rtol: float,
    atol: float,
    fail: Callable[[Returned, Any, Any], str],
    passed: str,
    hint: str = "",
    shrink: Callable[[Call, Any], Sequence[tuple[Call, Any]]] | None = None,
    names: Sequence[str] = (),
) -> Part:
    """What each call returned (`read` turns it into a float or an array) is close to the table's
    expected value; `fail(result, got, want)` words the first miss (`shrink`, `names`: see `each`)."""

    def verify(r: Returned, want: Any) -> None:
        got = read(r)
        if not close(got, want, rtol, atol):
            raise Fail(fail(r, got, want))

    return each(name, category, points, cases, verify, passed, hint=hint, shrink=shrink, names=names)


# --- bad inputs ------------------------------------------------------------------------------------


def raises_value_error(
    results: Mapping[str, Returned], ids: Sequence[str], *, passed: str = "", why_bad: str = ""
) -> str:
    """Every call in `ids` raised ValueError (a check using this must set may_raise=True).

    `passed` is the note when all did (which bad inputs they were); `why_bad` is added to the
    failure of a call that returned normally: why that input is easy to let through.
    """
    for cid in ids:
        r = results[cid]
        if r.outcome == "ok":
            why = f" ({why_bad})" if why_bad else ""
            raise Fail(
                f"{r.call.func} returned normally for {r.call.about}; it should raise ValueError{why}.", calls=[r.call]
            )
        if r.exc_type != "ValueError":
            where = f" at {r.where}" if r.where else ""
            raise Fail(
                f"{r.call.func} raised {r.exc_type} ({r.exc_msg}){where} for {r.call.about}; "
                "it should raise ValueError, which says the input is wrong rather than the code.",
                calls=[r.call],
            )
    return passed or f"ValueError in all {len(ids)} bad-input cases."


def value_errors(
    name: str,
    category: Category,
    points: float,
    calls: Sequence[Call],
    *,
    hint: str = "",
    passed: str = "",
    why_bad: str = "",
) -> Part:
    """Every one of these bad inputs makes the function raise ValueError."""
    ids = [c.id for c in calls]

    def judge(results: Mapping[str, Returned]) -> str:
        return raises_value_error(results, ids, passed=passed, why_bad=why_bad)

    return judged(name, category, points, calls, judge, hint=hint, may_raise=True)


# --- inputs left as they were --------------------------------------------------------------------


def _same_input(after: Value | None, orig: object) -> bool:
    """An argument sent back after the call is what was passed in: an array equal, a tree with the same
    level-order list (no child rewired, no value changed), a list equal."""
    if after is None:
        return False
    if loaded() and isinstance(orig, np.ndarray):  # (no input is an array before NumPy is imported)
        return after.kind == "ndarray" and bool(np.array_equal(after.data, orig))
    if isinstance(orig, TreeArg):
        return after.kind == "tree" and after.data == tree_digest(orig.values)
    if isinstance(orig, (list, tuple)):
        return bool(after.python == plain(orig))
    return True


def inputs_kept(
    results: Mapping[str, Returned], ids: Sequence[str], names: Sequence[str], *, why: str = "", passed: str = ""
) -> str:
    """The arguments sent back after each call (Call.return_args) equal what was passed in; `why`
    is added to a failure (how it usually happens)."""
    for cid in ids:
        r = results[cid]
        for i in r.call.return_args:
            if not _same_input(r.args_after.get(i), r.call.args[i]):
                tail = f" {why}" if why else ""
                raise Fail(
                    f"{r.call.func} modified the caller's {names[i]} in place on {r.call.about}{tail}.", calls=[r.call]
                )
    return passed or "inputs are left as they were."


def inputs_unchanged(
    name: str,
    category: Category,
    points: float,
    calls: Sequence[Call],
    names: Sequence[str],
    *,
    hint: str = "",
    why: str = "",
    passed: str = "",
) -> Part:
    """The array arguments each call sends back (its return_args) are what was passed in; `names`
    are the parameters' names by position, for the message."""
    ids = [c.id for c in calls]

    def judge(results: Mapping[str, Returned]) -> str:
        return inputs_kept(results, ids, names, why=why, passed=passed)

    return judged(name, category, points, calls, judge, hint=hint)
