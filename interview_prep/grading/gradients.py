"""A gradient against central finite differences of the user's own loss."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from interview_prep.grading.numbers import close, fmt_pair
from interview_prep.grading.parts import Part, judged
from interview_prep.grading.report import Category
from interview_prep.grading.suite import Call, Fail, Returned

if TYPE_CHECKING:
    import numpy as np
else:
    from interview_prep.grading.lazynp import np


def finite_differences(
    name: str,
    category: Category,
    points: float,
    *,
    grad_calls: Sequence[Call],
    gradient: Callable[[Sequence[Returned]], Mapping[str, np.ndarray]],
    variables: Mapping[str, np.ndarray],
    stepped: Callable[[str, np.ndarray], Call],
    loss: Callable[[Returned], Any],
    step: float,
    fail: Callable[[str, np.ndarray, np.ndarray, Returned], str],
    passed: str,
    hint: str = "",
    rtol: float = 1e-4,
    atol: float = 1e-6,
    change: Callable[[Any, Any], float] = lambda up, down: float(up - down),
) -> Part:
    """The gradient the user's code gives (`gradient` reads it from the results of `grad_calls`, one
    array per variable) against central differences of the user's own loss: for every element of
    every variable, `stepped(variable, moved)` is the call of the loss with that variable moved by
    +-step, and `loss` reads the loss it returned; `change(loss up, loss down)` is how much it
    changed (by default their difference; a layer's output is weighted by its upstream gradient).
    `fail(variable, got, numeric, first grad result)` words a mismatch."""
    plus: dict[str, list[Call]] = {}
    minus: dict[str, list[Call]] = {}
    for var, value in variables.items():
        for sign, tag, table in ((1, "plus", plus), (-1, "minus", minus)):
            row = table.setdefault(var, [])
            for i in range(value.size):
                moved = np.array(value, dtype=np.float64, copy=True)
                moved.flat[i] += sign * step
                row.append(replace(stepped(var, moved), id=f"fd-{tag}-{var}-{i}"))
    # The order the calls were always made in: each element's +step then its -step.
    calls = list(grad_calls) + [
        c for var in variables for pair in zip(plus[var], minus[var], strict=True) for c in pair
    ]

    def judge(results: Mapping[str, Returned]) -> str:
        first = results[grad_calls[0].id]
        got = gradient([results[c.id] for c in grad_calls])
        for var, value in variables.items():
            numeric = np.zeros(np.shape(value), dtype=np.float64)
            for i, (up, down) in enumerate(zip(plus[var], minus[var], strict=True)):
                numeric.flat[i] = change(loss(results[up.id]), loss(results[down.id])) / (2 * step)
            if not close(got[var], numeric, rtol, atol):
                message = fail(var, got[var], numeric, first)
                worst = _worst(got[var], numeric, rtol, atol)
                if worst is None:
                    raise Fail(message, calls=grad_calls)
                note = _entry_note(var, value, worst, got[var], numeric, step)
                raise Fail(message, calls=[*grad_calls, plus[var][worst], minus[var][worst]], notes=note)
        return passed

    return judged(name, category, points, calls, judge, hint=hint)


def _worst(got: Any, numeric: np.ndarray, rtol: float, atol: float) -> int | None:
    """The flat index of the entry that disagrees most (a non-finite one first); None when the shapes differ."""
    g = np.asarray(got, dtype=np.float64)
    if g.shape != numeric.shape or not g.size:
        return None
    bad = ~np.isfinite(g)
    if bad.any():
        return int(np.flatnonzero(bad)[0])
    return int(np.argmax(np.abs(g - numeric) - (atol + rtol * np.abs(numeric))))


def _entry_note(var: str, value: np.ndarray, i: int, got: Any, numeric: np.ndarray, step: float) -> tuple[str, ...]:
    """Comment lines for the snippet: which gradient entry disagrees, and with what."""
    where = list(np.unravel_index(i, np.shape(value))) if np.ndim(value) else []
    entry = "[" + ", ".join(str(int(k)) for k in where) + "]"
    g, n = fmt_pair(float(np.asarray(got, dtype=np.float64).flat[i]), float(numeric.flat[i]))
    return (
        f"entry {entry} of the gradient of {var} (in out1) is {g}; the loss moved with {var}{entry} +{step:g}",
        f"(the second loss call) and -{step:g} (the third) gives a central difference of {n}",
    )
