"""Judges the drill suites share: ValueError cases, inputs left unchanged, lists giving what arrays give."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from interview_prep.grading.suites import Fail, Returned, Value


def close(got: float | np.ndarray, want: float | np.ndarray, rtol: float, atol: float) -> bool:
    """Finite and allclose (NaN or inf never counts as close, even where `want` is inf)."""
    g = np.asarray(got, dtype=np.float64)
    return bool(np.all(np.isfinite(g)) and g.shape == np.shape(want) and np.allclose(g, want, rtol=rtol, atol=atol))


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
            raise Fail(f"{r.call.func} returned normally for {r.call.about}; it should raise ValueError{why}.")
        if r.exc_type != "ValueError":
            where = f" at {r.where}" if r.where else ""
            raise Fail(
                f"{r.call.func} raised {r.exc_type} ({r.exc_msg}){where} for {r.call.about}; "
                "it should raise ValueError, which says the input is wrong rather than the code."
            )
    return passed or f"ValueError in all {len(ids)} bad-input cases."


def only_ok(results: Mapping[str, Returned], ids: Sequence[str]) -> None:
    """For a may_raise check: any call that raised is a failure worth naming."""
    for cid in ids:
        r = results[cid]
        if r.raised:
            where = f" at {r.where}" if r.where else ""
            raise Fail(f"{r.call.func} raised {r.exc_type}: {r.exc_msg}{where} on {r.call.about}.")


def _same_input(after: Value | None, orig: object) -> bool:
    if after is None:
        return False
    if isinstance(orig, np.ndarray):
        return after.kind == "ndarray" and bool(np.array_equal(after.data, orig))
    return True


def inputs_kept(results: Mapping[str, Returned], ids: Sequence[str], names: Sequence[str]) -> str:
    """The arguments sent back after each call (Call.return_args) equal what was passed in."""
    for cid in ids:
        r = results[cid]
        for i in r.call.return_args:
            if not _same_input(r.args_after.get(i), r.call.args[i]):
                raise Fail(f"{r.call.func} modified the caller's {names[i]} in place on {r.call.about}.")
    return "inputs are left as they were."
