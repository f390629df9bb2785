"""The hidden suite of drill 13, softmax and cross-entropy: values, the axis, +-1000 logits and the gradient."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from interview_prep.grading.checks import (
    close,
    inputs_kept,
    loop_style_check,
    performance_check,
    raises_value_error,
    timing_calls,
)
from interview_prep.grading.report import Category
from interview_prep.grading.suite import (
    Call,
    Check,
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


class Inputs:
    """Every input, made in the parent from fixed seeds."""

    def __init__(self) -> None:
        rng = np.random.default_rng
        self.sm = [
            (1, rng(1).normal(scale=3, size=(5, 4))),
            (2, rng(2).normal(size=(3,))),
            (3, rng(3).normal(scale=10, size=(2, 3, 4))),
        ]
        self.axis = rng(4).normal(scale=2, size=(3, 4, 5))
        self.big = np.array(
            [[1000.0, 999.0, -1000.0], [-1000.0, -1000.0, -999.0], [0.0, 1000.0, -1000.0], [1000.0, 1000.0, 1000.0]]
        )
        self.ints = np.arange(12).reshape(3, 4) - 5
        self.lst = rng(5).normal(size=(4, 3))
        self.ce = [(s, *_logits(s, n, c)) for s, n, c in [(6, 8, 4), (7, 5, 3), (8, 1, 6)]]
        self.mean_z, self.mean_y = _logits(9, 5, 4)
        self.fd_z, self.fd_y = _logits(10, 3, 3, 1.0)
        # Confidently wrong rows (the label's logit is -1000 below the top) and confidently right ones.
        self.big_z = np.array([[1000.0, -1000.0, 0.0], [-1000.0, 1000.0, 1000.0], [5.0, -1000.0, 1000.0]])
        self.big_y = np.array([1, 0, 2])
        self.perf_z, self.perf_y = _logits(11, 20_000, 10)


PERF_ABOUT = "logits of shape (20000, 10)"


def _calls(inp: Inputs) -> list[Call]:
    calls = [
        Call(f"sm-{s}", "softmax", (z,), about=f"random logits, seed {s}, shape {z.shape}, default axis")
        for s, z in inp.sm
    ]
    calls += [
        Call(
            f"axis-{a}", "softmax", (inp.axis,), {"axis": a}, about=f"random logits, seed 4, shape (3, 4, 5), axis={a}"
        )
        for a in (0, 1, -1)
    ]
    calls += [
        Call("sm-big", "softmax", (inp.big,), about="logits of +-1000, shape (4, 3)"),
        Call("sm-ints", "softmax", (inp.ints,), about="an int array of shape (3, 4)"),
        Call("sm-list", "softmax", (ListArg(inp.lst),), about="nested Python lists, seed 5, shape (4, 3)"),
        Call("sm-kept", "softmax", (inp.lst.copy(),), return_args=(0,), about="random logits, seed 5, shape (4, 3)"),
    ]
    for s, z, y in inp.ce:
        calls.append(Call(f"ce-{s}", "cross_entropy", (z, y), about=f"random logits, seed {s}, shape {z.shape}"))
    calls += [
        Call("mean-1", "cross_entropy", (inp.mean_z, inp.mean_y), about="5 random rows, seed 9"),
        Call(
            "mean-3",
            "cross_entropy",
            (np.tile(inp.mean_z, (3, 1)), np.tile(inp.mean_y, 3)),
            about="the same 5 rows repeated 3 times, seed 9",
        ),
        Call("ce-big", "cross_entropy", (inp.big_z, inp.big_y), about="logits of +-1000, confidently wrong rows"),
        Call(
            "ce-list",
            "cross_entropy",
            (ListArg(inp.ce[1][1]), ListArg(inp.ce[1][2])),
            about="Python lists, seed 7, shape (5, 3)",
        ),
        Call(
            "ce-kept",
            "cross_entropy",
            (inp.big_z.copy(), inp.big_y.copy()),
            return_args=(0, 1),
            about="logits of +-1000, shape (3, 3)",
        ),
    ]
    fd_about = "random logits, seed 10, shape (3, 3)"
    calls.append(Call("fd-grad", "cross_entropy", (inp.fd_z, inp.fd_y), about=fd_about))
    for i in range(inp.fd_z.size):
        for sign, tag in ((1, "plus"), (-1, "minus")):
            z = inp.fd_z.copy()
            z.flat[i] += sign * FD_STEP
            calls.append(Call(f"fd-{tag}-{i}", "cross_entropy", (z, inp.fd_y), about=fd_about))
    bad = [
        (np.zeros(4), np.zeros(4, dtype=int), "1-D logits of shape (4,)"),
        (np.zeros((2, 3, 4)), np.zeros(2, dtype=int), "3-D logits of shape (2, 3, 4)"),
        (np.zeros((4, 3)), np.zeros(3, dtype=int), "logits (4, 3) with 3 labels"),
        (np.zeros((4, 3)), np.zeros(1, dtype=int), "logits (4, 3) with 1 label (it would broadcast)"),
    ]
    calls += [Call(f"bad-{i}", "cross_entropy", (z, y), about=about) for i, (z, y, about) in enumerate(bad)]
    calls += timing_calls("cross_entropy", (inp.perf_z, inp.perf_y), {}, PERF_ABOUT)
    return calls


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
    return f"at index {tuple(int(k) for k in i)} it is {got[i]:.6g}, expected {want[i]:.6g}"


def build() -> Suite:
    inp = Inputs()
    calls = _calls(inp)
    ids = [c.id for c in calls]

    def sm_values(results: Mapping[str, Returned]) -> str:
        for s, z in inp.sm:
            r = results[f"sm-{s}"]
            got, want = _softmax(r, z.shape), expected_softmax(z)
            if not close(got, want, 1e-7, 1e-12):
                sums = got.sum(axis=-1)
                note = "" if np.allclose(sums, 1) else " (the slices along the last axis do not sum to 1)"
                raise Fail(f"softmax differs from exp(z) / sum(exp(z)) on {r.call.about}{note}: {_worst(got, want)}.")
        return "matches exp(z) / sum(exp(z)) along the last axis on 3 random inputs (1-D, 2-D, 3-D)."

    def sm_axis(results: Mapping[str, Returned]) -> str:
        for a in (0, 1, -1):
            r = results[f"axis-{a}"]
            got, want = _softmax(r, inp.axis.shape), expected_softmax(inp.axis, a)
            if not close(got, want, 1e-7, 1e-12):
                sums = got.sum(axis=a)
                how = "sum to 1" if np.allclose(sums, 1) else f"sum to values from {sums.min():.3g} to {sums.max():.3g}"
                raise Fail(f"softmax is wrong on {r.call.about}: the slices along axis {a} {how}; {_worst(got, want)}.")
        return "normalizes along the axis it is given (0, 1 and -1 of a 3-D input)."

    def sm_big(results: Mapping[str, Returned]) -> str:
        r = results["sm-big"]
        got, want = _softmax(r, inp.big.shape), expected_softmax(inp.big)
        if not np.all(np.isfinite(got)):
            raise Fail(
                f"softmax returned inf or NaN on {r.call.about}: exp(1000) overflows, and a slice shifted by "
                "any max but its own can underflow to 0 / 0."
            )
        if not close(got, want, 1e-7, 1e-12):
            raise Fail(f"softmax is finite but wrong on {r.call.about}: {_worst(got, want)}.")
        return "finite and right for logits of +-1000; every row sums to 1."

    def sm_type(results: Mapping[str, Returned]) -> str:
        r = results["sm-ints"]
        got = as_array(r.value, "what softmax returned", numeric=False) if r.value else None
        if got is None or got.shape != inp.ints.shape or got.dtype.kind != "f":
            what = f"shape {got.shape} and dtype {got.dtype}" if got is not None else "nothing"
            raise Fail(f"softmax returned {what} on {r.call.about}; it should be a float array shaped like z.")
        if not close(got, expected_softmax(inp.ints), 1e-7, 1e-12):
            raise Fail(f"softmax is wrong on {r.call.about}: integer logits must give the same as float ones.")
        return "a float array shaped like z, also for integer input."

    def lists(results: Mapping[str, Returned]) -> str:
        # Lists must give what the same data as arrays gives; the value checks judge the values.
        r, arr = results["sm-list"], results["sm-kept"]
        if not close(_softmax(r, inp.lst.shape), _softmax(arr, inp.lst.shape), 1e-9, 1e-12):
            raise Fail(f"softmax gave a different result for {r.call.about} than for the same data as an array.")
        r, arr = results["ce-list"], results["ce-7"]
        shape = inp.ce[1][1].shape
        (loss, grad), (a_loss, a_grad) = _ce(r, shape), _ce(arr, shape)
        if not (close(loss, a_loss, 1e-9, 1e-12) and close(grad, a_grad, 1e-9, 1e-12)):
            raise Fail(f"cross_entropy gave a different result for {r.call.about} than for the same data as arrays.")
        return "Python lists work for both functions."

    def kept(results: Mapping[str, Returned]) -> str:
        return inputs_kept(results, ["sm-kept", "ce-kept"], ["z or logits", "y"])

    def ce_loss(results: Mapping[str, Returned]) -> str:
        for s, z, y in inp.ce:
            r = results[f"ce-{s}"]
            got, _g = _ce(r, z.shape)
            want, _w = expected_ce(z, y)
            if not close(got, want, 1e-7, 1e-12):
                raise Fail(
                    f"cross_entropy gave a loss of {got:.6g}, but -mean(log softmax[i, y[i]]) is {want:.6g} "
                    f"on {r.call.about}."
                )
        return "the loss matches -mean(log softmax(logits)[i, y[i]]) on 3 random inputs (n = 8, 5, 1)."

    def ce_float(results: Mapping[str, Returned]) -> str:
        for s, _z, _y in inp.ce:
            r = results[f"ce-{s}"]
            loss, _grad = as_tuple(r.value, 2, "cross_entropy")
            if loss.kind != "float":
                raise Fail(
                    f"the loss from cross_entropy is {loss.type_name}"
                    f"{' of shape ' + str(loss.data.shape) if loss.kind == 'ndarray' else ''}, "
                    f"not a float, on {r.call.about}."
                )
        return "the loss is a float."

    def ce_mean(results: Mapping[str, Returned]) -> str:
        one, _g1 = _ce(results["mean-1"], inp.mean_z.shape)
        three, _g3 = _ce(results["mean-3"], (3 * inp.mean_z.shape[0], inp.mean_z.shape[1]))
        if not close(three, one, 1e-9, 1e-12):
            raise Fail(
                f"repeating the same 5 rows 3 times changed the loss from {one:.6g} to {three:.6g} (seed 9): "
                "the loss should be a mean over rows, not a sum."
            )
        return "a mean over rows: repeating the data leaves the loss unchanged."

    def ce_grad(results: Mapping[str, Returned]) -> str:
        for s, z, y in inp.ce:
            r = results[f"ce-{s}"]
            _l, got = _ce(r, z.shape)
            _w, want = expected_ce(z, y)
            if not close(got, want, 1e-7, 1e-12):
                extra = ""
                if np.allclose(got, -want):
                    extra = " (the sign is flipped)"
                elif np.allclose(got, want * len(y)) and len(y) > 1:
                    extra = f" (it is {len(y)}x too large: the 1/n of the mean is missing)"
                raise Fail(
                    f"the gradient from cross_entropy differs from (softmax(logits) - onehot(y)) / n on "
                    f"{r.call.about}{extra}: {_worst(got, want)}."
                )
        return "the gradient matches (softmax(logits) - onehot(y)) / n on 3 random inputs."

    def finite_diff(results: Mapping[str, Returned]) -> str:
        r = results["fd-grad"]
        _l, g = _ce(r, inp.fd_z.shape)
        fd = np.zeros_like(inp.fd_z)
        for i in range(inp.fd_z.size):
            up, _gu = _ce(results[f"fd-plus-{i}"], inp.fd_z.shape)
            down, _gd = _ce(results[f"fd-minus-{i}"], inp.fd_z.shape)
            fd.flat[i] = (up - down) / (2 * FD_STEP)
        if not close(g, fd, 1e-4, 1e-6):
            raise Fail(
                f"the gradient does not match central finite differences of your own loss (step {FD_STEP:g}) on "
                f"{r.call.about}: {_worst(g, fd)} (the finite difference)."
            )
        return "the gradient agrees with central finite differences of the loss."

    def ce_big(results: Mapping[str, Returned]) -> str:
        r = results["ce-big"]
        loss, grad = _ce(r, inp.big_z.shape)
        want_loss, want_grad = expected_ce(inp.big_z, inp.big_y)
        if not np.isfinite(loss):
            raise Fail(f"the loss is {loss} on {r.call.about}: log(softmax) is log(0) there; use log-sum-exp.")
        if not np.all(np.isfinite(grad)):
            raise Fail(f"the gradient holds inf or NaN on {r.call.about}: exp(1000) overflows without the max-shift.")
        if not close(loss, want_loss, 1e-7, 1e-9):
            capped = " (a clipped log(p) caps the loss of a confidently wrong row)" if loss < want_loss else ""
            raise Fail(f"the loss is {loss:.6g} on {r.call.about}, expected {want_loss:.6g}{capped}.")
        if not close(grad, want_grad, 1e-7, 1e-12):
            raise Fail(f"the gradient is wrong on {r.call.about}: {_worst(grad, want_grad)}.")
        return "loss and gradient finite and exact for logits of +-1000."

    def bad(results: Mapping[str, Returned]) -> str:
        return raises_value_error(results, [i for i in ids if i.startswith("bad-")])

    def perf(results: Mapping[str, Returned]) -> str:
        return performance_check("cross_entropy", PERF_ABOUT, "").judge(results)

    C, E, S = Category.CORRECTNESS, Category.EDGE_CASE, Category.STABILITY
    sm_ids = tuple(f"sm-{s}" for s, _z in inp.sm)
    ce_ids = tuple(f"ce-{s}" for s, *_r in inp.ce)
    checks = [
        Check(
            "softmax matches exp(z) / sum(exp(z))",
            C,
            3,
            sm_ids,
            sm_values,
            hint="Divide exp(z - max) by its sum along the axis, with keepdims=True so it broadcasts.",
        ),
        Check(
            "softmax along the given axis",
            C,
            2,
            tuple(f"axis-{a}" for a in (0, 1, -1)),
            sm_axis,
            hint="Use the axis argument for both the max and the sum (keepdims=True).",
        ),
        Check(
            "softmax finite for logits of +-1000",
            S,
            2,
            ("sm-big",),
            sm_big,
            hint="Subtract z.max(axis, keepdims=True) before np.exp: softmax is unchanged by the shift.",
        ),
        Check(
            "softmax returns a float array shaped like z",
            C,
            1,
            ("sm-ints",),
            sm_type,
            hint="np.asarray(z, dtype=float) first; keep every axis.",
        ),
        Check(
            "cross-entropy loss matches the formula",
            C,
            3,
            ce_ids,
            ce_loss,
            hint="loss = mean over rows of logsumexp(z_i) - z_i[y_i].",
        ),
        Check(
            "loss is a Python float",
            C,
            1,
            ce_ids,
            ce_float,
            hint="Return float(np.mean(...)), a single number, not the per-row losses.",
        ),
        Check(
            "mean over rows, not sum",
            C,
            1,
            ("mean-1", "mean-3"),
            ce_mean,
            hint="Average the per-row losses so the loss does not grow with the batch.",
        ),
        Check(
            "gradient matches (softmax - onehot) / n",
            C,
            3,
            ce_ids,
            ce_grad,
            hint="Subtract 1 at [np.arange(n), y] of the softmax, then divide by n.",
        ),
        Check(
            "gradient matches finite differences",
            C,
            2,
            tuple(i for i in ids if i.startswith("fd-")),
            finite_diff,
            hint="The gradient must be the derivative of the loss you return: check it with (L(z+h) - L(z-h)) / 2h.",
        ),
        Check(
            "loss and gradient finite for logits of +-1000",
            S,
            2,
            ("ce-big",),
            ce_big,
            hint="log p_y = z_y - m - log(sum(exp(z - m))) with m the row max; never take log of a softmax.",
        ),
        Check(
            "lists accepted",
            E,
            1,
            ("sm-list", "sm-kept", "ce-list", "ce-7"),
            lists,
            hint="Convert first: z = np.asarray(z, dtype=float).",
        ),
        Check(
            "inputs not modified",
            C,
            1,
            ("sm-kept", "ce-kept"),
            kept,
            hint="z - z.max(...) makes a new array; z -= ... changes the caller's logits.",
        ),
        Check(
            "ValueError on bad shapes",
            E,
            1,
            tuple(i for i in ids if i.startswith("bad-")),
            bad,
            hint="Check logits.ndim == 2 and y.shape == (logits.shape[0],), and raise ValueError otherwise.",
            may_raise=True,
        ),
        Check(
            "vectorized: time on a large input",
            Category.PERFORMANCE,
            2,
            ("perf-user", "perf-reference"),
            perf,
            hint="Use whole-array operations: z.max(axis=1), np.exp, fancy indexing z[np.arange(n), y].",
        ),
        loop_style_check(
            ("softmax", "cross_entropy"),
            1,
            "the rows",
            "Reduce along an axis (max, sum) and index with z[np.arange(n), y] instead of looping.",
        ),
    ]
    return Suite("softmax-ce", ("softmax", "cross_entropy"), tuple(calls), tuple(checks), "softmax_ce.py", timeout=6.0)
