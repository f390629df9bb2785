"""The hidden suite of question 2, binary cross-entropy: values, stability and the gradient, checked three ways."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

import numpy as np

from interview_prep.grading.checks import (
    assemble,
    each,
    fewer_rows,
    finite_differences,
    fmt_pair,
    inputs_unchanged,
    judged,
    loop_style,
    performance,
    rounder,
    timed,
    value_errors,
    values_close,
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
)

EPS = 1e-12
FD_STEP = 1e-6


def expected_loss(y: np.ndarray, p: np.ndarray, eps: float = EPS) -> float:
    q = np.clip(p.astype(np.float64), eps, 1 - eps)
    return float(-np.mean(y * np.log(q) + (1 - y) * np.log(1 - q)))


def expected_grad(y: np.ndarray, p: np.ndarray, eps: float = EPS) -> np.ndarray:
    q = np.clip(p.astype(np.float64), eps, 1 - eps)
    return np.asarray((q - y) / (q * (1 - q) * y.size), dtype=np.float64)


def _pair(seed: int, shape: tuple[int, ...], lo: float = 0.01, hi: float = 0.99) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    y = rng.integers(0, 2, size=shape).astype(np.float64)
    p = rng.uniform(lo, hi, size=shape)
    return y, p


PERF_ABOUT = "200000 predictions (bce_loss and bce_grad each timed)"


def _loss(r: Returned) -> float:
    return as_float(r.value, "bce_loss")


def _grad(r: Returned, shape: tuple[int, ...]) -> np.ndarray:
    if r.value is None:
        raise Unusable("bce_grad returned nothing")
    return as_array(r.value, "the gradient from bce_grad", shape=shape).astype(np.float64)


def _close(got: float | np.ndarray, want: float | np.ndarray, rtol: float, atol: float) -> bool:
    return bool(np.all(np.isfinite(got)) and np.allclose(got, want, rtol=rtol, atol=atol))


ABOUT_VALUES = "random labels and predictions in [0.01, 0.99], seed {s}, shape {shape}"
ABOUT_GRADS = "random labels and predictions in [0.05, 0.95], seed {s}, shape {shape}"
EXTREME = "predictions of exactly 0 and 1, shape (6,)"


def _both(cid: str, y: object, p: object, about: str, **kw: Any) -> tuple[Call, Call]:
    """The same input given to bce_loss and to bce_grad."""
    return (
        Call(f"{cid}-loss", "bce_loss", (y, p), about=about, **kw),
        Call(f"{cid}-grad", "bce_grad", (y, p), about=about, **kw),
    )


def _smaller_pairs(y: np.ndarray, p: np.ndarray) -> list[tuple[np.ndarray, np.ndarray]]:
    """Smaller (y, p) inputs: fewer elements (as 1-D arrays), rounder predictions (kept in [0.05, 0.95])."""
    yf, pf = y.ravel(), p.ravel()
    out = []
    for idx in fewer_rows(yf.size):
        out += [(yf[idx], np.clip(r, 0.05, 0.95)) for r in rounder(pf[idx])] + [(yf[idx], pf[idx])]
    return out + [(y, np.clip(r, 0.05, 0.95)) for r in rounder(p)]


def _smaller_loss(call: Call, _want: float) -> list[tuple[Call, float]]:
    y, p = call.args
    return [(replace(call, args=(a, b), about="this input"), expected_loss(a, b)) for a, b in _smaller_pairs(y, p)]


def _smaller_grad(call: Call, case: tuple[tuple[int, ...], np.ndarray, np.ndarray]) -> list[tuple[Call, Any]]:
    y, p = call.args
    return [(replace(call, args=(a, b), about="this input"), (a.shape, a, b)) for a, b in _smaller_pairs(y, p)]


def build() -> Suite:
    C, E, S = Category.CORRECTNESS, Category.EDGE_CASE, Category.STABILITY
    values = [
        (Call(f"loss-{s}", "bce_loss", (y, p), about=ABOUT_VALUES.format(s=s, shape=shape)), expected_loss(y, p))
        for s, shape in [(1, (10,)), (2, (4, 5)), (3, (2, 3, 4)), (4, (1,))]
        for y, p in [_pair(s, shape)]
    ]
    grads = [
        (Call(f"grad-{s}", "bce_grad", (y, p), about=ABOUT_GRADS.format(s=s, shape=shape)), (shape, y, p))
        for s, shape in [(6, (12,)), (7, (3, 4)), (8, (2, 2, 3))]
        for y, p in [_pair(s, shape, 0.05, 0.95)]
    ]
    mean_y, mean_p = _pair(5, (7,))
    mean = [
        Call("mean-1", "bce_loss", (mean_y, mean_p), about="7 random predictions, seed 5"),
        Call(
            "mean-3",
            "bce_loss",
            (np.tile(mean_y, 3), np.tile(mean_p, 3)),
            about="the same 7 predictions repeated 3 times, seed 5",
        ),
    ]
    extreme_y = np.array([1.0, 0.0, 1.0, 0.0, 1.0, 0.0])
    extreme_p = np.array([0.0, 1.0, 1.0, 0.0, 0.5, 0.5])
    extreme_loss_call, extreme_grad_call = _both("extreme", extreme_y, extreme_p, EXTREME)
    fd_y, fd_p = _pair(9, (2, 3), 0.2, 0.8)
    fd_about = "random predictions in [0.2, 0.8], seed 9, shape (2, 3)"
    list_y, list_p = _pair(10, (9,))
    lists = [
        *_both("list", ListArg(list_y), ListArg(list_p), "Python lists of 9 labels and predictions, seed 10"),
        *_both("array", list_y, list_p, "arrays of 9 labels and predictions, seed 10"),
    ]
    eps_y, eps_p = np.array([1.0, 0.0]), np.array([0.0, 1.0])
    eps = _both("eps", eps_y, eps_p, "y=[1, 0], p=[0, 1], eps=1e-3", kwargs={"eps": 1e-3})
    # eps at its documented meaning: y_pred is clipped to [eps, 1 - eps], so a perfect prediction
    # costs -log(1 - eps) > 0; eps added inside the logs gives -log(1 + eps), a negative loss.
    perfect_y = np.array([1.0, 0.0, 1.0, 0.0])
    perfect = [
        (
            Call(
                f"perfect-{tag}",
                "bce_loss",
                (perfect_y, perfect_y.copy()),
                dict(kw),
                about=f"y = p = [1, 0, 1, 0], {what}",
            ),
            e,
        )
        for tag, kw, what, e in [("eps", {"eps": 0.1}, "eps=0.1", 0.1), ("default", {}, "the default eps=1e-12", EPS)]
    ]
    shape_y, shape_p = _pair(11, (2, 3, 4))
    shape_call = Call("shape-grad", "bce_grad", (shape_y, shape_p), about="random inputs of shape (2, 3, 4), seed 11")
    mismatches = [((3,), (4,)), ((3, 1), (1, 3)), ((6,), (2, 3))]
    bad = [
        Call(
            f"bad-{func}-{i}",
            func,
            (np.zeros(a), np.full(b, 0.5)),
            about=f"y_true of shape {a} and y_pred of shape {b}",
        )
        for i, (a, b) in enumerate(mismatches)
        for func in ("bce_loss", "bce_grad")
    ]
    big = _pair(12, (200_000,))

    def value_fail(r: Returned, got: float, want: float) -> str:
        shown = fmt_pair(got, want)
        return f"bce_loss gave {shown[0]}, but -mean(y log p + (1 - y) log(1 - p)) is {shown[1]} on {r.call.about}."

    def same_mean(results: Mapping[str, Returned]) -> str:
        one, three = (_loss(results[c.id]) for c in mean)
        if not _close(three, one, 1e-9, 1e-12):
            ratio = three / one if one else float("nan")
            raise Fail(
                f"repeating the same 7 predictions 3 times changed the loss from {one:.6g} to {three:.6g} "
                f"({ratio:.3g}x) (seed 5). The loss is a mean over all elements, not a sum."
            )
        return "a mean over elements: repeating the data leaves it unchanged."

    def extreme_loss(results: Mapping[str, Returned]) -> str:
        r = results[extreme_loss_call.id]
        got = _loss(r)
        want = expected_loss(extreme_y, extreme_p)
        if not np.isfinite(got):
            raise Fail(f"bce_loss returned {got} on {r.call.about}. Clip p to [eps, 1 - eps] before taking logs.")
        if not _close(got, want, 1e-3, 1e-9):
            shown = fmt_pair(got, want)
            raise Fail(
                f"bce_loss gave {shown[0]}, expected about {shown[1]} with p clipped to [eps, 1 - "
                f"eps], on {r.call.about}."
            )
        return "finite and right for predictions of exactly 0 and 1."

    def extreme_grad(results: Mapping[str, Returned]) -> str:
        r = results[extreme_grad_call.id]
        g = _grad(r, extreme_p.shape)
        want = expected_grad(extreme_y, extreme_p)
        if not np.all(np.isfinite(g)):
            raise Fail(
                f"bce_grad returned inf or NaN on {r.call.about}. Compute the gradient from the same clipped p as "
                "the loss, so the denominator p (1 - p) is never 0."
            )
        # Sign and 1/N are the formula checks' business; here: finite and of the right size at the clip.
        # eps added to the denominators instead of clipping gives 0 rather than 1/N where p == y: both fine.
        if not _close(np.abs(g), np.abs(want), 1e-3, 1.5 / want.size):
            i = int(np.argmax(np.abs(np.abs(g) - np.abs(want))))
            raise Fail(
                f"bce_grad is {g.flat[i]:.4g} at element {i} on {r.call.about} (y = {extreme_y[i]:g}, "
                f"p = {extreme_p[i]:g}); with p clipped to [eps, 1 - eps] its size should be "
                f"about {abs(want.flat[i]):.4g}."
            )
        return "finite for predictions of exactly 0 and 1."

    def grad_formula(r: Returned, case: tuple[tuple[int, ...], np.ndarray, np.ndarray]) -> None:
        shape, y, p = case
        g, want = _grad(r, shape), expected_grad(y, p)
        if not _close(g, want, 1e-7, 1e-12):
            i = int(np.argmax(np.abs(g - want)))
            sign = " (the sign is flipped)" if np.allclose(g, -want) else ""
            shown = fmt_pair(g.flat[i], want.flat[i])
            raise Fail(
                f"bce_grad differs from (p - y) / (p (1 - p) N) on {r.call.about}{sign}: element {i} "
                f"is {shown[0]}, expected {shown[1]} (ratio {g.flat[i] / want.flat[i]:.3g})."
            )

    def fd_fail(_var: str, g: np.ndarray, fd: np.ndarray, r: Returned) -> str:
        i = int(np.argmax(np.abs(g - fd)))
        shown = fmt_pair(g.flat[i], fd.flat[i])
        return (
            f"bce_grad does not match central finite differences of your own bce_loss (step {FD_STEP:g}) on "
            f"{r.call.about}: element {i} is {shown[0]}, the loss changes at a rate of {shown[1]}."
        )

    def same_for_lists(results: Mapping[str, Returned]) -> str:
        # Lists must give what arrays give: the formula checks judge the values themselves.
        list_loss, list_grad, array_loss, array_grad = (results[c.id] for c in lists)
        got, want = _loss(list_loss), _loss(array_loss)
        if not (got == want or _close(got, want, 1e-9, 1e-12)):
            shown = fmt_pair(got, want)
            raise Fail(
                f"bce_loss gave {shown[0]} for lists but {shown[1]} for the same data as arrays "
                f"({list_loss.call.about})."
            )
        g, want_g = _grad(list_grad, list_p.shape), _grad(array_grad, list_p.shape)
        if not _close(g, want_g, 1e-9, 1e-12):
            raise Fail(
                "bce_grad gave a different gradient for lists than for the same data as arrays "
                f"({list_grad.call.about})."
            )
        return "Python lists work for both functions."

    def returns_float(r: Returned, _want: float) -> None:
        v = r.value
        if v is None or v.kind != "float":
            shape = getattr(getattr(v, "data", None), "shape", None)
            what = f"an array of shape {shape}" if shape is not None else (v.type_name if v else "nothing")
            raise Fail(f"bce_loss returned {what}, not a float, on {r.call.about}.")

    def eps_used(results: Mapping[str, Returned]) -> str:
        r = results[eps[0].id]
        got, want = _loss(r), expected_loss(eps_y, eps_p, 1e-3)
        if not _close(got, want, 1e-6, 1e-9):
            shown = fmt_pair(got, want)
            raise Fail(f"bce_loss gave {shown[0]} on {r.call.about}; clipping to [eps, 1 - eps] gives {shown[1]}.")
        r = results[eps[1].id]
        g = _grad(r, (2,))
        if not _close(np.abs(g), np.abs(expected_grad(eps_y, eps_p, 1e-3)), 1e-2, 1e-9):
            raise Fail(f"bce_grad does not use the eps it was given on {r.call.about}.")
        return "the eps argument is used."

    def perfect_loss(r: Returned, e: float) -> None:
        # The clip in float: 1 - 1e-12 is not exact, so the default eps is judged to 1e-3 (its sign is the point).
        got, want = _loss(r), expected_loss(perfect_y, perfect_y, e)
        if not (np.isfinite(got) and got > 0 and _close(got, want, 1e-3, 0.0)):
            g, w = fmt_pair(got, want)
            why = " A cross-entropy is never negative: is eps added inside the log?" if got < 0 else ""
            raise Fail(
                f"bce_loss gave {g} on {r.call.about}; clipped to [eps, 1 - eps] it is -log(1 - eps) = {w}.{why}"
            )

    def grad_shape(results: Mapping[str, Returned]) -> str:
        r = results[shape_call.id]
        if r.value is None or r.value.kind != "ndarray":
            raise Fail(
                "bce_grad should return an ndarray, got "
                f"{r.value.type_name if r.value else 'nothing'} on {r.call.about}."
            )
        g = r.value.data
        if g.shape != (2, 3, 4) or g.dtype.kind != "f":
            raise Fail(
                f"bce_grad returned {g.shape} {g.dtype} on {r.call.about}; it should be a float array "
                "shaped like y_pred."
            )
        return "the gradient is a float array shaped like y_pred."

    parts = [
        values_close(
            "loss matches the formula",
            C,
            3,
            values,
            _loss,
            rtol=1e-7,
            atol=1e-10,
            fail=value_fail,
            passed="matches the formula on 4 random inputs of shapes (10,), (4, 5), (2, 3, 4), (1,).",
            shrink=_smaller_loss,
            names=("y_true", "y_pred"),
            hint="Compute -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)) over every element.",
        ),
        judged(
            "mean over elements, not sum",
            C,
            1,
            mean,
            same_mean,
            hint="Use np.mean (or divide the sum by y.size), so the loss does not grow with the batch.",
        ),
        judged(
            "loss matches the clipped formula at p = 0 and 1",
            S,
            2,
            [extreme_loss_call],
            extreme_loss,
            hint="p = np.clip(y_pred, eps, 1 - eps) before any log.",
        ),
        judged("gradient finite and clipped at p = 0 and 1", S, 1, [extreme_grad_call], extreme_grad),
        each(
            "eps clips p: a perfect prediction costs -log(1 - eps)",
            E,
            1,
            perfect,
            perfect_loss,
            "a perfect prediction costs -log(1 - eps) > 0, the clip's value, for eps = 0.1 and the default.",
            hint="Clip, p = np.clip(y_pred, eps, 1 - eps), then take log(p): eps added inside the log, "
            "log(p + eps), gives -log(1 + eps) < 0 where p == y.",
        ),
        each(
            "gradient matches the formula",
            C,
            3,
            grads,
            grad_formula,
            "matches (p - y) / (p (1 - p) N) on 3 random inputs.",
            shrink=_smaller_grad,
            names=("y_true", "y_pred"),
            hint=(
                "d/dp of -mean(y log p + (1 - y) log(1 - p)) is (p - y) / (p (1 - p) N); do not "
                "forget the 1/N of the mean."
            ),
        ),
        finite_differences(
            "gradient matches finite differences",
            C,
            2,
            grad_calls=[Call("fd-grad", "bce_grad", (fd_y, fd_p), about=fd_about)],
            gradient=lambda rs: {"p": _grad(rs[0], fd_p.shape)},
            variables={"p": fd_p},
            stepped=lambda _var, p: Call("fd", "bce_loss", (fd_y, p), about=fd_about),
            loss=_loss,
            step=FD_STEP,
            fail=fd_fail,
            passed="agrees with central finite differences of bce_loss.",
            hint=(
                "The gradient must be the derivative of the loss you return: check it with (L(p + h) - L(p - h)) / 2h."
            ),
        ),
        judged(
            "lists accepted",
            E,
            1,
            lists,
            same_for_lists,
            hint="Convert inputs first: y = np.asarray(y_true, dtype=float).",
        ),
        each(
            "returns a float",
            C,
            1,
            values,
            returns_float,
            "bce_loss returns a float.",
            hint="Return float(...) of the mean, not an array.",
        ),
        judged(
            "uses the eps argument",
            E,
            1,
            eps,
            eps_used,
            hint="Clip with the eps parameter, not a constant of your own.",
        ),
        judged(
            "gradient shaped like y_pred",
            C,
            1,
            [shape_call],
            grad_shape,
            hint="Keep the elementwise shape: no flatten, no sum over an axis.",
        ),
        inputs_unchanged(
            "inputs not modified",
            C,
            1,
            _both("kept", extreme_y.copy(), extreme_p.copy(), EXTREME, return_args=(0, 1)),
            ["y_true", "y_pred"],
            why="(clip with out=?)",
            hint="np.clip(y_pred, eps, 1 - eps) returns a new array; clipping with out= changes the caller's data.",
        ),
        value_errors(
            "ValueError on shape mismatch",
            E,
            1,
            bad,
            passed="ValueError when the shapes differ, even when they broadcast or have the same size.",
            why_bad="broadcasting hides the bug",
            hint="Compare y_true.shape with y_pred.shape and raise ValueError when they differ.",
        ),
        performance(
            [timed(func, big, {}, PERF_ABOUT, tag=func) for func in ("bce_loss", "bce_grad")],
            "Use whole-array NumPy operations (np.log, np.clip, np.mean) instead of a Python loop.",
        ),
        loop_style(
            ("bce_loss", "bce_grad"),
            2,
            "the elements",
            "NumPy applies log and clip to whole arrays at once; a Python loop over elements is slow.",
        ),
    ]
    return assemble("bce", ("bce_loss", "bce_grad"), parts, "bce.py", timeout=6.0)
