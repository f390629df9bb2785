"""The hidden suite of drill 15, a two-layer network with backprop: forward, every gradient, stability, a step."""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import replace

import numpy as np

from interview_prep.grading.checks import (
    assemble,
    each,
    fewer_rows,
    finite_differences,
    fmt_pair,
    judged,
    loop_style,
    performance,
    rounder,
    timed,
)
from interview_prep.grading.report import Category
from interview_prep.grading.suite import (
    Call,
    Fail,
    Returned,
    Suite,
    Unusable,
    Value,
    as_array,
    as_dict,
    as_float,
    as_tuple,
)

KEYS = ("W1", "b1", "W2", "b2")
FD_STEP = 1e-5
SGD_LR = 0.05
Params = dict[str, np.ndarray]


def make_params(rng: np.random.Generator, d: int, h: int, c: int) -> Params:
    return {
        "W1": rng.normal(scale=0.8, size=(d, h)),
        "b1": rng.normal(scale=0.8, size=h),  # large enough that the bias flips the sign of some units
        "W2": rng.normal(scale=0.8, size=(h, c)),
        "b2": rng.normal(scale=0.5, size=c),
    }


def expected_scores(X: np.ndarray, p: Params) -> np.ndarray:
    return np.asarray(np.maximum(X @ p["W1"] + p["b1"], 0.0) @ p["W2"] + p["b2"], dtype=np.float64)


def expected_loss_grads(X: np.ndarray, y: np.ndarray, p: Params) -> tuple[float, Params]:
    n = X.shape[0]
    h = X @ p["W1"] + p["b1"]
    a = np.maximum(h, 0.0)
    s = a @ p["W2"] + p["b2"]
    s = s - s.max(axis=1, keepdims=True)
    log_norm = np.log(np.exp(s).sum(axis=1))
    loss = float(np.mean(log_norm - s[np.arange(n), y]))
    ds = np.exp(s - log_norm[:, None])
    ds[np.arange(n), y] -= 1.0
    ds /= n
    dh = (ds @ p["W2"].T) * (h > 0)
    return loss, {"W1": X.T @ dh, "b1": dh.sum(axis=0), "W2": a.T @ ds, "b2": ds.sum(axis=0)}


class Case:
    """A network and a batch, made from a seed: X (n, d), y (n,), params."""

    def __init__(self, seed: int, n: int, d: int, h: int, c: int, kink_margin: float = 0.0) -> None:
        rng = np.random.default_rng(seed)
        while True:
            self.X = rng.normal(size=(n, d))
            self.y = rng.integers(0, c, size=n)
            self.params = make_params(rng, d, h, c)
            # Finite differences across a ReLU kink measure neither side: keep pre-activations away from 0.
            if np.min(np.abs(self.X @ self.params["W1"] + self.params["b1"])) > kink_margin:
                break
        self.seed, self.shape = seed, (n, d, h, c)
        self.about = f"random data, seed {seed}, n={n}, d={d}, hidden={h}, classes={c}"


class Inputs:
    def __init__(self) -> None:
        self.cases = [Case(1, 10, 4, 6, 3), Case(2, 1, 3, 5, 2), Case(3, 25, 8, 16, 10), Case(4, 40, 6, 12, 5)]
        self.fd = Case(21, 6, 3, 4, 3, kink_margin=50 * FD_STEP)
        # relu'(0): integer inputs and a hidden unit whose weights and bias are exactly 0, so its
        # pre-activation is exactly 0 for every example; the unit's own gradients must then be 0.
        zero = Case(5, 8, 3, 4, 3)
        zero.X = np.round(zero.X * 3)
        zero.params["W1"][:, 1] = 0.0
        zero.params["b1"][1] = 0.0
        zero.about = (
            "integer inputs, seed 5, n=8, d=3, hidden=4, classes=3, hidden unit 1 with pre-activation exactly 0"
        )
        self.zero = zero
        # Scores of about +-1000: b2 dominates the output layer.
        big = Case(6, 6, 3, 4, 4)
        big.params["b2"] = np.array([1000.0, -1000.0, 0.0, 999.0])
        # The true classes are the two large scores: a max-shifted softmax followed by a log is exact
        # there too, so only the unshifted exp(1000) overflow fails (the bug this check names).
        big.y = np.array([0, 3, 3, 0, 0, 3])
        big.about = (
            "seed 6, n=6, classes=4, scores of about +1000, -1000, 0 and +999 (b2 = [1000, -1000, 0, 999]), "
            "true classes 0 and 3"
        )
        self.big = big
        # Confidently wrong rows: the same network, every true class the one scoring -1000. Only
        # log-sum-exp is finite here; -log(softmax[y]) takes log(0) = -inf, however well it is shifted.
        wrong = Case(6, 6, 3, 4, 4)
        wrong.params = big.params
        wrong.y = np.array([1, 1, 1, 1, 1, 1])
        wrong.about = (
            "seed 6, n=6, classes=4, scores of about +1000, -1000, 0 and +999 (b2 = [1000, -1000, 0, 999]), "
            "every true class the one scoring -1000 (confidently wrong)"
        )
        self.wrong = wrong
        self.sgd = Case(7, 30, 5, 8, 4)
        self.kept = Case(8, 7, 4, 5, 3)
        self.perf = Case(9, 20000, 20, 32, 5)


PERF_ABOUT = "a batch of n=20000, d=20, hidden=32, classes=5 (backward timed)"


def _scores(r: Returned, n: int, c: int) -> np.ndarray:
    if r.value is None:
        raise Unusable("forward returned nothing")
    return as_array(r.value, "the scores from forward", shape=(n, c)).astype(np.float64)


def _loss_and_grads(r: Returned) -> tuple[float, dict[str, Value]]:
    loss_v, grads_v = as_tuple(r.value, 2, "backward")
    return as_float(loss_v, "the loss from backward"), as_dict(grads_v, "the grads from backward", KEYS)


def _grad(grads: Mapping[str, Value], key: str, shape: tuple[int, ...]) -> np.ndarray:
    return as_array(grads[key], f"grads['{key}']", shape=shape).astype(np.float64)


def _all_grads(r: Returned, params: Params) -> dict[str, np.ndarray]:
    _, grads = _loss_and_grads(r)
    return {k: _grad(grads, k, params[k].shape) for k in KEYS}


def _where(arr: np.ndarray, i: int) -> str:
    idx = np.unravel_index(i, arr.shape)
    return f"[{', '.join(str(int(j)) for j in idx)}]"


def _diagnose(key: str, got: np.ndarray, want: np.ndarray, n: int) -> str:
    """What a wrong gradient looks like: a sign, a factor of n, or just where it is off."""
    finite = np.all(np.isfinite(got))
    if finite and np.allclose(got, -want, rtol=1e-5, atol=1e-9):
        return " (its sign is flipped)"
    if finite and n > 1 and np.allclose(got, n * want, rtol=1e-5, atol=1e-9):
        return f" (it is n = {n} times too large: the 1/n of the mean is missing)"
    if finite and n > 1 and np.allclose(got * n, want, rtol=1e-5, atol=1e-9):
        return f" (it is n = {n} times too small: the 1/n is applied twice)"
    return ""


def _fewer_examples(call: Call, c: Case) -> list[tuple[Call, Case]]:
    """The same network on fewer examples (and on rounder inputs): forward's (X, params) or backward's
    (X, y, params)."""
    n, d, h, k = c.shape
    out = []
    for X, y in [(c.X[idx], c.y[idx]) for idx in fewer_rows(n)] + [(Xr, c.y) for Xr in rounder(c.X)]:
        small = copy.copy(c)
        small.X, small.y, small.shape, small.about = X, y, (len(X), d, h, k), "this input"
        args = (X, y, c.params) if call.func == "backward" else (X, c.params)
        out.append((replace(call, args=args, about="this input"), small))
    return out


def build() -> Suite:
    inp = Inputs()
    fwd = [(Call(f"fwd-{c.seed}", "forward", (c.X, c.params), about=c.about), c) for c in inp.cases]
    bwd = [(Call(f"bwd-{c.seed}", "backward", (c.X, c.y, c.params), about=c.about), c) for c in inp.cases]
    fd = inp.fd
    z, big, sgd, k = inp.zero, inp.big, inp.sgd, inp.kept
    zero_call = Call("zero", "backward", (z.X, z.y, z.params), about=z.about)
    big_calls = [
        Call("big-fwd", "forward", (big.X, big.params), about=big.about),
        Call("big-bwd", "backward", (big.X, big.y, big.params), about=big.about),
        Call("wrong-bwd", "backward", (inp.wrong.X, inp.wrong.y, inp.wrong.params), about=inp.wrong.about),
    ]
    sgd_call = Call("sgd", "backward", (sgd.X, sgd.y, sgd.params), about=sgd.about)
    kept_calls = [
        Call("kept-fwd", "forward", (k.X, k.params), return_args=(0, 1), about=k.about),
        Call("kept-bwd", "backward", (k.X, k.y, k.params), return_args=(0, 1, 2), about=k.about),
    ]

    def forward_value(r: Returned, c: Case) -> None:
        n, _d, _h, k = c.shape
        got, want = _scores(r, n, k), expected_scores(c.X, c.params)
        if not (np.all(np.isfinite(got)) and np.allclose(got, want, rtol=1e-7, atol=1e-9)):
            i = int(np.argmax(np.abs(got - want)))
            shown = fmt_pair(got.flat[i], want.flat[i])
            raise Fail(
                f"forward's scores differ from relu(X @ W1 + b1) @ W2 + b2 on {r.call.about}: "
                f"score {_where(got, i)} is {shown[0]}, expected {shown[1]}."
            )

    def loss_value(r: Returned, c: Case) -> None:
        if r.value is not None and r.value.kind in ("tuple", "list") and r.value.data:
            first = r.value.data[0]
            if first.kind == "ndarray":
                raise Fail(f"backward's loss is {_describe_loss(first)}, not a float, on {r.call.about}.")
        got, _ = _loss_and_grads(r)
        want, _ = expected_loss_grads(c.X, c.y, c.params)
        if not (np.isfinite(got) and np.isclose(got, want, rtol=1e-7, atol=1e-10)):
            n = c.shape[0]
            why = ""
            if np.isclose(got, n * want, rtol=1e-7):
                why = f" ({n} times it: a sum over the batch, not the mean)"
            shown = fmt_pair(got, want)
            raise Fail(
                f"backward's loss is {shown[0]} on {r.call.about}; the mean softmax cross-entropy "
                f"of y is {shown[1]}{why}."
            )

    def shapes(results: Mapping[str, Returned]) -> str:
        for call, c in bwd:
            r = results[call.id]
            _, grads = _loss_and_grads(r)
            for k in KEYS:
                want = c.params[k].shape
                g = grads[k]
                if g.kind != "ndarray" or not isinstance(g.data, np.ndarray):
                    raise Fail(f"grads['{k}'] is {_describe_loss(g)}, not an array, on {r.call.about}.")
                arr = g.data
                if arr.shape != want:
                    extra = ""
                    if arr.shape == want[::-1] and len(want) == 2:
                        extra = " (transposed)"
                    elif k.startswith("b") and arr.ndim == 2 and arr.shape[1:] == want:
                        extra = " (not summed over the batch)"
                    raise Fail(
                        f"grads['{k}'] has shape {arr.shape}, but {k} has shape {want}{extra}, on {r.call.about}."
                    )
                if arr.dtype.kind != "f":
                    raise Fail(f"grads['{k}'] has dtype {arr.dtype}; gradients are float arrays ({r.call.about}).")
        return "one float gradient per parameter, each shaped like it."

    def fd_fail(k: str, g: np.ndarray, num: np.ndarray, r: Returned) -> str:
        i = int(np.argmax(np.abs(g - num)))
        shown = fmt_pair(g.flat[i], num.flat[i])
        return (
            f"grads['{k}'] does not match central finite differences of your own loss (step {FD_STEP:g}) on "
            f"{r.call.about}: element {_where(g, i)} is {shown[0]}, but the loss changes at a rate of "
            f"{shown[1]}{_diagnose(k, g, num, fd.shape[0])}."
        )

    def chain_rule(r: Returned, c: Case) -> None:
        got = _all_grads(r, c.params)
        _, want = expected_loss_grads(c.X, c.y, c.params)
        for k in KEYS:
            g, w = got[k], want[k]
            if not (np.all(np.isfinite(g)) and np.allclose(g, w, rtol=1e-6, atol=1e-9)):
                i = int(np.argmax(np.abs(g - w)))
                shown = fmt_pair(g.flat[i], w.flat[i])
                raise Fail(
                    f"grads['{k}'] is wrong on {r.call.about}: element {_where(g, i)} is {shown[0]}, "
                    f"expected {shown[1]}{_diagnose(k, g, w, c.shape[0])}."
                )

    def relu_zero(results: Mapping[str, Returned]) -> str:
        z = inp.zero
        r = results[zero_call.id]
        got = _all_grads(r, z.params)
        _, want = expected_loss_grads(z.X, z.y, z.params)
        for k, unit in (("b1", np.s_[1]), ("W1", np.s_[:, 1])):
            g = got[k][unit]
            if not np.allclose(g, 0.0, atol=1e-12):
                raise Fail(
                    f"grads['{k}'] for hidden unit 1 is {np.round(g, 6).tolist()} on {r.call.about}; its "
                    "pre-activation is exactly 0 there, and relu'(0) is 0, so it should be 0."
                )
        for k in KEYS:
            if not np.allclose(got[k], want[k], rtol=1e-6, atol=1e-9):
                raise Fail(f"grads['{k}'] is wrong on {r.call.about}, where a hidden unit's input is exactly 0.")
        return "a unit whose pre-activation is exactly 0 passes no gradient."

    def stable(results: Mapping[str, Returned]) -> str:
        # Only finiteness here: whether the values are right is the formula checks' business, so a
        # wrong gradient is reported once, by the check that names it.
        big = inp.big
        n, _d, _h, k = big.shape
        r = results[big_calls[0].id]
        if not np.all(np.isfinite(_scores(r, n, k))):
            raise Fail(f"forward returned inf or NaN scores on {r.call.about}.")
        r = results[big_calls[1].id]
        loss, _ = _loss_and_grads(r)
        if not np.isfinite(loss):
            raise Fail(f"backward's loss is {loss} on {r.call.about}: exp(1000) overflows to inf.")
        got = _all_grads(r, big.params)
        for key in KEYS:
            if not np.all(np.isfinite(got[key])):
                raise Fail(f"grads['{key}'] holds inf or NaN on {r.call.about}: exp(1000) overflows to inf.")
        r = results[big_calls[2].id]
        loss, _ = _loss_and_grads(r)
        if not np.isfinite(loss):
            raise Fail(
                f"backward's loss is {loss} on {r.call.about}: softmax[y] underflows to 0 there and log(0) is "
                "-inf. Take log p_y = s_y - max(s) - log(sum(exp(s - max(s)))) (log-sum-exp), never the log "
                "of a softmax."
            )
        got = _all_grads(r, inp.wrong.params)
        for key in KEYS:
            if not np.all(np.isfinite(got[key])):
                raise Fail(f"grads['{key}'] holds inf or NaN on {r.call.about}, where the true class scores -1000.")
        return "loss and gradients stay finite for scores of +-1000, the true class at the top or at the bottom."

    def sgd_step(results: Mapping[str, Returned]) -> str:
        s = inp.sgd
        r = results[sgd_call.id]
        got = _all_grads(r, s.params)
        before, _ = expected_loss_grads(s.X, s.y, s.params)
        stepped = {k: s.params[k] - SGD_LR * got[k] for k in KEYS}
        after, _ = expected_loss_grads(s.X, s.y, stepped)
        if not after < before:
            raise Fail(
                f"one gradient-descent step (learning rate {SGD_LR}) along your grads raised the loss from "
                f"{before:.6g} to {after:.6g} on {r.call.about}: the gradient points uphill."
            )
        return f"one step of learning rate {SGD_LR} lowers the loss from {before:.4g} to {after:.4g}."

    def kept(results: Mapping[str, Returned]) -> str:
        for call, params_at in zip(kept_calls, (1, 2), strict=True):
            r = results[call.id]
            after = r.args_after.get(0)
            if after is None or after.kind != "ndarray" or not np.array_equal(after.data, k.X):
                raise Fail(f"{r.call.func} modified the caller's X on {r.call.about}.")
            p_after = r.args_after.get(params_at)
            if p_after is None or p_after.kind != "dict" or set(p_after.data) != set(KEYS):
                raise Fail(
                    f"{r.call.func} changed the keys of the caller's params dict on {r.call.about} "
                    f"(now {sorted(p_after.data) if p_after is not None and p_after.kind == 'dict' else '?'}): "
                    "is grads the same dict as params?"
                )
            for key in KEYS:
                v = p_after.data[key]
                if v.kind != "ndarray" or not np.array_equal(v.data, k.params[key]):
                    raise Fail(
                        f"{r.call.func} modified params['{key}'] of the caller on {r.call.about} "
                        "(is grads the same dict as params, or an array updated in place?)."
                    )
        return "X and every parameter are left as they were."

    C, S, E = Category.CORRECTNESS, Category.STABILITY, Category.EDGE_CASE
    bwd_calls = [c for c, _ in bwd]
    p = inp.perf
    parts = [
        each(
            "forward matches relu(X W1 + b1) W2 + b2",
            C,
            2,
            fwd,
            forward_value,
            "matches relu(X @ W1 + b1) @ W2 + b2 on 4 random networks (n from 1 to 40).",
            shrink=_fewer_examples,
            names=("X", "params"),
            hint="Compute h = X @ W1 + b1, a = np.maximum(h, 0), scores = a @ W2 + b2.",
        ),
        each(
            "loss is the mean softmax cross-entropy",
            C,
            2,
            bwd,
            loss_value,
            "the mean softmax cross-entropy on 4 random networks, as a float.",
            shrink=_fewer_examples,
            names=("X", "y", "params"),
            hint="loss = mean over the batch of log(sum_j exp(s_j)) - s_y, returned as float(...).",
        ),
        judged(
            "gradients shaped like their parameters",
            C,
            1,
            bwd_calls,
            shapes,
            hint="grads needs the keys of params, each gradient with its parameter's shape: bias gradients "
            "sum over the batch (axis=0), and dW = input.T @ upstream gradient.",
        ),
        finite_differences(
            "gradients match finite differences",
            C,
            3,
            grad_calls=[Call("fd-grad", "backward", (fd.X, fd.y, fd.params), about=fd.about)],
            gradient=lambda rs: _all_grads(rs[0], fd.params),
            variables={key: fd.params[key] for key in KEYS},
            stepped=lambda key, moved: Call("fd", "backward", (fd.X, fd.y, {**fd.params, key: moved}), about=fd.about),
            loss=lambda r: _loss_and_grads(r)[0],
            step=FD_STEP,
            fail=fd_fail,
            passed="every gradient (W1, b1, W2, b2) agrees with central finite differences of the loss.",
            hint="Compare each analytic gradient with (L(theta + h) - L(theta - h)) / 2h: carry the chain rule "
            "through softmax, W2, the ReLU gate (h > 0) and W1, with the 1/n of the mean.",
        ),
        each(
            "gradients match the chain rule",
            C,
            2,
            bwd,
            chain_rule,
            "every gradient matches the chain rule on 4 random networks (n from 1 to 40).",
            shrink=_fewer_examples,
            names=("X", "y", "params"),
            hint="dscores = (softmax - onehot(y)) / n; dW2 = a.T @ dscores; db2 = dscores.sum(0); "
            "dh = (dscores @ W2.T) * (h > 0); dW1 = X.T @ dh; db1 = dh.sum(0).",
        ),
        judged(
            "relu'(0) taken as 0",
            E,
            1,
            [zero_call],
            relu_zero,
            hint="Gate with (h > 0), not (h >= 0): the contract takes relu'(0) as 0.",
        ),
        judged(
            "finite at scores of +-1000",
            S,
            2,
            big_calls,
            stable,
            hint="Shift each row of scores by its max before np.exp (log-sum-exp); the softmax is unchanged.",
        ),
        judged(
            "one SGD step lowers the loss",
            C,
            1,
            [sgd_call],
            sgd_step,
            hint="The gradient must point uphill so that params - lr * grads goes downhill; check its sign.",
        ),
        judged(
            "X and params not modified",
            C,
            1,
            kept_calls,
            kept,
            hint="Build a new grads dict ({} or dict comprehension) and never update params' arrays in place.",
        ),
        performance(
            [timed("backward", (p.X, p.y, p.params), {}, PERF_ABOUT)],
            "Process the whole batch with matrix products (X @ W1, a.T @ dscores) instead of a loop over examples.",
        ),
        loop_style(
            ("forward", "backward"),
            1,
            "the examples",
            "Matrix products handle the whole batch at once; a Python loop over examples is slow.",
        ),
    ]
    return assemble("mlp-backprop", ("forward", "backward"), parts, "mlp_backprop.py", timeout=8.0)


def _describe_loss(v: Value) -> str:
    if v.kind == "ndarray" and isinstance(v.data, np.ndarray):
        return f"an array of shape {v.data.shape}"
    return f"a {v.type_name}"
