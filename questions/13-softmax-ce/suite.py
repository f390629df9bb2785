"""The hidden suite of drill 13, softmax and cross-entropy: values, the axis, +-1000 logits and the gradient."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from interview_prep.grading.checks import (
    assemble,
    close,
    each,
    fewer_samples,
    finite_differences,
    fmt_pair,
    inputs_unchanged,
    judged,
    loop_style,
    no_warnings,
    performance,
    timed,
    value_errors,
)
from interview_prep.grading.report import Category
from interview_prep.grading.suite import (
    Call,
    Fail,
    ListArg,
    Returned,
    Suite,
    Unusable,
    as_array,
    as_float,
    as_tuple,
)

FD_STEP = 1e-6


def expected_softmax(z: np.ndarray, axis: int = -1) -> np.ndarray:
    z = z.astype(np.float64)
    e = np.exp(z - z.max(axis=axis, keepdims=True))
    return np.asarray(e / e.sum(axis=axis, keepdims=True))


def expected_ce(z: np.ndarray, y: np.ndarray) -> tuple[float, np.ndarray]:
    z = z.astype(np.float64)
    shifted = z - z.max(axis=1, keepdims=True)
    log_norm = np.log(np.exp(shifted).sum(axis=1))
    rows = np.arange(len(y))
    loss = float(np.mean(log_norm - shifted[rows, y]))
    grad = expected_softmax(z)
    grad[rows, y] -= 1.0
    return loss, grad / len(y)


def _logits(seed: int, n: int, c: int, scale: float = 3.0) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    return rng.normal(scale=scale, size=(n, c)), rng.integers(0, c, size=n)


PERF_ABOUT = "logits of shape (20000, 10)"


def _softmax(r: Returned, shape: tuple[int, ...]) -> np.ndarray:
    if r.value is None:
        raise Unusable("softmax returned nothing")
    return as_array(r.value, "what softmax returned", shape=shape).astype(np.float64)


def _ce(r: Returned, shape: tuple[int, ...]) -> tuple[float, np.ndarray]:
    loss, grad = as_tuple(r.value, 2, "cross_entropy")
    return as_float(loss, "the loss from cross_entropy"), as_array(
        grad, "the gradient from cross_entropy", shape=shape
    ).astype(np.float64)


def _worst(got: np.ndarray, want: np.ndarray) -> str:
    i = np.unravel_index(int(np.argmax(np.abs(got - want))), got.shape)
    shown = fmt_pair(got[i], want[i])
    return f"at index {tuple(int(k) for k in i)} it is {shown[0]}, expected {shown[1]}"


def build() -> Suite:
    C, E, S = Category.CORRECTNESS, Category.EDGE_CASE, Category.STABILITY
    rng = np.random.default_rng
    sm = [
        (Call(f"sm-{s}", "softmax", (z,), about=f"random logits, seed {s}, shape {z.shape}, default axis"), z)
        for s, z in [
            (1, rng(1).normal(scale=3, size=(5, 4))),
            (2, rng(2).normal(size=(3,))),
            (3, rng(3).normal(scale=10, size=(2, 3, 4))),
        ]
    ]
    axis_z = rng(4).normal(scale=2, size=(3, 4, 5))
    axes = [
        (
            Call(
                f"axis-{a}",
                "softmax",
                (axis_z,),
                {"axis": a},
                about=f"random logits, seed 4, shape (3, 4, 5), axis={a}",
            ),
            a,
        )
        for a in (0, 1, -1)
    ]
    big = np.array(
        [[1000.0, 999.0, -1000.0], [-1000.0, -1000.0, -999.0], [0.0, 1000.0, -1000.0], [1000.0, 1000.0, 1000.0]]
    )
    sm_big = Call("sm-big", "softmax", (big,), about="logits of +-1000, shape (4, 3)")
    ints = np.arange(12).reshape(3, 4) - 5
    sm_ints = Call("sm-ints", "softmax", (ints,), about="an int array of shape (3, 4)")
    lst = rng(5).normal(size=(4, 3))
    sm_list = Call("sm-list", "softmax", (ListArg(lst),), about="nested Python lists, seed 5, shape (4, 3)")
    sm_kept = Call("sm-kept", "softmax", (lst.copy(),), return_args=(0,), about="random logits, seed 5, shape (4, 3)")
    ce = [
        (Call(f"ce-{s}", "cross_entropy", (z, y), about=f"random logits, seed {s}, shape {z.shape}"), (z, y))
        for s, n, c in [(6, 8, 4), (7, 5, 3), (8, 1, 6)]
        for z, y in [_logits(s, n, c)]
    ]
    # Integer logits: a gradient buffer made with np.zeros_like(logits) is an int array, and truncates.
    int_z = np.random.default_rng(16).integers(-3, 4, size=(6, 4))
    int_y = np.array([0, 3, 1, 2, 2, 0])
    ce_int = (
        Call("ce-int", "cross_entropy", (int_z, int_y), about="integer logits (dtype int64), seed 16, shape (6, 4)"),
        (int_z, int_y),
    )
    mean_z, mean_y = _logits(9, 5, 4)
    mean = [
        Call("mean-1", "cross_entropy", (mean_z, mean_y), about="5 random rows, seed 9"),
        Call(
            "mean-3",
            "cross_entropy",
            (np.tile(mean_z, (3, 1)), np.tile(mean_y, 3)),
            about="the same 5 rows repeated 3 times, seed 9",
        ),
    ]
    # Confidently wrong rows (the label's logit is -1000 below the top) and confidently right ones.
    big_z = np.array([[1000.0, -1000.0, 0.0], [-1000.0, 1000.0, 1000.0], [5.0, -1000.0, 1000.0]])
    big_y = np.array([1, 0, 2])
    ce_big_call = Call("ce-big", "cross_entropy", (big_z, big_y), about="logits of +-1000, confidently wrong rows")
    ce_7, (z7, y7) = ce[1]
    ce_list = Call("ce-list", "cross_entropy", (ListArg(z7), ListArg(y7)), about="Python lists, seed 7, shape (5, 3)")
    ce_kept = Call(
        "ce-kept",
        "cross_entropy",
        (big_z.copy(), big_y.copy()),
        return_args=(0, 1),
        about="logits of +-1000, shape (3, 3)",
    )
    fd_z, fd_y = _logits(10, 3, 3, 1.0)
    fd_about = "random logits, seed 10, shape (3, 3)"
    bad = [
        Call(f"bad-{i}", "cross_entropy", (z, y), about=about)
        for i, (z, y, about) in enumerate(
            [
                (np.zeros(4), np.zeros(4, dtype=int), "1-D logits of shape (4,)"),
                (
                    np.zeros(4),
                    np.zeros(1, dtype=int),
                    "1-D logits of shape (4,) with 1 label (np.atleast_2d would make them one row)",
                ),
                (np.zeros((2, 3, 4)), np.zeros(2, dtype=int), "3-D logits of shape (2, 3, 4)"),
                (np.zeros((4, 3)), np.zeros(3, dtype=int), "logits (4, 3) with 3 labels"),
                (np.zeros((4, 3)), np.zeros(1, dtype=int), "logits (4, 3) with 1 label (it would broadcast)"),
            ]
        )
    ]

    def sm_value(r: Returned, z: np.ndarray) -> None:
        got, want = _softmax(r, z.shape), expected_softmax(z)
        if not close(got, want, 1e-7, 1e-12):
            sums = got.sum(axis=-1)
            note = "" if np.allclose(sums, 1) else " (the slices along the last axis do not sum to 1)"
            raise Fail(f"softmax differs from exp(z) / sum(exp(z)) on {r.call.about}{note}: {_worst(got, want)}.")

    def sm_axis(r: Returned, a: int) -> None:
        got, want = _softmax(r, axis_z.shape), expected_softmax(axis_z, a)
        if not close(got, want, 1e-7, 1e-12):
            sums = got.sum(axis=a)
            how = "sum to 1" if np.allclose(sums, 1) else f"sum to values from {sums.min():.3g} to {sums.max():.3g}"
            raise Fail(f"softmax is wrong on {r.call.about}: the slices along axis {a} {how}; {_worst(got, want)}.")

    def sm_finite(results: Mapping[str, Returned]) -> str:
        r = results[sm_big.id]
        got, want = _softmax(r, big.shape), expected_softmax(big)
        if not np.all(np.isfinite(got)):
            raise Fail(
                f"softmax returned inf or NaN on {r.call.about}: exp(1000) overflows, and a slice shifted by "
                "any max but its own can underflow to 0 / 0."
            )
        if not close(got, want, 1e-7, 1e-12):
            raise Fail(f"softmax is finite but wrong on {r.call.about}: {_worst(got, want)}.")
        no_warnings(r, "the contract promises no overflow for any finite z: shift by the max so exp never overflows")
        return "finite and right for logits of +-1000; every row sums to 1."

    def sm_type(results: Mapping[str, Returned]) -> str:
        r = results[sm_ints.id]
        got = as_array(r.value, "what softmax returned", numeric=False) if r.value else None
        if got is None or got.shape != ints.shape or got.dtype.kind != "f":
            what = f"shape {got.shape} and dtype {got.dtype}" if got is not None else "nothing"
            raise Fail(f"softmax returned {what} on {r.call.about}; it should be a float array shaped like z.")
        if not close(got, expected_softmax(ints), 1e-7, 1e-12):
            raise Fail(f"softmax is wrong on {r.call.about}: integer logits must give the same as float ones.")
        return "a float array shaped like z, also for integer input."

    def lists(results: Mapping[str, Returned]) -> str:
        # Lists must give what the same data as arrays gives; the value checks judge the values.
        r, arr = results[sm_list.id], results[sm_kept.id]
        if not close(_softmax(r, lst.shape), _softmax(arr, lst.shape), 1e-9, 1e-12):
            raise Fail(f"softmax gave a different result for {r.call.about} than for the same data as an array.")
        r, arr = results[ce_list.id], results[ce_7.id]
        (loss, grad), (a_loss, a_grad) = _ce(r, z7.shape), _ce(arr, z7.shape)
        if not (close(loss, a_loss, 1e-9, 1e-12) and close(grad, a_grad, 1e-9, 1e-12)):
            raise Fail(f"cross_entropy gave a different result for {r.call.about} than for the same data as arrays.")
        return "Python lists work for both functions."

    def ce_loss(r: Returned, case: tuple[np.ndarray, np.ndarray]) -> None:
        z, y = case
        got, _g = _ce(r, z.shape)
        want, _w = expected_ce(z, y)
        if not close(got, want, 1e-7, 1e-12):
            shown = fmt_pair(got, want)
            raise Fail(
                f"cross_entropy gave a loss of {shown[0]}, but -mean(log softmax[i, y[i]]) is {shown[1]} "
                f"on {r.call.about}."
            )

    def ce_float(r: Returned, _case: object) -> None:
        loss, _grad = as_tuple(r.value, 2, "cross_entropy")
        if loss.kind != "float":
            raise Fail(
                f"the loss from cross_entropy is {loss.type_name}"
                f"{' of shape ' + str(loss.data.shape) if loss.kind == 'ndarray' else ''}, "
                f"not a float, on {r.call.about}."
            )

    def ce_mean(results: Mapping[str, Returned]) -> str:
        one, _g1 = _ce(results[mean[0].id], mean_z.shape)
        three, _g3 = _ce(results[mean[1].id], (3 * mean_z.shape[0], mean_z.shape[1]))
        if not close(three, one, 1e-9, 1e-12):
            raise Fail(
                f"repeating the same 5 rows 3 times changed the loss from {one:.6g} to {three:.6g} (seed 9): "
                "the loss should be a mean over rows, not a sum."
            )
        return "a mean over rows: repeating the data leaves the loss unchanged."

    def ce_grad(r: Returned, case: tuple[np.ndarray, np.ndarray]) -> None:
        z, y = case
        _l, got = _ce(r, z.shape)
        _w, want = expected_ce(z, y)
        if not close(got, want, 1e-7, 1e-12):
            extra = ""
            if np.allclose(got, -want):
                extra = " (the sign is flipped)"
            elif np.allclose(got, want * len(y)) and len(y) > 1:
                extra = f" (it is {len(y)}x too large: the 1/n of the mean is missing)"
            elif z.dtype.kind in "iu" and np.all(np.isfinite(got)) and np.all(got * len(y) == np.round(got * len(y))):
                extra = " (truncated to whole numbers: is it written into an integer array, np.zeros_like(logits)?)"
            raise Fail(
                f"the gradient from cross_entropy differs from (softmax(logits) - onehot(y)) / n on "
                f"{r.call.about}{extra}: {_worst(got, want)}."
            )

    def fd_fail(_var: str, g: np.ndarray, fd: np.ndarray, r: Returned) -> str:
        return (
            f"the gradient does not match central finite differences of your own loss (step {FD_STEP:g}) on "
            f"{r.call.about}: {_worst(g, fd)} (the finite difference)."
        )

    def ce_finite(results: Mapping[str, Returned]) -> str:
        r = results[ce_big_call.id]
        loss, grad = _ce(r, big_z.shape)
        want_loss, want_grad = expected_ce(big_z, big_y)
        if not np.isfinite(loss):
            raise Fail(f"the loss is {loss} on {r.call.about}: log(softmax) is log(0) there; use log-sum-exp.")
        if not np.all(np.isfinite(grad)):
            raise Fail(f"the gradient holds inf or NaN on {r.call.about}: exp(1000) overflows without the max-shift.")
        if not close(loss, want_loss, 1e-7, 1e-9):
            capped = " (a clipped log(p) caps the loss of a confidently wrong row)" if loss < want_loss else ""
            shown = fmt_pair(loss, want_loss)
            raise Fail(f"the loss is {shown[0]} on {r.call.about}, expected {shown[1]}{capped}.")
        if not close(grad, want_grad, 1e-7, 1e-12):
            raise Fail(f"the gradient is wrong on {r.call.about}: {_worst(grad, want_grad)}.")
        return "loss and gradient finite and exact for logits of +-1000."

    parts = [
        each(
            "softmax matches exp(z) / sum(exp(z))",
            C,
            3,
            sm,
            sm_value,
            "matches exp(z) / sum(exp(z)) along the last axis on 3 random inputs (1-D, 2-D, 3-D).",
            hint="Divide exp(z - max) by its sum along the axis, with keepdims=True so it broadcasts.",
        ),
        each(
            "softmax along the given axis",
            C,
            2,
            axes,
            sm_axis,
            "normalizes along the axis it is given (0, 1 and -1 of a 3-D input).",
            hint="Use the axis argument for both the max and the sum (keepdims=True).",
        ),
        judged(
            "softmax finite for logits of +-1000",
            S,
            2,
            [sm_big],
            sm_finite,
            hint="Subtract z.max(axis, keepdims=True) before np.exp: softmax is unchanged by the shift.",
        ),
        judged(
            "softmax returns a float array shaped like z",
            C,
            1,
            [sm_ints],
            sm_type,
            hint="np.asarray(z, dtype=float) first; keep every axis.",
        ),
        each(
            "cross-entropy loss matches the formula",
            C,
            3,
            ce,
            ce_loss,
            "the loss matches -mean(log softmax(logits)[i, y[i]]) on 3 random inputs (n = 8, 5, 1).",
            shrink=fewer_samples,
            names=("logits", "y"),
            hint="loss = mean over rows of logsumexp(z_i) - z_i[y_i].",
        ),
        each(
            "loss is a Python float",
            C,
            1,
            ce,
            ce_float,
            "the loss is a float.",
            hint="Return float(np.mean(...)), a single number, not the per-row losses.",
        ),
        judged(
            "mean over rows, not sum",
            C,
            1,
            mean,
            ce_mean,
            hint="Average the per-row losses so the loss does not grow with the batch.",
        ),
        each(
            "gradient matches (softmax - onehot) / n",
            C,
            3,
            [*ce, ce_int],
            ce_grad,
            "the gradient matches (softmax(logits) - onehot(y)) / n on 3 random inputs and integer logits.",
            shrink=fewer_samples,
            names=("logits", "y"),
            hint="Subtract 1 at [np.arange(n), y] of the softmax, then divide by n.",
        ),
        finite_differences(
            "gradient matches finite differences",
            C,
            2,
            grad_calls=[Call("fd-grad", "cross_entropy", (fd_z, fd_y), about=fd_about)],
            gradient=lambda rs: {"z": _ce(rs[0], fd_z.shape)[1]},
            variables={"z": fd_z},
            stepped=lambda _var, z: Call("fd", "cross_entropy", (z, fd_y), about=fd_about),
            loss=lambda r: _ce(r, fd_z.shape)[0],
            step=FD_STEP,
            fail=fd_fail,
            passed="the gradient agrees with central finite differences of the loss.",
            hint="The gradient must be the derivative of the loss you return: check it with (L(z+h) - L(z-h)) / 2h.",
        ),
        judged(
            "loss and gradient finite for logits of +-1000",
            S,
            2,
            [ce_big_call],
            ce_finite,
            hint="log p_y = z_y - m - log(sum(exp(z - m))) with m the row max; never take log of a softmax.",
        ),
        judged(
            "lists accepted",
            E,
            1,
            [sm_list, sm_kept, ce_list, ce_7],
            lists,
            hint="Convert first: z = np.asarray(z, dtype=float).",
        ),
        inputs_unchanged(
            "inputs not modified",
            C,
            1,
            [sm_kept, ce_kept],
            ["z or logits", "y"],
            hint="z - z.max(...) makes a new array; z -= ... changes the caller's logits.",
        ),
        value_errors(
            "ValueError on bad shapes",
            E,
            1,
            bad,
            hint="Check logits.ndim == 2 and y.shape == (logits.shape[0],), and raise ValueError otherwise.",
        ),
        performance(
            [timed("cross_entropy", _logits(11, 20_000, 10), {}, PERF_ABOUT)],
            "Use whole-array operations: z.max(axis=1), np.exp, fancy indexing z[np.arange(n), y].",
        ),
        loop_style(
            ("softmax", "cross_entropy"),
            1,
            "the rows",
            "Reduce along an axis (max, sum) and index with z[np.arange(n), y] instead of looping.",
        ),
    ]
    return assemble("softmax-ce", ("softmax", "cross_entropy"), parts, "softmax_ce.py", timeout=6.0)
