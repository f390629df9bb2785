"""The hidden suite of drill 16, a batchnorm layer: training and inference statistics, running updates, gradients."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from interview_prep.grading.checks import SLOW_RATIO, SLOW_SECONDS, loop_style_check, timing_calls
from interview_prep.grading.report import Category
from interview_prep.grading.suite import (
    Call,
    Check,
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
        self.train = [Case(1, 16, 4), Case(2, 7, 3, momentum=0.8), Case(3, 50, 6, eps=0.1, momentum=0.99)]
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


def _calls(inp: Inputs) -> list[Call]:
    calls: list[Call] = []
    for c in inp.train:
        calls.append(Call(f"train-{c.seed}", FWD, (c.x, c.gamma, c.beta), c.kwargs(True), about=c.about))
    n = inp.none
    calls.append(Call("none", FWD, (n.x, n.gamma, n.beta), {"train": True}, about=f"{n.about}, running=None"))
    i = inp.infer
    calls += [
        Call("infer", FWD, (i.x, i.gamma, i.beta), i.kwargs(False), about=f"{i.about}, train=False"),
        Call(
            "infer-one", FWD, (i.x[:1], i.gamma, i.beta), i.kwargs(False), about=f"{i.about}, train=False, row 0 alone"
        ),
    ]
    k = inp.kept
    for train in (True, False):
        args = (k.x, k.gamma, k.beta, k.eps, k.running, k.momentum, train)
        calls.append(Call(f"kept-{train}", FWD, args, return_args=(0, 1, 2, 4), about=f"{k.about}, train={train}"))
    c = inp.const
    calls += [
        Call("const-fwd", FWD, (c.x, c.gamma, c.beta), c.kwargs(True), about=c.about),
        Call("const-bwd", BWD, (inp.const_dout, FromCall("const-fwd", 1)), about=c.about),
    ]
    f = inp.fd
    calls += [
        Call("fd-fwd", FWD, (f.x, f.gamma, f.beta), f.kwargs(True), about=f.about),
        Call("fd-bwd", BWD, (inp.fd_dout, FromCall("fd-fwd", 1)), about=f.about),
    ]
    for name in ("x", "gamma", "beta"):
        base = {"x": f.x, "gamma": f.gamma, "beta": f.beta}
        for j in range(base[name].size):
            for sign, tag in ((1, "plus"), (-1, "minus")):
                moved = dict(base)
                moved[name] = base[name].copy()
                moved[name].flat[j] += sign * FD_STEP
                moved_args = (moved["x"], moved["gamma"], moved["beta"])
                calls.append(Call(f"fd-{tag}-{name}-{j}", FWD, moved_args, f.kwargs(True), about=f.about))
    s = inp.shape
    calls += [
        Call("shape-fwd", FWD, (s.x, s.gamma, s.beta), s.kwargs(True), about=s.about),
        Call("shape-bwd", BWD, (inp.shape_dout, FromCall("shape-fwd", 1)), about=s.about),
    ]
    p = inp.perf
    fwd_user, fwd_ref = timing_calls(FWD, (p.x, p.gamma, p.beta), p.kwargs(True), PERF_ABOUT)
    calls += [fwd_ref, fwd_user]
    calls += [
        Call(
            "perf-reference-bwd",
            BWD,
            (inp.perf_dout, FromCall(fwd_ref.id, 1)),
            module="reference",
            repeat=3,
            send=False,
            about=PERF_ABOUT,
        ),
        Call("perf-user-bwd", BWD, (inp.perf_dout, FromCall(fwd_user.id, 1)), repeat=2, send=False, about=PERF_ABOUT),
    ]
    return calls


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
    return f"element [{idx}] is {got.flat[i]:.6g}, {expected} {want.flat[i]:.6g}"


def build() -> Suite:
    inp = Inputs()
    calls = _calls(inp)

    def training(results: Mapping[str, Returned]) -> str:
        for c in inp.train:
            r = results[f"train-{c.seed}"]
            out, _ = _forward(r, (c.n, c.d))
            want = c.train_out()
            if _close(out, want):
                continue
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
            elif _close(out, normalize(c.x, c.gamma, c.beta, c.running["mean"], c.running["var"], c.eps)):
                why = " It matches the running statistics; training mode normalizes with the batch's own."
            raise Fail(f"training-mode out is wrong on {c.about}: {_first_diff(out, want)}; {stats}.{why}")
        return "training mode normalizes each feature with the batch mean and biased variance (eps used)."

    def running_update(results: Mapping[str, Returned]) -> str:
        for c in inp.train:
            r = results[f"train-{c.seed}"]
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
        return "running mean and variance move as momentum * running + (1 - momentum) * batch statistic."

    def none_running(results: Mapping[str, Returned]) -> str:
        c = inp.none
        r = results["none"]
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
        r = results["infer"]
        out, got_running = _forward(r, (c.n, c.d))
        want = normalize(c.x, c.gamma, c.beta, c.running["mean"], c.running["var"], c.eps)
        if not _close(out, want):
            why = ""
            if _close(out, c.train_out()):
                why = " It matches the batch's own mean and variance: inference must use running['mean'] and ['var']."
            raise Fail(f"inference-mode out is wrong on {r.call.about}: {_first_diff(out, want)}.{why}")
        one, _ = _forward(results["infer-one"], (1, c.d))
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
        k = inp.kept
        for train in (True, False):
            r = results[f"kept-{train}"]
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
        r = results["const-fwd"]
        out, _ = _forward(r, (c.n, c.d))
        if not np.all(np.isfinite(out)):
            raise Fail(
                f"out holds inf or NaN on {r.call.about}: its batch variance is 0, so (x - mean) / sqrt(var) is 0 / 0."
            )
        if not _close(out[:, 1], np.full(c.n, c.beta[1])):
            raise Fail(f"a constant feature should come out as beta (x - mean is 0), but does not on {r.call.about}.")
        r = results["const-bwd"]
        grads = _backward(r, (c.n, c.d))
        for name, g in zip(("dx", "dgamma", "dbeta"), grads, strict=True):
            if not np.all(np.isfinite(g)):
                raise Fail(f"{name} from {BWD} holds inf or NaN on {r.call.about}.")
        return "a constant feature gives beta and finite gradients (eps keeps 1 / sqrt(var + eps) finite)."

    def shapes(results: Mapping[str, Returned]) -> str:
        for cid, case in (("shape-bwd", inp.shape), ("fd-bwd", inp.fd)):
            r = results[cid]
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

    def finite_diff(results: Mapping[str, Returned]) -> str:
        f = inp.fd
        r = results["fd-bwd"]
        got = dict(zip(("x", "gamma", "beta"), _backward(r, (f.n, f.d)), strict=True))
        base = {"x": f.x, "gamma": f.gamma, "beta": f.beta}
        for name in ("x", "gamma", "beta"):
            num = np.zeros_like(base[name])
            for j in range(num.size):
                up, _ = _forward(results[f"fd-plus-{name}-{j}"], (f.n, f.d))
                down, _ = _forward(results[f"fd-minus-{name}-{j}"], (f.n, f.d))
                num.flat[j] = np.sum((up - down) * inp.fd_dout) / (2 * FD_STEP)
            g = got[name]
            if not _close(g, num, rtol=1e-4, atol=1e-6):
                why = ""
                if name == "x":
                    inv_std = 1 / np.sqrt(f.x.var(0) + f.eps)
                    if _close(g, inp.fd_dout * f.gamma * inv_std, rtol=1e-6):
                        why = (
                            " It is dout * gamma / sqrt(var + eps): the paths through the batch mean and variance "
                            "are missing (every row's output depends on every row)."
                        )
                raise Fail(
                    f"d{name} does not match central finite differences of L = sum(out * dout) through your own "
                    f"{FWD} (step {FD_STEP:g}) on {f.about}: {_first_diff(g, num, 'finite differences give')}.{why}"
                )
        return "dx, dgamma and dbeta agree with central finite differences through the forward pass."

    def perf(results: Mapping[str, Returned]) -> str:
        notes = []
        for func, user_id, ref_id in (
            (FWD, "perf-user", "perf-reference"),
            (BWD, "perf-user-bwd", "perf-reference-bwd"),
        ):
            user = results[user_id].seconds or 0.0
            ref = max(results[ref_id].seconds or 0.0, 1e-6)
            if user / ref > SLOW_RATIO and user > SLOW_SECONDS:
                raise Fail(
                    f"{func} took {user * 1000:.0f} ms on {PERF_ABOUT}, {user / ref:.0f}x the reference "
                    f"({ref * 1000:.1f} ms)."
                )
            notes.append(f"{func} {user * 1000:.1f} ms ({user / ref:.1f}x the reference)")
        return f"on {PERF_ABOUT}: " + "; ".join(notes) + "."

    C, S, E = Category.CORRECTNESS, Category.STABILITY, Category.EDGE_CASE
    ids = [c.id for c in calls]
    train_ids = tuple(f"train-{c.seed}" for c in inp.train)
    checks = [
        Check(
            "training output normalized with batch statistics",
            C,
            3,
            train_ids,
            training,
            hint="mean = x.mean(axis=0), var = x.var(axis=0), out = gamma * (x - mean) / np.sqrt(var + eps) + beta.",
        ),
        Check(
            "running statistics updated with momentum",
            C,
            2,
            train_ids,
            running_update,
            hint="new = momentum * running + (1 - momentum) * batch, for the mean and the biased variance.",
        ),
        Check(
            "running=None means mean 0 and variance 1",
            E,
            1,
            ("none",),
            none_running,
            hint="With running=None, start from np.zeros(D) for the mean and np.ones(D) for the variance.",
        ),
        Check(
            "inference uses the running statistics",
            C,
            2,
            ("infer", "infer-one"),
            inference,
            hint="With train=False, normalize with running['mean'] and running['var'] and return copies of them.",
        ),
        Check(
            "inputs not modified",
            C,
            1,
            ("kept-True", "kept-False"),
            kept,
            hint="Build new_running as a new dict of new arrays; `running['mean'] *= momentum` changes the caller's.",
        ),
        Check(
            "constant feature stays finite",
            S,
            2,
            ("const-fwd", "const-bwd"),
            constant,
            hint="Divide by np.sqrt(var + eps), never by np.sqrt(var) or x.std(axis=0).",
        ),
        Check(
            "gradients shaped (N, D), (D,), (D,)",
            C,
            1,
            ("shape-fwd", "shape-bwd", "fd-fwd", "fd-bwd"),
            shapes,
            hint="dgamma and dbeta sum over the batch: (dout * xhat).sum(axis=0) and dout.sum(axis=0).",
        ),
        Check(
            "gradients match finite differences",
            C,
            3,
            tuple(i for i in ids if i.startswith("fd-")),
            finite_diff,
            hint="dbeta = dout.sum(0), dgamma = (dout * xhat).sum(0) and, with dxhat = dout * gamma, "
            "dx = (dxhat - dxhat.mean(0) - xhat * (dxhat * xhat).mean(0)) / sqrt(var + eps). "
            "Check each gradient with (L(x + h) - L(x - h)) / 2h.",
        ),
        Check(
            "vectorized: time on a large input",
            Category.PERFORMANCE,
            2,
            tuple(i for i in ids if i.startswith("perf-")),
            perf,
            hint="Use whole-array NumPy operations along axis=0 instead of a Python loop over the rows.",
        ),
        loop_style_check(
            (FWD, BWD),
            1,
            "the rows",
            "x.mean(axis=0) and friends handle the whole batch at once; a Python loop over rows is slow.",
        ),
    ]
    return Suite("batchnorm-layer", (FWD, BWD), tuple(calls), tuple(checks), "batchnorm_layer.py", timeout=8.0)


def _describe(v: Value) -> str:
    if v.kind == "ndarray" and isinstance(v.data, np.ndarray):
        return f"an array of shape {v.data.shape}"
    return f"a {v.type_name}"
