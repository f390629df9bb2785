"""The hidden suite of drill 14, logistic regression: the exact gradient-descent path, L2, and a stable sigmoid."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

import numpy as np

from interview_prep.grading.checks import (
    assemble,
    close,
    each,
    fewer_rows,
    fmt,
    fmt_pair,
    inputs_unchanged,
    judged,
    loop_style,
    no_warnings,
    performance,
    rounder,
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
    as_array,
    as_float,
    as_tuple,
)


def sigmoid(z: np.ndarray) -> np.ndarray:
    e = np.exp(-np.abs(z))
    return np.asarray(np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e)))


def gd(
    X: np.ndarray,
    y: np.ndarray,
    lr: float,
    epochs: int,
    l2: float = 0.0,
    *,
    reg_bias: bool = False,
    l2_factor: float = 1.0,
) -> tuple[np.ndarray, float]:
    """Full-batch gradient descent from zero, as the docstring promises (and the variants of the
    usual mistakes, for messages: the bias regularized, the L2 gradient off by a factor)."""
    n, d = X.shape
    w, b = np.zeros(d), 0.0
    for _ in range(epochs):
        err = sigmoid(X @ w + b) - y
        gw = X.T @ err / n + l2_factor * l2 * w
        gb = float(np.mean(err)) + (l2_factor * l2 * b if reg_bias else 0.0)
        w, b = w - lr * gw, b - lr * gb
    return w, b


def loss(X: np.ndarray, y: np.ndarray, w: np.ndarray, b: float, l2: float = 0.0) -> float:
    s = X @ w + b
    return float(np.mean(np.logaddexp(0.0, s) - y * s) + l2 / 2 * np.sum(w**2))


def _noisy(seed: int, n: int, d: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, d))
    true_w = rng.normal(scale=1.5, size=d)
    y = (rng.uniform(size=n) < sigmoid(X @ true_w + 0.3)).astype(np.float64)
    return X, y


def _separable(seed: int, n: int, d: int, scale: float = 1.0) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, d))
    direction = rng.normal(size=d)
    margin = X @ direction
    X = X[np.abs(margin) > 0.3][: n // 2 * 2]
    y = (X @ direction > 0).astype(np.float64)
    return X * scale, y


PROBA_ATOL = 1e-12  # how far from the exact sigmoid a probability may be
PERF_ABOUT = "X of shape (2000, 20), epochs=20"
Fit = tuple[np.ndarray, np.ndarray, float, int, float]  # X, y, lr, epochs, l2


def _fit_table(cases: list[tuple[str, np.ndarray, np.ndarray, float, int, float, str]]) -> list[tuple[Call, Fit]]:
    return [
        (Call(cid, "fit", (X, y), {"lr": lr, "epochs": epochs, "l2": l2}, about=about), (X, y, lr, epochs, l2))
        for cid, X, y, lr, epochs, l2, about in cases
    ]


class Inputs:
    """Every call, made in the parent from fixed seeds, with what it is judged against; a call two
    checks judge is one object here."""

    def __init__(self) -> None:
        Xn, yn = _noisy(1, 80, 3)
        Xs, ys = _separable(2, 60, 2)
        Xm, ym = _noisy(3, 50, 4)
        self.fits = _fit_table(
            [
                ("noisy", Xn, yn, 0.1, 50, 0.0, "noisy data, seed 1, n=80, d=3, lr=0.1, epochs=50"),
                ("separable", Xs, ys, 0.5, 200, 0.0, f"separable data, seed 2, n={len(ys)}, d=2, lr=0.5, epochs=200"),
                ("more", Xm, ym, 0.3, 30, 0.0, "noisy data, seed 3, n=50, d=4, lr=0.3, epochs=30"),
            ]
        )
        self.l2 = _fit_table(
            [
                ("l2-noisy", Xn, yn, 0.1, 100, 0.5, "noisy data, seed 1, n=80, d=3, lr=0.1, epochs=100, l2=0.5"),
                (
                    "l2-sep",
                    Xs,
                    ys,
                    0.5,
                    100,
                    0.1,
                    f"separable data, seed 2, n={len(ys)}, d=2, lr=0.5, epochs=100, l2=0.1",
                ),
            ]
        )
        self.shrink_X = Xn
        self.l2_none = Call(
            "l2-none", "fit", (Xn, yn), {"lr": 0.1, "epochs": 100}, about="noisy data, seed 1, lr=0.1, epochs=100"
        )
        # Mostly positives, features centred: a large l2 leaves b near logit(0.8), not near 0 (lr * l2 < 1,
        # so the weights decay rather than oscillate).
        rng = np.random.default_rng(4)
        Xb = rng.normal(size=(40, 2))
        self.bias_fit: Fit = (Xb - Xb.mean(axis=0), (np.arange(40) % 5 != 0).astype(np.float64), 0.2, 200, 2.0)
        Xb, yb, lr, epochs, l2 = self.bias_fit
        self.bias = Call(
            "bias",
            "fit",
            (Xb, yb),
            {"lr": lr, "epochs": epochs, "l2": l2},
            about="centred features, 80% positives, seed 4, n=40, lr=0.2, epochs=200, l2=2",
        )
        self.decrease = (Xm, ym)
        self.dec = [
            Call(f"dec-{e}", "fit", (Xm, ym), {"lr": 0.3, "epochs": e}, about=f"noisy data, seed 3, lr=0.3, epochs={e}")
            for e in (5, 50)
        ]
        self.big = _separable(5, 40, 2, scale=100.0)
        Xg, yg = self.big
        self.big_fit = Call(
            "big-fit",
            "fit",
            (Xg, yg),
            {"lr": 1.0, "epochs": 30},
            about=f"separable data with features of size ~100 (scores in the thousands), seed 5, n={len(yg)}, "
            "lr=1, epochs=30",
        )
        self.zero_X = Xn
        # The start point, through what the contract promises: one step (epochs=1; epochs=0 may be refused)
        # from w = 0, b = 0, where every p is 0.5, lands exactly at -lr * (X.T @ (0.5 - y) / n, mean(0.5 - y)).
        self.zero_y = yn
        self.zero = Call(
            "zero", "fit", (Xn, yn), {"lr": 0.1, "epochs": 1}, about="noisy data, seed 1, lr=0.1, epochs=1"
        )
        self.proba = [
            (
                Call(f"proba-{s}", "predict_proba", (Xp, w, b), about=f"random X, seed {s}, shape {Xp.shape}, b={b}"),
                (Xp, w, b),
            )
            for s, Xp, w, b in [
                (6, np.random.default_rng(6).normal(size=(10, 3)), np.array([0.5, -1.0, 2.0]), 0.25),
                (7, np.random.default_rng(7).normal(size=(1, 4)), np.array([1.0, 1.0, -1.0, 0.0]), -1.5),
            ]
        ]
        self.proba_big_X = np.array([[1000.0], [-1000.0], [0.0], [700.0], [-700.0], [1e4], [-1e4], [36.0]])
        self.proba_big = Call(
            "proba-big",
            "predict_proba",
            (self.proba_big_X, np.array([1.0]), 0.0),
            about="scores of +-700, +-1000, +-1e4, 36 and 0",
        )
        self.lst = _noisy(8, 20, 2)
        Xl, yl = self.lst
        self.lists = [
            Call(
                "list-fit", "fit", (ListArg(Xl), ListArg(yl)), {"epochs": 20}, about="Python lists, seed 8, n=20, d=2"
            ),
            Call("array-fit", "fit", (Xl, yl), {"epochs": 20}, about="arrays, seed 8, n=20, d=2"),
            Call(
                "list-proba",
                "predict_proba",
                (ListArg(Xl), ListArg(np.array([0.5, -0.5])), 0.1),
                about="Python lists, seed 8, n=20, d=2",
            ),
        ]
        self.kept = Call(
            "kept", "fit", (Xl.copy(), yl.copy()), {"epochs": 5}, return_args=(0, 1), about="seed 8, n=20, d=2"
        )
        bad = [
            (np.zeros(5), np.zeros(5), "a 1-D X of shape (5,)"),
            (np.zeros(5), np.zeros(1), "a 1-D X of shape (5,) with 1 label (np.atleast_2d would make X one row)"),
            (np.zeros((2, 3, 4)), np.zeros(2), "a 3-D X of shape (2, 3, 4)"),
            (np.zeros((5, 2)), np.zeros(4), "X (5, 2) with 4 labels"),
            (np.zeros((5, 2)), np.zeros(1), "X (5, 2) with 1 label (it would broadcast)"),
            (np.zeros((4, 4)), np.zeros((4, 1)), "X (4, 4) with a column y of shape (4, 1) (p - y would be (4, 4))"),
        ]
        self.bad = [Call(f"bad-{i}", "fit", (X, y), {"epochs": 3}, about=about) for i, (X, y, about) in enumerate(bad)]
        self.perf = timed("fit", _noisy(9, 2000, 20), {"lr": 0.1, "epochs": 20}, PERF_ABOUT)


def _smaller_fit(call: Call, case: Fit) -> list[tuple[Call, Fit]]:
    """Smaller fits: fewer rows, rounder X, fewer epochs (1 first); the same lr and l2."""
    X, y, lr, epochs, l2 = case
    data = [(X[idx], y[idx]) for idx in fewer_rows(len(y), 2)] + [(Xr, y) for Xr in rounder(X)]
    fits = [(Xs, ys, epochs) for Xs, ys in data] + [(X, y, e) for e in sorted({1, epochs // 2}) if 1 <= e < epochs]
    return [
        (replace(call, args=(Xs, ys), kwargs={**call.kwargs, "epochs": e}, about="this input"), (Xs, ys, lr, e, l2))
        for Xs, ys, e in fits
    ]


def _fit(r: Returned, d: int) -> tuple[np.ndarray, float]:
    w, b = as_tuple(r.value, 2, "fit")
    return as_array(w, "w from fit", shape=(d,)).astype(np.float64), as_float(b, "b from fit")


def _near(w: np.ndarray, b: float, want_w: np.ndarray, want_b: float, rtol: float = 1e-6) -> bool:
    got = np.append(w, b)
    want = np.append(want_w, want_b)
    scale = max(1.0, float(np.linalg.norm(want)))
    return bool(np.all(np.isfinite(got)) and float(np.linalg.norm(got - want)) <= rtol * scale)


def _fmt(v: np.ndarray) -> str:
    return "[" + ", ".join(f"{x:.4g}" for x in v) + "]"


def build() -> Suite:
    inp = Inputs()

    def diagnose(X: np.ndarray, y: np.ndarray, lr: float, epochs: int, l2: float, w: np.ndarray, b: float) -> str:
        """What the returned fit matches instead, said the way an interviewer would."""
        if not np.all(np.isfinite(w)) or not np.isfinite(b):
            return " It holds NaN or inf: does the sigmoid overflow?"
        if loss(X, y, w, b) > loss(X, y, np.zeros_like(w), 0.0):
            return " Its loss is higher than at w = 0, b = 0: is the step going uphill (a sign error)?"
        variants = [
            (gd(X, y, lr, epochs, l2, reg_bias=True), "the bias is regularized too; the docstring leaves b out"),
            (
                gd(X, y, lr, epochs, l2, l2_factor=0.5),
                "the L2 gradient is l2 / 2 * w; (l2 / 2) ||w||^2 has gradient l2 * w",
            ),
            (
                gd(X, y, lr, epochs, l2, l2_factor=2.0),
                "the L2 gradient is 2 * l2 * w; (l2 / 2) ||w||^2 has gradient l2 * w",
            ),
        ]
        for (vw, vb), why in variants:
            if l2 > 0 and _near(w, b, vw, vb):
                return f" It matches gradient descent where {why}."
        return ""

    def matches(r: Returned, case: Fit) -> None:
        X, y, lr, epochs, l2 = case
        w, b = _fit(r, X.shape[1])
        want_w, want_b = gd(X, y, lr, epochs, l2)
        if not _near(w, b, want_w, want_b):
            raise Fail(
                f"fit returned w = {_fmt(w)}, b = {b:.4g} on {r.call.about}, not the result of {epochs} "
                f"full-batch gradient steps from w = 0, b = 0.{diagnose(X, y, lr, epochs, l2, w, b)}"
            )

    def shrink(results: Mapping[str, Returned]) -> str:
        d = inp.shrink_X.shape[1]
        w0, _b0 = _fit(results[inp.l2_none.id], d)
        w1, _b1 = _fit(results[inp.l2[0][0].id], d)
        n0, n1 = float(np.linalg.norm(w0)), float(np.linalg.norm(w1))
        if not n1 < 0.9 * n0:
            raise Fail(
                f"l2=0.5 did not shrink the weights on noisy data (seed 1, lr=0.1, epochs=100): ||w|| is {n1:.4g} "
                f"with it and {n0:.4g} without."
            )
        return f"l2=0.5 shrinks ||w|| from {n0:.3g} to {n1:.3g}."

    def bias(results: Mapping[str, Returned]) -> str:
        Xb, yb, lr, epochs, l2 = inp.bias_fit
        r = results[inp.bias.id]
        w, b = _fit(r, Xb.shape[1])
        _want_w, want_b = gd(Xb, yb, lr, epochs, l2)
        # Only the bias is judged here (the L2 check judges w): within 5% of the unregularized path's b,
        # far from the 0.13 a regularized bias ends at.
        if not abs(b - want_b) <= 0.05 * abs(want_b):
            _rw, rb = gd(Xb, yb, lr, epochs, l2, reg_bias=True)
            if abs(b - rb) <= 0.05 * abs(want_b):
                raise Fail(
                    f"on {r.call.about}, b = {b:.4g}: the L2 penalty pulled the bias toward 0 as well (unregularized "
                    f"it would be about {want_b:.3g}, near logit(0.8) = 1.39)."
                )
            shown = fmt_pair(b, want_b, 4)
            raise Fail(f"fit returned b = {shown[0]} on {r.call.about}, expected about {shown[1]}.")
        return "the bias is not regularized."

    def decreases(results: Mapping[str, Returned]) -> str:
        Xm, ym = inp.decrease
        l0 = loss(Xm, ym, np.zeros(Xm.shape[1]), 0.0)
        l5 = loss(Xm, ym, *_fit(results[inp.dec[0].id], Xm.shape[1]))
        l50 = loss(Xm, ym, *_fit(results[inp.dec[1].id], Xm.shape[1]))
        if not (np.isfinite(l50) and l50 < l5 < l0):
            raise Fail(
                f"the training loss does not go down on noisy data (seed 3, lr=0.3): {l0:.4g} at the start, "
                f"{l5:.4g} after 5 epochs, {l50:.4g} after 50."
            )
        return f"the loss goes down: {l0:.3g} at the start, {l5:.3g} after 5 epochs, {l50:.3g} after 50."

    def big_fit(results: Mapping[str, Returned]) -> str:
        Xg, yg = inp.big
        r = results[inp.big_fit.id]
        w, b = _fit(r, Xg.shape[1])
        if not (np.all(np.isfinite(w)) and np.isfinite(b)):
            raise Fail(f"fit returned NaN or inf on {r.call.about}: the sigmoid overflows for large scores.")
        want_w, want_b = gd(Xg, yg, 1.0, 30)
        if not _near(w, b, want_w, want_b):
            raise Fail(f"fit returned w = {_fmt(w)}, b = {b:.4g} on {r.call.about}, not the gradient-descent path.")
        return "finite and exact when the scores are in the thousands."

    def zero(results: Mapping[str, Returned]) -> str:
        r = results[inp.zero.id]
        X, y = inp.zero_X, inp.zero_y
        w, b = _fit(r, X.shape[1])
        want_w, want_b = -0.1 * (X.T @ (0.5 - y) / len(y)), -0.1 * float(np.mean(0.5 - y))
        if not _near(w, b, want_w, want_b, 1e-9):
            raise Fail(
                f"after one epoch, fit returned w = {_fmt(w)}, b = {fmt(b, 4)} on {r.call.about}; one step from "
                f"w = 0, b = 0 (where every p is 0.5) gives w = {_fmt(want_w)}, b = {fmt(want_b, 4)}: it should start "
                "from w = 0, b = 0 (no random init)."
            )
        return "one epoch from w = 0, b = 0 lands where one gradient step from zero does."

    def types(results: Mapping[str, Returned]) -> str:
        for call, (X, *_rest) in inp.fits:
            r = results[call.id]
            w, b = as_tuple(r.value, 2, "fit")
            d = X.shape[1]
            if w.kind != "ndarray" or w.data.shape != (d,) or w.data.dtype.kind != "f":
                shape = f"shape {w.data.shape}, dtype {w.data.dtype}" if w.kind == "ndarray" else w.type_name
                raise Fail(f"w should be a ({d},) float array, got {shape} on {r.call.about}.")
            if b.kind != "float":
                raise Fail(f"b should be a float, got {b.type_name} on {r.call.about}.")
        for call, (Xp, *_r) in inp.proba:
            r = results[call.id]
            v = r.value
            if v is None or v.kind != "ndarray" or v.data.shape != (Xp.shape[0],) or v.data.dtype.kind != "f":
                what = f"shape {v.data.shape}" if v is not None and v.kind == "ndarray" else "something else"
                raise Fail(
                    f"predict_proba should return an ({Xp.shape[0]},) float array, got {what} on {r.call.about}."
                )
        return "fit returns a (d,) float array and a float; predict_proba an (n,) float array."

    def proba(r: Returned, case: tuple[np.ndarray, np.ndarray, float]) -> None:
        Xp, w, b = case
        got = as_array(r.value, "what predict_proba returned", shape=(Xp.shape[0],)) if r.value else None
        want = sigmoid(Xp @ w + b)
        if got is None or not close(got, want, 1e-9, 1e-12):
            raise Fail(f"predict_proba differs from sigmoid(X @ w + b) on {r.call.about}.")

    def proba_big(results: Mapping[str, Returned]) -> str:
        r = results[inp.proba_big.id]
        got = as_array(r.value, "what predict_proba returned", shape=(inp.proba_big_X.shape[0],)) if r.value else None
        want = sigmoid(inp.proba_big_X[:, 0])
        if got is None or not np.all(np.isfinite(got)):
            raise Fail(f"predict_proba returned NaN or inf on {r.call.about}: exp of a large score overflows.")
        outside = np.flatnonzero((got < 0) | (got > 1))
        if outside.size:
            i = int(outside[0])
            score = fmt(inp.proba_big_X[i, 0])
            raise Fail(f"predict_proba gave {fmt(got[i], 17)} for a score of {score}: outside [0, 1].")
        # The contract promises values in [0, 1], finite, with no overflow warning: within 1e-12 of the
        # exact sigmoid, so a sigmoid that clips the score to [-35, 35] (1 - 6.7e-16 at 1000) is right too.
        if not close(got, want, 1e-9, PROBA_ATOL):
            i = int(np.argmax(np.abs(got - want)))
            g, w = fmt_pair(got[i], want[i])
            raise Fail(f"predict_proba gave {g} for a score of {fmt(inp.proba_big_X[i, 0])}, expected {w}.")
        no_warnings(r, "the contract promises no overflow warning for scores of +-1000 (exp(1000) overflows)")
        return "finite, in [0, 1], within 1e-12 of the sigmoid and without a warning for scores of +-1000 and +-1e4."

    def lists(results: Mapping[str, Returned]) -> str:
        r, arr, r_proba = (results[c.id] for c in inp.lists)
        (w, b), (aw, ab) = _fit(r, 2), _fit(arr, 2)
        if not _near(w, b, aw, ab, 1e-9):
            raise Fail(f"fit gave a different result for {r.call.about} than for the same data as arrays.")
        r = r_proba
        Xl, _yl = inp.lst
        got = as_array(r.value, "what predict_proba returned", shape=(len(Xl),)) if r.value else None
        if got is None or not close(got, sigmoid(Xl @ np.array([0.5, -0.5]) + 0.1), 1e-9, 1e-12):
            raise Fail(f"predict_proba is wrong on {r.call.about}.")
        return "Python lists work for X, y and w."

    C, E, S = Category.CORRECTNESS, Category.EDGE_CASE, Category.STABILITY
    parts = [
        each(
            "fit matches full-batch gradient descent",
            C,
            4,
            inp.fits,
            matches,
            f"matches full-batch gradient descent from zero on {len(inp.fits)} data sets.",
            shrink=_smaller_fit,
            names=("X", "y"),
            hint="Each epoch: p = sigmoid(X @ w + b); w -= lr * (X.T @ (p - y) / n + l2 * w); b -= lr * mean(p - y).",
        ),
        judged(
            "starts from w = 0, b = 0",
            C,
            1,
            [inp.zero],
            zero,
            hint="Initialize with np.zeros(d) and 0.0: the docstring fixes the starting point.",
        ),
        judged(
            "loss decreases with more epochs",
            C,
            2,
            inp.dec,
            decreases,
            hint="Step against the gradient: w = w - lr * grad_w.",
        ),
        each(
            "L2 penalty (l2 / 2) * ||w||^2 applied",
            C,
            2,
            inp.l2,
            matches,
            f"matches full-batch gradient descent from zero on {len(inp.l2)} data sets.",
            shrink=_smaller_fit,
            names=("X", "y"),
            hint="The gradient of (l2 / 2) * sum(w ** 2) is l2 * w; add it to the weight gradient only.",
        ),
        judged(
            "L2 shrinks the weights",
            C,
            1,
            [inp.l2_none, inp.l2[0][0]],
            shrink,
            hint="Add l2 * w to the weight gradient.",
        ),
        judged(
            "bias not regularized",
            C,
            1,
            [inp.bias],
            bias,
            hint="Leave b out of the penalty: grad_b = mean(p - y), with no l2 term.",
        ),
        judged(
            "returns (w, b): a (d,) float array and a float",
            C,
            1,
            [c for c, _ in inp.fits + inp.proba],
            types,
            hint="Keep w 1-D (no column vectors) and return float(b).",
        ),
        each(
            "predict_proba matches sigmoid(X @ w + b)",
            C,
            2,
            inp.proba,
            proba,
            "matches sigmoid(X @ w + b).",
            hint="Return the sigmoid of the scores, one per row of X.",
        ),
        judged(
            "sigmoid stable for scores of +-1000",
            S,
            2,
            [inp.proba_big],
            proba_big,
            hint="Use exp(-|z|): 1 / (1 + e) where z >= 0 and e / (1 + e) where z < 0.",
        ),
        judged(
            "fit finite for large scores",
            S,
            1,
            [inp.big_fit],
            big_fit,
            hint="The sigmoid inside fit must be the stable one too.",
        ),
        judged(
            "lists accepted",
            E,
            1,
            inp.lists,
            lists,
            hint="Convert first: X = np.asarray(X, dtype=float).",
        ),
        inputs_unchanged(
            "inputs not modified", C, 1, [inp.kept], ["X", "y"], hint="Work on new arrays; never write into X or y."
        ),
        value_errors(
            "ValueError on bad shapes",
            E,
            1,
            inp.bad,
            hint="Check X.ndim == 2 and y.shape == (X.shape[0],), and raise ValueError otherwise.",
        ),
        performance([inp.perf], "One matrix product per epoch: X.T @ (p - y) / n, not a loop over the samples."),
        loop_style(
            ("fit", "predict_proba"),
            1,
            "the samples",
            "The gradient over all samples is one matrix product, X.T @ (p - y) / n.",
        ),
    ]
    return assemble("logistic-regression", ("fit", "predict_proba"), parts, "logistic_regression.py")
