"""The smallest failing input: shrink a failing check's input in the parent, running each round's
candidates in one child, while it still fails the same way."""

from __future__ import annotations

import re
import time
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from interview_prep.grading.report import CheckResult, Status
from interview_prep.grading.running import ImportFailure, run_calls
from interview_prep.grading.suite import Call, ListArg, Returned, Shrink, Suite

if TYPE_CHECKING:
    import numpy as np
else:
    from interview_prep.grading.lazynp import np


# Shrinking a failure: at most this many rounds (one child run each, the candidates of every check being
# shrunk in it), this much time in all, and the first few failing checks only (the others carry their
# failing input as it was), so a wrong answer's grade stays within about a second of before.
SHRINK_ROUNDS = 3
SHRINK_SECONDS = 0.8
_SHRINK_CHECKS = 2
_SHRINK_ROUND_SECONDS = 0.3  # the least a round is given: a child's start-up alone takes most of it
_SHRINK_BATCH = 24  # candidates of one check in one round


@dataclass
class _Shrinking:
    """One failing check being shrunk: its smallest failing case so far, and how it failed."""

    spec: Shrink
    call: Call
    case: object
    verdict: str
    shape: str
    done: bool = False


def shape_of_failure(verdict: str, about: str) -> str:
    """How a check failed: the start of its message, without the numbers and the input's description.
    Two failures of the same shape fail the same way ("class 0 has 40 samples, so train should hold
    28 of them" ~ "class 1 has 3 samples, so train should hold 2 or 3 of them")."""
    text = verdict.replace(about, "") if about else verdict
    return " ".join(re.sub(r"-?\d+(\.\d+)?(e[-+]?\d+)?", "#", text).split()[:8])


def _elements(call: Call) -> int:
    """How big a call's input is: the number of array (or list) elements among its arguments."""
    total = 0
    for a in (*call.args, *call.kwargs.values()):
        if isinstance(a, np.ndarray):
            total += a.size
        elif isinstance(a, ListArg):
            total += a.array.size
    return total


def shrink_failures(
    suite: Suite, checks: list[CheckResult], results: Mapping[str, Returned], path: Path
) -> list[CheckResult]:
    """Give every failing check that can shrink (Check.shrink) the smallest input found that still
    fails the same way, as Python source (CheckResult.counterexample).

    Shrinking runs in the parent: each round asks every failing check for smaller candidates of its
    smallest failing case, runs all of them in one child, and keeps, per check, the first candidate
    that fails the same way; it stops when no check got smaller, after SHRINK_ROUNDS rounds or
    SHRINK_SECONDS.
    """
    states: dict[int, _Shrinking] = {}
    for i, (check, res) in enumerate(zip(suite.checks, checks, strict=True)):
        if res.status is not Status.FAIL or check.shrink is None:
            continue
        try:
            start = check.shrink.failing(results)
            verdict = None if start is None else check.shrink.fails(results[start[0].id], start[1])
        except Exception:  # noqa: BLE001 - a shrinker never breaks a grade
            continue
        if start is not None and verdict is not None:
            states[i] = _Shrinking(check.shrink, start[0], start[1], verdict, shape_of_failure(verdict, start[0].about))
    deadline = time.monotonic() + SHRINK_SECONDS
    for round_ in range(SHRINK_ROUNDS):
        batch: list[tuple[int, Call, object]] = []
        shrinking = 0  # checks with candidates in this round: the first _SHRINK_CHECKS of them
        for i, st in states.items():
            if st.done or shrinking >= _SHRINK_CHECKS:
                continue
            try:
                found = list(st.spec.candidates(st.call, st.case))[:_SHRINK_BATCH]
            except Exception:  # noqa: BLE001
                found = []
            st.done = not found
            shrinking += bool(found)
            batch += [(i, replace(c, id=f"shrink-{round_}-{i}-{j}"), case) for j, (c, case) in enumerate(found)]
        remaining = deadline - time.monotonic()
        if not batch or remaining < _SHRINK_ROUND_SECONDS:
            break
        # A round may use most of what is left (its smallest candidates run first, so a cut-off round
        # still has them); the last one, all of it.
        share = remaining if round_ == SHRINK_ROUNDS - 1 else max(_SHRINK_ROUND_SECONDS, 0.6 * remaining)
        out: dict[str, Returned] = {}
        try:
            run_calls([c for _, c, _ in batch], path, time.monotonic() + share, share, suite.hash_seeds.get(0), out)
        except ImportFailure:
            break
        # Per check, the smallest candidate that fails the same way: fewest array elements, then the
        # shortest source (rounder values, smaller arguments).
        best: dict[int, tuple[tuple[int, int], Call, object, str]] = {}
        for i, c, case in batch:
            st = states[i]
            r = out.get(c.id)
            if r is None:
                continue
            try:
                verdict = st.spec.fails(r, case)
                size = (_elements(c), len(st.spec.source(c)))
            except Exception:  # noqa: BLE001
                continue
            if (
                verdict is not None
                and shape_of_failure(verdict, c.about) == st.shape
                and (i not in best or size < best[i][0])
            ):
                best[i] = (size, c, case, verdict)
        for i, st in states.items():
            if i in best:
                _size, st.call, st.case, st.verdict = best[i]
            else:
                st.done = True
    shrunk = list(checks)
    for i, st in states.items():
        try:
            source = st.spec.source(st.call)
        except Exception:  # noqa: BLE001
            continue
        shrunk[i] = replace(checks[i], counterexample=source, counterexample_verdict=st.verdict)
    return shrunk
