"""The hidden suite of drill 16, a batchnorm layer: training and inference statistics, running updates, gradients."""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import replace

import numpy as np

from interview_prep.grading.checks import (
    Timed,
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
    FromCall,
    Returned,
    Suite,
    Value,
    as_array,
    as_dict,
    as_tuple,
)

FD_STEP = 1e-6
FWD, BWD = "batchnorm_forward", "batchnorm_backward"


def normalize(
    x: np.ndarray, gamma: np.ndarray, beta: np.ndarray, mean: np.ndarray, var: np.ndarray, eps: float
) -> np.ndarray:
    return np.asarray(gamma * (x - mean) / np.sqrt(var + eps) + beta, dtype=np.float64)


class Case:
    """A batch and a layer, made from a seed: x (N, D) with per-feature offsets and scales, gamma, beta, running."""

    def __init__(self, seed: int, n: int, d: int, *, eps: float = 1e-5, momentum: float = 0.9) -> None:
        rng = np.random.default_rng(seed)
        self.x = rng.normal(size=(n, d)) * rng.uniform(0.5, 4.0, size=d) + rng.uniform(-5, 5, size=d)
        self.gamma = rng.uniform(0.5, 2.0, size=d)
        self.beta = rng.normal(size=d)
        self.running = {"mean": rng.normal(size=d), "var": rng.uniform(0.5, 3.0, size=d)}
        self.eps, self.momentum = eps, momentum
        self.atol = 1e-9  # how far out may be from the formula (float noise of summing x)
        self.seed, self.n, self.d = seed, n, d
        self.about = f"random x, seed {seed}, N={n}, D={d}, eps={eps:g}, momentum={momentum:g}"

    def kwargs(self, train: bool) -> dict[str, object]:
        return {"eps": self.eps, "running": self.running, "momentum": self.momentum, "train": train}

    def train_out(self, ddof: int = 0) -> np.ndarray:
        return normalize(self.x, self.gamma, self.beta, self.x.mean(0), self.x.var(0, ddof=ddof), self.eps)

    def new_running(self, ddof: int = 0, momentum: float | None = None) -> dict[str, np.ndarray]:
        m = self.momentum if momentum is None else momentum
        return {
            "mean": m * self.running["mean"] + (1 - m) * self.x.mean(0),
            "var": m * self.running["var"] + (1 - m) * self.x.var(0, ddof=ddof),
        }


class Inputs:
    def __init__(self) -> None:
        # Far from the origin: the variance as mean(x**2) - mean(x)**2 cancels catastrophically at 1e7.
        far = Case(11, 20, 3)
        far.x = far.x + 1e7
        # At 1e7 one ulp is 2e-9, so a plain running sum over the rows is off by ~1e-8; the moment
        # formula's cancellation is off by ~1e-2.
        far.atol = 1e-6
        far.about = f"random x shifted by 1e7 (spread about 1), seed 11, N=20, D=3, eps={far.eps:g}, momentum=0.9"
        # Integer x ("numbers"): a buffer made like x would be an int array.
        ints = Case(12, 12, 3)
        ints.x = np.round(ints.x).astype(np.int64)
        ints.about = f"integer x (dtype int64), seed 12, N=12, D=3, eps={ints.eps:g}, momentum=0.9"
        self.train = [
            Case(1, 16, 4),
            Case(2, 7, 3, momentum=0.8),
            Case(3, 50, 6, eps=0.1, momentum=0.99),
            far,
            ints,
        ]
        self.none = Case(4, 12, 3)
        self.infer = Case(5, 10, 4)
        self.kept = Case(6, 9, 3)
        const = Case(7, 8, 3)
        const.x[:, 1] = 3.0
        const.about = "seed 7, N=8, D=3, feature 1 constant (every value 3.0), eps=1e-05"
        self.const = const
        self.const_dout = np.random.default_rng(70).normal(size=(8, 3))
        self.fd = Case(8, 5, 3)
        self.fd_dout = np.random.default_rng(80).normal(size=(5, 3))
        self.shape = Case(9, 11, 2)
        self.shape_dout = np.random.default_rng(90).normal(size=(11, 2))
        self.perf = Case(10, 40_000, 8)
        self.perf_dout = np.random.default_rng(100).normal(size=(40_000, 8))


PERF_ABOUT = "a batch of N=40000, D=8 (batchnorm_forward in training mode, then batchnorm_backward)"


def _forward(r: Returned, shape: tuple[int, int]) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    """out and new_running of a forward call, checked for shape."""
    out_v, _cache, run_v = as_tuple(r.value, 3, FWD)
    out = as_array(out_v, f"out from {FWD}", shape=shape).astype(np.float64)
    running = as_dict(run_v, f"new_running from {FWD}", ("mean", "var"))
    return out, {k: as_array(v, f"new_running['{k}']", shape=shape[1:]).astype(np.float64) for k, v in running.items()}


def _backward(r: Returned, shape: tuple[int, int]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    dx_v, dg_v, db_v = as_tuple(r.value, 3, BWD)
    return (
        as_array(dx_v, "dx", shape=shape).astype(np.float64),
        as_array(dg_v, "dgamma", shape=shape[1:]).astype(np.float64),
        as_array(db_v, "dbeta", shape=shape[1:]).astype(np.float64),
    )


def _close(got: np.ndarray, want: np.ndarray, rtol: float = 1e-7, atol: float = 1e-9) -> bool:
    return bool(np.all(np.isfinite(got)) and np.allclose(got, want, rtol=rtol, atol=atol))


def _first_diff(got: np.ndarray, want: np.ndarray, expected: str = "expected") -> str:
    i = int(np.argmax(np.abs(np.nan_to_num(got - want, nan=np.inf))))
    idx = ", ".join(str(int(j)) for j in np.unravel_index(i, got.shape))
    shown = fmt_pair(got.flat[i], want.flat[i])
    return f"element [{idx}] is {shown[0]}, {expected} {shown[1]}"


def _fewer_rows(call: Call, c: Case) -> list[tuple[Call, Case]]:
    """The same layer on fewer rows of x (at least 2, so a batch has a spread), then on rounder x."""
    out = []
    for x in [c.x[idx] for idx in fewer_rows(c.n, 2)] + rounder(c.x):
        small = copy.copy(c)
        small.x, small.n, small.about = x, len(x), "this input"
        out.append((replace(call, args=(x, *call.args[1:]), about="this input"), small))
    return out


def build() -> Suite:
    inp = Inputs()
    train = [
        (Call(f"train-{c.seed}", FWD, (c.x, c.gamma, c.beta), c.kwargs(True), about=c.about), c) for c in inp.train
    ]
    n = inp.none
    none_call = Call("none", FWD, (n.x, n.gamma, n.beta), {"train": True}, about=f"{n.about}, running=None")
    i = inp.infer
    infer_calls = [
        Call("infer", FWD, (i.x, i.gamma, i.beta), i.kwargs(False), about=f"{i.about}, train=False"),
        Call(
            "infer-one", FWD, (i.x[:1], i.gamma, i.beta), i.kwargs(False), about=f"{i.about}, train=False, row 0 alone"
        ),
    ]
    k = inp.kept
    kept_calls = [
        Call(
            f"kept-{t}",
            FWD,
            (k.x, k.gamma, k.beta, k.eps, k.running, k.momentum, t),
            return_args=(0, 1, 2, 4),
            about=f"{k.about}, train={t}",
        )
        for t in (True, False)
    ]

    def layer(cid: str, case: Case, dout: np.ndarray) -> tuple[Call, Call]:
        """A forward pass in training mode and the backward pass through its cache."""
        fwd = Call(f"{cid}-fwd", FWD, (case.x, case.gamma, case.beta), case.kwargs(True), about=case.about)
        return fwd, Call(f"{cid}-bwd", BWD, (dout, FromCall(fwd.id, 1)), about=case.about)

    const_calls = layer("const", inp.const, inp.const_dout)
    f = inp.fd
    fd_calls = layer("fd", f, inp.fd_dout)
    shape_calls = layer("shape", inp.shape, inp.shape_dout)
    p = inp.perf
    fwd_timed = timed(FWD, (p.x, p.gamma, p.beta), p.kwargs(True), PERF_ABOUT)
    bwd_timed = Timed(
        BWD,
        PERF_ABOUT,
        Call(
            "perf-user-bwd",
            BWD,
            (inp.perf_dout, FromCall(fwd_timed.user.id, 1)),
            repeat=2,
            send=False,
            about=PERF_ABOUT,
        ),
        Call(
            "perf-reference-bwd",
            BWD,
            (inp.perf_dout, FromCall(fwd_timed.reference.id, 1)),
            module="reference",
            repeat=3,
            send=False,
            about=PERF_ABOUT,
        ),
    )

    def training(r: Returned, c: Case) -> None:
        out, _ = _forward(r, (c.n, c.d))
        want = c.train_out()
        if _close(out, want, atol=c.atol):
            return
        xhat = (out - c.beta) / c.gamma
        stats = f"(out - beta) / gamma has per-feature means {np.round(xhat.mean(0), 4).tolist()} and " + (
            f"standard deviations {np.round(xhat.std(0), 4).tolist()}"
        )
        why = ""
        if _close(out, c.train_out(ddof=1)):
            why = " It matches the unbiased variance (ddof=1); batchnorm divides by N: x.var(axis=0)."
        elif _close(out, normalize(c.x, c.gamma, c.beta, c.x.mean(0), c.x.var(0), 1e-5)):
            why = f" It matches eps=1e-05, but this call passed eps={c.eps:g}."
        elif _close(out, normalize(c.x, c.gamma, c.beta, c.x.mean(0), c.x.var(0), 0.0), rtol=1e-9, atol=1e-12):
            why = " It matches a normalization without eps under the square root."
        elif c.x.mean() > 1e6:
            why = (
                " This far from the origin, a variance computed as mean(x**2) - mean(x)**2 cancels "
                "catastrophically: use x.var(axis=0), the mean of (x - mean)**2."
            )
        elif _close(out, normalize(c.x, c.gamma, c.beta, c.running["mean"], c.running["var"], c.eps)):
            why = " It matches the running statistics; training mode normalizes with the batch's own."
        raise Fail(f"training-mode out is wrong on {c.about}: {_first_diff(out, want)}; {stats}.{why}")

    def running_update(r: Returned, c: Case) -> None:
        _, got = _forward(r, (c.n, c.d))
        want = c.new_running()
        for key in ("mean", "var"):
            if _close(got[key], want[key]):
                continue
            why = ""
            if _close(got[key], c.new_running(momentum=1 - c.momentum)[key]):
                why = (
                    " It matches (1 - momentum) * running + momentum * batch: the convention is reversed; "
                    "the old running value keeps the weight momentum."
                )
            elif key == "var" and _close(got[key], c.new_running(ddof=1)[key]):
                why = " It matches the unbiased batch variance (ddof=1); the contract uses x.var(axis=0)."
            elif _close(got[key], c.running[key]):
                why = " It is the old running value: training mode must update it."
            raise Fail(
                f"new_running['{key}'] is wrong on {c.about}: {_first_diff(got[key], want[key])} "
                f"(momentum * running + (1 - momentum) * batch {key}).{why}"
            )

    def none_running(results: Mapping[str, Returned]) -> str:
        c = inp.none
        r = results[none_call.id]
        _, got = _forward(r, (c.n, c.d))  # out is the training check's business
        want = {"mean": 0.1 * c.x.mean(0), "var": 0.9 + 0.1 * c.x.var(0)}
        for key in ("mean", "var"):
            if not _close(got[key], want[key]):
                raise Fail(
                    f"new_running['{key}'] is wrong on {r.call.about}: {_first_diff(got[key], want[key])}; with "
                    "running=None the old statistics are mean 0 and variance 1."
                )
        return "running=None starts from mean 0 and variance 1."

    def inference(results: Mapping[str, Returned]) -> str:
        c = inp.infer
        r = results[infer_calls[0].id]
        out, got_running = _forward(r, (c.n, c.d))
        want = normalize(c.x, c.gamma, c.beta, c.running["mean"], c.running["var"], c.eps)
        if not _close(out, want):
            why = ""
            if _close(out, c.train_out()):
                why = " It matches the batch's own mean and variance: inference must use running['mean'] and ['var']."
            raise Fail(f"inference-mode out is wrong on {r.call.about}: {_first_diff(out, want)}.{why}")
        one, _ = _forward(results[infer_calls[1].id], (1, c.d))
        if not _close(one, out[:1]):
            raise Fail(
                f"at inference, example 0 alone gives {np.round(one[0], 4).tolist()} but "
                f"{np.round(out[0], 4).tolist()} inside its batch ({c.about}): the output must not depend on the batch."
            )
        for key in ("mean", "var"):
            if not _close(got_running[key], c.running[key], rtol=0, atol=0):
                raise Fail(
                    f"inference changed the running statistics on {r.call.about}: new_running['{key}'] should be "
                    f"running['{key}'] unchanged ({_first_diff(got_running[key], c.running[key])})."
                )
        return "inference normalizes with the running statistics, example by example, and leaves them unchanged."

    def kept(results: Mapping[str, Returned]) -> str:
        for call in kept_calls:
            r = results[call.id]
            for pos, name, orig in ((0, "x", k.x), (1, "gamma", k.gamma), (2, "beta", k.beta)):
                after = r.args_after.get(pos)
                if after is None or after.kind != "ndarray" or not np.array_equal(after.data, orig):
                    raise Fail(f"{FWD} modified the caller's {name} in place on {r.call.about}.")
            after = r.args_after.get(4)
            if after is None or after.kind != "dict" or set(after.data) != {"mean", "var"}:
                raise Fail(f"{FWD} changed the keys of the caller's running dict on {r.call.about}.")
            for key in ("mean", "var"):
                v = after.data[key]
                if v.kind != "ndarray" or not np.array_equal(v.data, k.running[key]):
                    raise Fail(
                        f"{FWD} modified the caller's running['{key}'] in place on {r.call.about}: return a new "
                        "dict and leave the one you were given alone."
                    )
        return "x, gamma, beta and the running dict are left as they were."

    def constant(results: Mapping[str, Returned]) -> str:
        c = inp.const
        r = results[const_calls[0].id]
        out, _ = _forward(r, (c.n, c.d))
        if not np.all(np.isfinite(out)):
            raise Fail(
                f"out holds inf or NaN on {r.call.about}: its batch variance is 0, so (x - mean) / sqrt(var) is 0 / 0."
            )
        if not _close(out[:, 1], np.full(c.n, c.beta[1])):
            raise Fail(f"a constant feature should come out as beta (x - mean is 0), but does not on {r.call.about}.")
        r = results[const_calls[1].id]
        grads = _backward(r, (c.n, c.d))
        for name, g in zip(("dx", "dgamma", "dbeta"), grads, strict=True):
            if not np.all(np.isfinite(g)):
                raise Fail(f"{name} from {BWD} holds inf or NaN on {r.call.about}.")
        return "a constant feature gives beta and finite gradients (eps keeps 1 / sqrt(var + eps) finite)."

    def shapes(results: Mapping[str, Returned]) -> str:
        for call, case in ((shape_calls[1], inp.shape), (fd_calls[1], inp.fd)):
            r = results[call.id]
            items = as_tuple(r.value, 3, BWD)
            want = {"dx": (case.n, case.d), "dgamma": (case.d,), "dbeta": (case.d,)}
            for (name, shape), v in zip(want.items(), items, strict=True):
                if v.kind != "ndarray" or not isinstance(v.data, np.ndarray):
                    raise Fail(f"{name} from {BWD} is {_describe(v)}, not an array, on {r.call.about}.")
                if v.data.shape != shape:
                    extra = " (not summed over the batch)" if v.data.shape == (case.n, case.d) else ""
                    raise Fail(f"{name} has shape {v.data.shape}, expected {shape}{extra}, on {r.call.about}.")
                if v.data.dtype.kind != "f":
                    raise Fail(f"{name} has dtype {v.data.dtype}; gradients are float arrays ({r.call.about}).")
        return "dx is (N, D); dgamma and dbeta are (D,) float arrays."

    def fd_fail(name: str, g: np.ndarray, num: np.ndarray, _r: Returned) -> str:
        why = ""
        if name == "x":
            inv_std = 1 / np.sqrt(f.x.var(0) + f.eps)
            if _close(g, inp.fd_dout * f.gamma * inv_std, rtol=1e-6):
                why = (
                    " It is dout * gamma / sqrt(var + eps): the paths through the batch mean and variance "
                    "are missing (every row's output depends on every row)."
                )
        return (
            f"d{name} does not match central finite differences of L = sum(out * dout) through your own "
            f"{FWD} (step {FD_STEP:g}) on {f.about}: {_first_diff(g, num, 'finite differences give')}.{why}"
        )

    def stepped(name: str, moved: np.ndarray) -> Call:
        args = {"x": f.x, "gamma": f.gamma, "beta": f.beta, name: moved}
        return Call("fd", FWD, (args["x"], args["gamma"], args["beta"]), f.kwargs(True), about=f.about)

    C, S, E = Category.CORRECTNESS, Category.STABILITY, Category.EDGE_CASE
    parts = [
        each(
            "training output normalized with batch statistics",
            C,
            3,
            train,
            training,
            "training mode normalizes each feature with the batch mean and biased variance (eps used).",
            shrink=_fewer_rows,
            names=("x", "gamma", "beta"),
            hint="mean = x.mean(axis=0), var = x.var(axis=0), out = gamma * (x - mean) / np.sqrt(var + eps) + beta.",
        ),
        each(
            "running statistics updated with momentum",
            C,
            2,
            train,
            running_update,
            "running mean and variance move as momentum * running + (1 - momentum) * batch statistic.",
            shrink=_fewer_rows,
            names=("x", "gamma", "beta"),
            hint="new = momentum * running + (1 - momentum) * batch, for the mean and the biased variance.",
        ),
        judged(
            "running=None means mean 0 and variance 1",
            E,
            1,
            [none_call],
            none_running,
            hint="With running=None, start from np.zeros(D) for the mean and np.ones(D) for the variance.",
        ),
        judged(
            "inference uses the running statistics",
            C,
            2,
            infer_calls,
            inference,
            hint="With train=False, normalize with running['mean'] and running['var'] and return copies of them.",
        ),
        judged(
            "inputs not modified",
            C,
            1,
            kept_calls,
            kept,
            hint="Build new_running as a new dict of new arrays; `running['mean'] *= momentum` changes the caller's.",
        ),
        judged(
            "constant feature stays finite",
            S,
            2,
            const_calls,
            constant,
            hint="Divide by np.sqrt(var + eps), never by np.sqrt(var) or x.std(axis=0).",
        ),
        judged(
            "gradients shaped (N, D), (D,), (D,)",
            C,
            1,
            [*shape_calls, *fd_calls],
            shapes,
            hint="dgamma and dbeta sum over the batch: (dout * xhat).sum(axis=0) and dout.sum(axis=0).",
        ),
        finite_differences(
            "gradients match finite differences",
            C,
            3,
            grad_calls=fd_calls,
            gradient=lambda rs: dict(zip(("x", "gamma", "beta"), _backward(rs[1], (f.n, f.d)), strict=True)),
            variables={"x": f.x, "gamma": f.gamma, "beta": f.beta},
            stepped=stepped,
            loss=lambda r: _forward(r, (f.n, f.d))[0],
            change=lambda up, down: float(np.sum((up - down) * inp.fd_dout)),
            step=FD_STEP,
            fail=fd_fail,
            passed="dx, dgamma and dbeta agree with central finite differences through the forward pass.",
            hint="dbeta = dout.sum(0), dgamma = (dout * xhat).sum(0) and, with dxhat = dout * gamma, "
            "dx = (dxhat - dxhat.mean(0) - xhat * (dxhat * xhat).mean(0)) / sqrt(var + eps). "
            "Check each gradient with (L(x + h) - L(x - h)) / 2h.",
        ),
        performance(
            [fwd_timed, bwd_timed],
            "Use whole-array NumPy operations along axis=0 instead of a Python loop over the rows.",
            one_input=True,
        ),
        loop_style(
            (FWD, BWD),
            1,
            "the rows",
            "x.mean(axis=0) and friends handle the whole batch at once; a Python loop over rows is slow.",
        ),
    ]
    return assemble("batchnorm-layer", (FWD, BWD), parts, "batchnorm_layer.py", timeout=8.0)


def _describe(v: Value) -> str:
    if v.kind == "ndarray" and isinstance(v.data, np.ndarray):
        return f"an array of shape {v.data.shape}"
    return f"a {v.type_name}"
