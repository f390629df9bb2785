"""A check with the calls it judges (a Part), and a suite assembled from parts: a call id is written
once, where the call is made."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from interview_prep.grading.loops import loop_style_check
from interview_prep.grading.report import Category
from interview_prep.grading.shrinkers import no_smaller
from interview_prep.grading.snippets import python_source
from interview_prep.grading.suite import Call, Check, Fail, Judge, Returned, Shrink, Suite


@dataclass(frozen=True)
class Part:
    """A check with the calls it judges (static checks have none)."""

    check: Check
    calls: tuple[Call, ...] = ()


def judged(
    name: str,
    category: Category,
    points: float,
    calls: Sequence[Call],
    judge: Judge,
    *,
    hint: str = "",
    may_raise: bool = False,
    shrink: Shrink | None = None,
) -> Part:
    """A check of its own kind: `judge` reads the results of exactly these calls. A check of one call
    reports that call's input as Python source when it fails."""
    ids = tuple(c.id for c in calls)
    if shrink is None and len(calls) == 1 and not may_raise:
        shrink = one_call(calls[0], judge)
    check = Check(name, category, points, ids, judge, hint=hint, may_raise=may_raise, shrink=shrink)
    return Part(check, tuple(calls))


def one_call(call: Call, judge: Judge) -> Shrink:
    """The failing input of a check that judges one call: that call, as it was made."""

    def fails(r: Returned, _case: Any) -> str | None:
        if r.outcome != "ok":
            return None
        try:
            judge({call.id: r})
        except Fail as exc:
            return str(exc)
        except Exception:  # noqa: BLE001 - not the same failure
            return None
        return None

    def failing(results: Mapping[str, Returned]) -> tuple[Call, Any] | None:
        r = results.get(call.id)
        return (call, None) if r is not None and fails(r, None) is not None else None

    return Shrink(failing, no_smaller, fails, python_source)


def assemble(
    question: str,
    function_names: tuple[str, ...],
    parts: Sequence[Part | Check],
    reference: str,
    *,
    timeout: float = 6.0,
    hash_seeds: Mapping[int, int | None] | None = None,
) -> Suite:
    """The suite of these parts: their checks in order, their calls in order of first use."""
    calls: dict[str, Call] = {}
    checks = []
    for piece in parts:
        part = piece if isinstance(piece, Part) else Part(piece)
        for call in part.calls:
            if calls.setdefault(call.id, call) is not call:
                raise ValueError(f"{question}: two different calls share the id {call.id!r}")
        checks.append(part.check)
    extra = {} if hash_seeds is None else {"hash_seeds": dict(hash_seeds)}
    return Suite(question, function_names, tuple(calls.values()), tuple(checks), reference, timeout, **extra)


def loop_style(funcs: tuple[str, ...], n_sample_args: int, what: str, hint: str, points: float = 1) -> Part:
    """No Python loop over the first `n_sample_args` parameters of `funcs` (a static check, no calls)."""
    return Part(loop_style_check(funcs, n_sample_args, what, hint, points))
