"""The hidden suite of question 2, binary cross-entropy: values, stability and the gradient, checked three ways."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

import numpy as np

from interview_prep.grading.checks import loop_style_check, performance_check, raises_value_error, timing_calls
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


class Inputs:
    def __init__(self) -> None:
        self.values = [
            (s, shape, *_pair(s, shape)) for s, shape in [(1, (10,)), (2, (4, 5)), (3, (2, 3, 4)), (4, (1,))]
        ]
        y, p = _pair(5, (7,))
        self.mean_y, self.mean_p = y, p
        self.mean_y2, self.mean_p2 = np.tile(y, 3), np.tile(p, 3)
        self.extreme_y = np.array([1.0, 0.0, 1.0, 0.0, 1.0, 0.0])
        self.extreme_p = np.array([0.0, 1.0, 1.0, 0.0, 0.5, 0.5])
        self.grads = [
            (s, shape, *_pair(s, shape, 0.05, 0.95)) for s, shape in [(6, (12,)), (7, (3, 4)), (8, (2, 2, 3))]
        ]
        self.fd_y, self.fd_p = _pair(9, (2, 3), 0.2, 0.8)
        self.list_y, self.list_p = _pair(10, (9,))
        self.eps_y, self.eps_p = np.array([1.0, 0.0]), np.array([0.0, 1.0])
        self.shape_y, self.shape_p = _pair(11, (2, 3, 4))
        self.kept_y, self.kept_p = self.extreme_y.copy(), self.extreme_p.copy()
        big_y, big_p = _pair(12, (200_000,))
        self.perf = (big_y, big_p)


PERF_ABOUT = "200000 predictions (bce_loss and bce_grad each timed)"


def _calls(inp: Inputs) -> list[Call]:
    calls: list[Call] = []
    for s, shape, y, p in inp.values:
        calls.append(
            Call(
                f"loss-{s}",
                "bce_loss",
                (y, p),
                about=f"random labels and predictions in [0.01, 0.99], seed {s}, shape {shape}",
            )
        )
    calls += [
        Call("mean-1", "bce_loss", (inp.mean_y, inp.mean_p), about="7 random predictions, seed 5"),
        Call("mean-3", "bce_loss", (inp.mean_y2, inp.mean_p2), about="the same 7 predictions repeated 3 times, seed 5"),
        Call(
            "extreme-loss",
            "bce_loss",
            (inp.extreme_y, inp.extreme_p),
            about="predictions of exactly 0 and 1, shape (6,)",
        ),
        Call(
            "extreme-grad",
            "bce_grad",
            (inp.extreme_y, inp.extreme_p),
            about="predictions of exactly 0 and 1, shape (6,)",
        ),
    ]
    for s, shape, y, p in inp.grads:
        calls.append(
            Call(
                f"grad-{s}",
                "bce_grad",
                (y, p),
                about=f"random labels and predictions in [0.05, 0.95], seed {s}, shape {shape}",
            )
        )
    fd_about = "random predictions in [0.2, 0.8], seed 9, shape (2, 3)"
    calls.append(Call("fd-grad", "bce_grad", (inp.fd_y, inp.fd_p), about=fd_about))
    for i in range(inp.fd_p.size):
        for sign, tag in ((1, "plus"), (-1, "minus")):
            p = inp.fd_p.copy()
            p.flat[i] += sign * FD_STEP
            calls.append(Call(f"fd-{tag}-{i}", "bce_loss", (inp.fd_y, p), about=fd_about))
    calls += [
        Call(
            "list-loss",
            "bce_loss",
            (ListArg(inp.list_y), ListArg(inp.list_p)),
            about="Python lists of 9 labels and predictions, seed 10",
        ),
        Call(
            "list-grad",
            "bce_grad",
            (ListArg(inp.list_y), ListArg(inp.list_p)),
            about="Python lists of 9 labels and predictions, seed 10",
        ),
        Call("array-loss", "bce_loss", (inp.list_y, inp.list_p), about="arrays of 9 labels and predictions, seed 10"),
        Call("array-grad", "bce_grad", (inp.list_y, inp.list_p), about="arrays of 9 labels and predictions, seed 10"),
        Call("eps-loss", "bce_loss", (inp.eps_y, inp.eps_p), {"eps": 1e-3}, about="y=[1, 0], p=[0, 1], eps=1e-3"),
        Call("eps-grad", "bce_grad", (inp.eps_y, inp.eps_p), {"eps": 1e-3}, about="y=[1, 0], p=[0, 1], eps=1e-3"),
        Call("shape-grad", "bce_grad", (inp.shape_y, inp.shape_p), about="random inputs of shape (2, 3, 4), seed 11"),
        Call(
            "kept-loss",
            "bce_loss",
            (inp.kept_y, inp.kept_p),
            return_args=(0, 1),
            about="predictions of exactly 0 and 1, shape (6,)",
        ),
        Call(
            "kept-grad",
            "bce_grad",
            (inp.kept_y, inp.kept_p),
            return_args=(0, 1),
            about="predictions of exactly 0 and 1, shape (6,)",
        ),
    ]
    mismatches = [((3,), (4,)), ((3, 1), (1, 3)), ((6,), (2, 3))]
    for i, (a, b) in enumerate(mismatches):
        for func in ("bce_loss", "bce_grad"):
            calls.append(
                Call(
                    f"bad-{func}-{i}",
                    func,
                    (np.zeros(a), np.full(b, 0.5)),
                    about=f"y_true of shape {a} and y_pred of shape {b}",
                )
            )
    big_y, big_p = inp.perf
    for func in ("bce_loss", "bce_grad"):
        user, ref = timing_calls(func, (big_y, big_p), {}, PERF_ABOUT)
        calls += [replace(user, id=f"{user.id}-{func}"), replace(ref, id=f"{ref.id}-{func}")]
    return calls


def _loss(r: Returned) -> float:
    return as_float(r.value, "bce_loss")


def _grad(r: Returned, shape: tuple[int, ...]) -> np.ndarray:
    if r.value is None:
        raise Unusable("bce_grad returned nothing")
    return as_array(r.value, "the gradient from bce_grad", shape=shape).astype(np.float64)


def _close(got: float | np.ndarray, want: float | np.ndarray, rtol: float, atol: float) -> bool:
    return bool(np.all(np.isfinite(got)) and np.allclose(got, want, rtol=rtol, atol=atol))


def build() -> Suite:
    inp = Inputs()
    calls = _calls(inp)

    def values(results: Mapping[str, Returned]) -> str:
        for s, _shape, y, p in inp.values:
            r = results[f"loss-{s}"]
            got, want = _loss(r), expected_loss(y, p)
            if not _close(got, want, 1e-7, 1e-10):
                raise Fail(
                    f"bce_loss gave {got:.6g}, but -mean(y log p + (1 - y) log(1 - p)) is {want:.6g} on {r.call.about}."
                )
        return "matches the formula on 4 random inputs of shapes (10,), (4, 5), (2, 3, 4), (1,)."

    def mean(results: Mapping[str, Returned]) -> str:
        one, three = _loss(results["mean-1"]), _loss(results["mean-3"])
        if not _close(three, one, 1e-9, 1e-12):
            ratio = three / one if one else float("nan")
            raise Fail(
                f"repeating the same 7 predictions 3 times changed the loss from {one:.6g} to {three:.6g} "
                f"({ratio:.3g}x) (seed 5). The loss is a mean over all elements, not a sum."
            )
        return "a mean over elements: repeating the data leaves it unchanged."

    def extreme_loss(results: Mapping[str, Returned]) -> str:
        r = results["extreme-loss"]
        got = _loss(r)
        want = expected_loss(inp.extreme_y, inp.extreme_p)
        if not np.isfinite(got):
            raise Fail(f"bce_loss returned {got} on {r.call.about}. Clip p to [eps, 1 - eps] before taking logs.")
        if not _close(got, want, 1e-3, 1e-9):
            raise Fail(
                f"bce_loss gave {got:.6g}, expected about {want:.6g} with p clipped to [eps, 1 - "
                f"eps], on {r.call.about}."
            )
        return "finite and right for predictions of exactly 0 and 1."

    def extreme_grad(results: Mapping[str, Returned]) -> str:
        r = results["extreme-grad"]
        g = _grad(r, inp.extreme_p.shape)
        want = expected_grad(inp.extreme_y, inp.extreme_p)
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
                f"bce_grad is {g.flat[i]:.4g} at element {i} on {r.call.about} (y = {inp.extreme_y[i]:g}, "
                f"p = {inp.extreme_p[i]:g}); with p clipped to [eps, 1 - eps] its size should be "
                f"about {abs(want.flat[i]):.4g}."
            )
        return "finite for predictions of exactly 0 and 1."

    def grads(results: Mapping[str, Returned]) -> str:
        for s, shape, y, p in inp.grads:
            r = results[f"grad-{s}"]
            g, want = _grad(r, shape), expected_grad(y, p)
            if not _close(g, want, 1e-7, 1e-12):
                i = int(np.argmax(np.abs(g - want)))
                sign = " (the sign is flipped)" if np.allclose(g, -want) else ""
                raise Fail(
                    f"bce_grad differs from (p - y) / (p (1 - p) N) on {r.call.about}{sign}: element {i} "
                    f"is {g.flat[i]:.6g}, expected {want.flat[i]:.6g} (ratio {g.flat[i] / want.flat[i]:.3g})."
                )
        return "matches (p - y) / (p (1 - p) N) on 3 random inputs."

    def finite_diff(results: Mapping[str, Returned]) -> str:
        r = results["fd-grad"]
        g = _grad(r, inp.fd_p.shape)
        fd = np.zeros_like(inp.fd_p)
        for i in range(inp.fd_p.size):
            up, down = _loss(results[f"fd-plus-{i}"]), _loss(results[f"fd-minus-{i}"])
            fd.flat[i] = (up - down) / (2 * FD_STEP)
        if not _close(g, fd, 1e-4, 1e-6):
            i = int(np.argmax(np.abs(g - fd)))
            raise Fail(
                f"bce_grad does not match central finite differences of your own bce_loss (step {FD_STEP:g}) on "
                f"{r.call.about}: element {i} is {g.flat[i]:.6g}, the loss changes at a rate of {fd.flat[i]:.6g}."
            )
        return "agrees with central finite differences of bce_loss."

    def lists(results: Mapping[str, Returned]) -> str:
        # Lists must give what arrays give: the formula checks judge the values themselves.
        r, ref = results["list-loss"], results["array-loss"]
        got, want = _loss(r), _loss(ref)
        if not (got == want or _close(got, want, 1e-9, 1e-12)):
            raise Fail(
                f"bce_loss gave {got:.6g} for lists but {want:.6g} for the same data as arrays ({r.call.about})."
            )
        r, ref = results["list-grad"], results["array-grad"]
        g, want_g = _grad(r, inp.list_p.shape), _grad(ref, inp.list_p.shape)
        if not _close(g, want_g, 1e-9, 1e-12):
            raise Fail(
                f"bce_grad gave a different gradient for lists than for the same data as arrays ({r.call.about})."
            )
        return "Python lists work for both functions."

    def returns_float(results: Mapping[str, Returned]) -> str:
        for s, *_rest in inp.values:
            v = results[f"loss-{s}"].value
            if v is None or v.kind != "float":
                shape = getattr(getattr(v, "data", None), "shape", None)
                what = f"an array of shape {shape}" if shape is not None else (v.type_name if v else "nothing")
                raise Fail(f"bce_loss returned {what}, not a float, on {results[f'loss-{s}'].call.about}.")
        return "bce_loss returns a float."

    def eps_used(results: Mapping[str, Returned]) -> str:
        r = results["eps-loss"]
        got, want = _loss(r), expected_loss(inp.eps_y, inp.eps_p, 1e-3)
        if not _close(got, want, 1e-6, 1e-9):
            raise Fail(f"bce_loss gave {got:.6g} on {r.call.about}; clipping to [eps, 1 - eps] gives {want:.6g}.")
        r = results["eps-grad"]
        g = _grad(r, (2,))
        if not _close(np.abs(g), np.abs(expected_grad(inp.eps_y, inp.eps_p, 1e-3)), 1e-2, 1e-9):
            raise Fail(f"bce_grad does not use the eps it was given on {r.call.about}.")
        return "the eps argument is used."

    def grad_shape(results: Mapping[str, Returned]) -> str:
        r = results["shape-grad"]
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

    def kept(results: Mapping[str, Returned]) -> str:
        for cid, func in (("kept-loss", "bce_loss"), ("kept-grad", "bce_grad")):
            r = results[cid]
            for i, name, orig in ((0, "y_true", inp.kept_y), (1, "y_pred", inp.kept_p)):
                after = r.args_after.get(i)
                if after is None or after.kind != "ndarray" or not np.array_equal(after.data, orig):
                    raise Fail(f"{func} modified the caller's {name} in place on {r.call.about} (clip with out=?).")
        return "inputs are left as they were."

    def mismatch(results: Mapping[str, Returned]) -> str:
        return raises_value_error(
            results,
            [i for i in ids if i.startswith("bad-")],
            passed="ValueError when the shapes differ, even when they broadcast or have the same size.",
            why_bad="broadcasting hides the bug",
        )

    def perf(results: Mapping[str, Returned]) -> str:
        notes = []
        for func in ("bce_loss", "bce_grad"):
            sub = {"perf-user": results[f"perf-user-{func}"], "perf-reference": results[f"perf-reference-{func}"]}
            notes.append(performance_check(func, PERF_ABOUT, "").judge(sub))
        return " ".join(notes)

    C, E, S = Category.CORRECTNESS, Category.EDGE_CASE, Category.STABILITY
    ids = [c.id for c in calls]
    checks = [
        Check(
            "loss matches the formula",
            C,
            3,
            tuple(f"loss-{s}" for s, *_r in inp.values),
            values,
            hint="Compute -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)) over every element.",
        ),
        Check(
            "mean over elements, not sum",
            C,
            1,
            ("mean-1", "mean-3"),
            mean,
            hint="Use np.mean (or divide the sum by y.size), so the loss does not grow with the batch.",
        ),
        Check(
            "loss finite at p = 0 and p = 1",
            S,
            2,
            ("extreme-loss",),
            extreme_loss,
            hint="p = np.clip(y_pred, eps, 1 - eps) before any log.",
        ),
        Check("gradient finite at p = 0 and p = 1", S, 1, ("extreme-grad",), extreme_grad),
        Check(
            "gradient matches the formula",
            C,
            3,
            tuple(f"grad-{s}" for s, *_r in inp.grads),
            grads,
            hint=(
                "d/dp of -mean(y log p + (1 - y) log(1 - p)) is (p - y) / (p (1 - p) N); do not "
                "forget the 1/N of the mean."
            ),
        ),
        Check(
            "gradient matches finite differences",
            C,
            2,
            tuple(i for i in ids if i.startswith("fd-")),
            finite_diff,
            hint=(
                "The gradient must be the derivative of the loss you return: check it with (L(p + h) - L(p - h)) / 2h."
            ),
        ),
        Check(
            "lists accepted",
            E,
            1,
            ("list-loss", "list-grad", "array-loss", "array-grad"),
            lists,
            hint="Convert inputs first: y = np.asarray(y_true, dtype=float).",
        ),
        Check(
            "returns a float",
            C,
            1,
            tuple(f"loss-{s}" for s, *_r in inp.values),
            returns_float,
            hint="Return float(...) of the mean, not an array.",
        ),
        Check(
            "uses the eps argument",
            E,
            1,
            ("eps-loss", "eps-grad"),
            eps_used,
            hint="Clip with the eps parameter, not a constant of your own.",
        ),
        Check(
            "gradient shaped like y_pred",
            C,
            1,
            ("shape-grad",),
            grad_shape,
            hint="Keep the elementwise shape: no flatten, no sum over an axis.",
        ),
        Check(
            "inputs not modified",
            C,
            1,
            ("kept-loss", "kept-grad"),
            kept,
            hint="np.clip(y_pred, eps, 1 - eps) returns a new array; clipping with out= changes the caller's data.",
        ),
        Check(
            "ValueError on shape mismatch",
            E,
            1,
            tuple(i for i in ids if i.startswith("bad-")),
            mismatch,
            hint="Compare y_true.shape with y_pred.shape and raise ValueError when they differ.",
            may_raise=True,
        ),
        Check(
            "vectorized: time on a large input",
            Category.PERFORMANCE,
            2,
            tuple(i for i in ids if i.startswith("perf-")),
            perf,
            hint="Use whole-array NumPy operations (np.log, np.clip, np.mean) instead of a Python loop.",
        ),
        loop_style_check(
            ("bce_loss", "bce_grad"),
            2,
            "the elements",
            "NumPy applies log and clip to whole arrays at once; a Python loop over elements is slow.",
        ),
    ]
    return Suite("bce", ("bce_loss", "bce_grad"), tuple(calls), tuple(checks), "bce.py", timeout=6.0)
