"""Numbers in messages ("gave ..., expected ..." that never read the same when they differ), the
closeness every value check uses, and warnings the contract rules out."""

from __future__ import annotations

from typing import TYPE_CHECKING

from interview_prep.grading.suite import Fail, Returned

if TYPE_CHECKING:
    import numpy as np
else:
    from interview_prep.grading.lazynp import np


def fmt(x: float, digits: int = 6) -> str:
    """A number for a message: %g with `digits` significant digits."""
    return f"{float(x):.{digits}g}"


def fmt_pair(got: float, want: float, digits: int = 6) -> tuple[str, str]:
    """`got` and `want` for a "gave ..., expected ..." message: %g while that tells them apart, else
    more digits up to repr precision, so two different numbers never read the same ("gave 1,
    expected 1" when got is 1 - 6.7e-16)."""
    g, w = float(got), float(want)
    if g == w or (np.isnan(g) and np.isnan(w)):
        return fmt(g, digits), fmt(w, digits)
    for d in range(digits, 18):
        a, b = fmt(g, d), fmt(w, d)
        if a != b:
            return a, b
    return repr(g), repr(w)


def no_warnings(r: Returned, why: str) -> None:
    """Fail when the call raised a warning (an overflow RuntimeWarning, say) that the contract rules
    out; `why` is the clause, for the message."""
    if r.warnings:
        about = f" on {r.call.about}" if r.call.about else ""
        raise Fail(f"{r.call.func} warned {r.warnings[0]}{about}; {why}.")


def close(got: float | np.ndarray, want: float | np.ndarray, rtol: float, atol: float) -> bool:
    """Finite and allclose (NaN or inf never counts as close, even where `want` is inf)."""
    g = np.asarray(got, dtype=np.float64)
    return bool(np.all(np.isfinite(g)) and g.shape == np.shape(want) and np.allclose(g, want, rtol=rtol, atol=atol))
