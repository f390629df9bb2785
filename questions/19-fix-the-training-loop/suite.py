"""The hidden suite of drill 19, fix the training loop: each planted bug has its check, then held-out accuracy."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

import numpy as np

from interview_prep.grading.checks import assemble, each, finite_differences, fmt_pair, judged
from interview_prep.grading.report import Category
from interview_prep.grading.suite import (
    Call,
    Fail,
    Returned,
    Rng,
    Suite,
    Unusable,
    as_array,
    as_float,
    as_tuple,
    describe,
)

FD_STEP = 1e-6
# train's documented defaults: the replay below follows them.
LR, EPOCHS, BATCH, SEED = 0.5, 30, 32, 0
# A correct fix reaches about 0.90 on the held-out data (0.89-0.91 whatever the shuffle draws);
# no shuffling gets about 0.76, the bias-sign bug about 0.54, the label leak about 0.49.
MIN_ACCURACY = 0.85
# The data: 5 features with non-zero means (so the bias matters), the last one the most
# informative (so dropping it, or replacing it, hurts), labels from a noisy linear rule.
MEANS = np.array([1.5, -1.0, 0.5, 2.0, 1.0])
WEIGHTS = np.array([1.0, -1.5, 0.8, 0.0, 2.5])


def make_data(seed: int, n: int, *, sort_by_class: bool) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, MEANS.size)) + MEANS
    y = ((X - MEANS) @ WEIGHTS + 0.5 * rng.logistic(size=n) > 0).astype(np.int64)
    if sort_by_class:  # the order a careless export gives: every 0 first, then every 1
        order = np.argsort(y, kind="stable")
        X, y = X[order], y[order]
    return X, y


def sigmoid(z: np.ndarray) -> np.ndarray:
    return np.asarray(0.5 * (1.0 + np.tanh(0.5 * z)), dtype=np.float64)


def expected_loss_grads(F: np.ndarray, y: np.ndarray, w: np.ndarray, b: float) -> tuple[float, np.ndarray, float]:
    p = np.clip(sigmoid(F @ w + b), 1e-12, 1 - 1e-12)
    loss = float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))
    return loss, F.T @ (p - y) / len(y), float(np.mean(p - y))


class Inputs:
    def __init__(self) -> None:
        rng = np.random.default_rng(10)
        self.X_int = rng.integers(-5, 6, size=(20, 5))
        self.X_float = rng.normal(size=(15, 5)) * 3
        self.F, self.y = rng.normal(size=(30, 4)), rng.integers(0, 2, size=30).astype(np.float64)
        self.w, self.b = rng.normal(size=4), 0.7
        self.fd_F, self.fd_y = rng.normal(size=(12, 4)), rng.integers(0, 2, size=12).astype(np.float64)
        self.fd_w, self.fd_b = rng.normal(scale=0.5, size=4), -0.3
        self.n_batch, self.batch_size = 103, 10
        self.X_train, self.y_train = make_data(1, 600, sort_by_class=True)
        self.X_test, self.y_test = make_data(2, 4000, sort_by_class=False)
        self.pred_X = np.vstack([rng.normal(size=(11, 5)), np.zeros((1, 5))])  # the last row sits at p = 0.5
        self.pred_w, self.pred_b = np.array([0.5, -1.0, 0.25, 0.0, 2.0]), 0.0


LOSS_ABOUT = "random F of shape (30, 4), seed 10"
FD_ABOUT = "random F of shape (12, 4), w of shape (4,), b = -0.3, seed 10"
BATCH_ABOUT = "n=103, batch_size=10"
TRAIN_ABOUT = "600 training examples sorted by class (all 0s, then all 1s), 5 features, seed 1"
TEST_ABOUT = "4000 fresh held-out examples from the same distribution, seed 2"


class Calls:
    """Every call, made from the inputs; a call two checks judge is one object here."""

    def __init__(self, inp: Inputs) -> None:
        self.features = [
            (Call("feat-int", "features", (inp.X_int,), about="an int array X of shape (20, 5)"), inp.X_int),
            (Call("feat-float", "features", (inp.X_float,), about="a float array X of shape (15, 5)"), inp.X_float),
        ]
        self.loss = Call("loss", "loss_and_grads", (inp.F, inp.y, inp.w, inp.b), about=LOSS_ABOUT)
        self.fd_grad = Call("fd-grad", "loss_and_grads", (inp.fd_F, inp.fd_y, inp.fd_w, inp.fd_b), about=FD_ABOUT)
        n, bs = inp.n_batch, inp.batch_size
        # Two epochs drawn from one Generator, a fresh Generator with the same seed, another seed.
        self.batches = [
            Call("bat-1", "batches", (n, bs, Rng(7, stream="epochs")), about=f"{BATCH_ABOUT}, default_rng(7), epoch 1"),
            Call("bat-2", "batches", (n, bs, Rng(7, stream="epochs")), about=f"{BATCH_ABOUT}, default_rng(7), epoch 2"),
            Call("bat-same", "batches", (n, bs, Rng(7)), about=f"{BATCH_ABOUT}, a fresh default_rng(7)"),
            Call("bat-other", "batches", (n, bs, Rng(8)), about=f"{BATCH_ABOUT}, default_rng(8)"),
        ]
        self.train = Call("train", "train", (inp.X_train, inp.y_train), about=TRAIN_ABOUT)
        self.feat_test = Call("feat-test", "features", (inp.X_test,), about=TEST_ABOUT)
        self.predict = Call(
            "predict", "predict", (inp.pred_X, inp.pred_w, inp.pred_b), about="12 rows, the last one at p = 0.5"
        )
        # The batches train should see: the user's own batches(), epoch after epoch from default_rng(SEED).
        self.replay = [
            Call(
                f"replay-{e}",
                "batches",
                (len(inp.y_train), BATCH, Rng(SEED, stream="replay")),
                about=f"n=600, batch_size={BATCH}, default_rng({SEED}), epoch {e + 1}",
            )
            for e in range(EPOCHS)
        ]


def _features(r: Returned) -> np.ndarray:
    if r.value is None:
        raise Unusable("features returned nothing")
    return as_array(r.value, "features(X)", ndim=2)


def _lag(r: Returned, d: int) -> tuple[float, np.ndarray, float]:
    loss_v, dw_v, db_v = as_tuple(r.value, 3, "loss_and_grads")
    loss = as_float(loss_v, "the loss from loss_and_grads")
    dw = as_array(dw_v, "dw", shape=(d,)).astype(np.float64)
    return loss, dw, as_float(db_v, "db")


def _batches(r: Returned) -> list[np.ndarray]:
    v = r.value
    if v is None or v.kind not in ("list", "tuple"):
        raise Unusable(f"batches should return a list of index arrays, but returned {describe(v) if v else 'nothing'}")
    out = []
    for i, item in enumerate(v.data):
        arr = as_array(item, f"batch {i} from batches", ndim=1) if item.kind == "ndarray" else None
        if arr is None or arr.dtype.kind not in "iu":
            what = describe(item) if arr is None else f"an array of dtype {arr.dtype}"
            raise Unusable(f"batch {i} from batches should be a 1-D int array of indices, but is {what}")
        out.append(arr.astype(np.int64))
    return out


def _fewer_indices(call: Call, case: tuple[int, int]) -> list[tuple[Call, tuple[int, int]]]:
    """batches on a smaller n and batch size, the smallest first: n just over a multiple of the batch
    size (a last partial batch) and exact multiples; a fresh Generator with the same seed each."""
    n, bs = case
    rng = next(a for a in call.args if isinstance(a, Rng))
    pairs = sorted(
        {(m, b) for b in (1, 2, 3, bs) for m in (1, 2, b, b + 1, 2 * b, 2 * b + 1) if b <= bs and m < n},
        key=lambda p: (p[0], p[1]),
    )
    return [
        (replace(call, args=(m, b, Rng(rng.seed)), about=f"n={m}, batch_size={b}, default_rng({rng.seed})"), (m, b))
        for m, b in pairs
    ]


def data_source(seed: int, n: int, *, sort_by_class: bool, X: str = "X", y: str = "y") -> list[str]:
    """make_data as lines of source that build exactly the same arrays, for a counterexample."""
    means, weights = repr(MEANS.tolist()), repr(WEIGHTS.tolist())
    lines = [
        f"rng = np.random.default_rng({seed})",
        f"{X} = rng.normal(size=({n}, {MEANS.size})) + np.array({means})",
        f"{y} = (({X} - np.array({means})) @ np.array({weights}) + 0.5 * rng.logistic(size={n}) > 0).astype(np.int64)",
    ]
    if sort_by_class:
        lines += [f"order = np.argsort({y}, kind='stable')", f"{X}, {y} = {X}[order], {y}[order]"]
    return lines


def _order(batches: list[np.ndarray]) -> np.ndarray:
    return np.concatenate(batches) if batches else np.zeros(0, dtype=np.int64)


def _train_result(r: Returned) -> tuple[np.ndarray, float]:
    w_v, b_v = as_tuple(r.value, 2, "train")
    w = as_array(w_v, "w from train", ndim=1).astype(np.float64)
    return w, as_float(b_v, "b from train")


def build() -> Suite:
    inp = Inputs()
    calls = Calls(inp)

    def features(r: Returned, X: np.ndarray) -> None:
        F = _features(r)
        if F.shape == (X.shape[0], X.shape[1] - 1) and np.array_equal(F, X[:, :-1]):
            raise Fail(
                f"features(X) drops the last column of X on {r.call.about}: that column is a real feature "
                "(and here the most informative one). Remove only the label column the starter appended."
            )
        if F.shape != X.shape:
            raise Fail(f"features(X) has shape {F.shape} for X of shape {X.shape} ({r.call.about}).")
        if np.array_equal(F[:, :-1], X[:, :-1]) and not np.array_equal(F[:, -1], X[:, -1]):
            const = " (all 0: no labels were given)" if np.all(F[:, -1] == 0) else ""
            raise Fail(
                f"features(X) replaces the last column of X with something else{const} on {r.call.about}. "
                "That is the label leak: the starter fills the column from y, so training sees the answer "
                "(training accuracy near 100%) while new data, which has no labels, does not."
            )
        if not np.array_equal(F, X):
            i, j = (int(v[0]) for v in np.nonzero(F != X))
            raise Fail(
                f"features(X) changes the values of X on {r.call.about} (row {i}, column {j}: {X[i, j]:.4g} "
                f"became {F[i, j]:.4g}). The spec asks for X's own values as floats, nothing added, dropped "
                "or rescaled: fixing the leak means no longer appending the label, and nothing else."
            )
        if F.dtype.kind != "f":
            raise Fail(f"features(X) has dtype {F.dtype} on {r.call.about}; the design matrix is float.")

    def loss_formula(results: Mapping[str, Returned]) -> str:
        r = results[calls.loss.id]
        loss, _dw, _db = _lag(r, inp.w.size)  # the types are checked there; the values by finite differences
        want, _, _ = expected_loss_grads(inp.F, inp.y, inp.w, inp.b)
        if not (np.isfinite(loss) and np.isclose(loss, want, rtol=1e-7, atol=1e-10)):
            shown = fmt_pair(loss, want)
            raise Fail(f"the loss is {shown[0]} on {r.call.about}; the mean cross-entropy is {shown[1]}.")
        return "the mean cross-entropy, returned as (float, (d,) array, float)."

    d = inp.fd_w.size

    def gradient(rs: Sequence[Returned]) -> dict[str, np.ndarray]:
        _, dw, db = _lag(rs[0], d)
        return {"b": np.asarray(db), "w": dw}

    def stepped(var: str, moved: np.ndarray) -> Call:
        w, b = (moved, inp.fd_b) if var == "w" else (inp.fd_w, float(moved))
        return Call("fd", "loss_and_grads", (inp.fd_F, inp.fd_y, w, b), about=FD_ABOUT)

    def fd_fail(var: str, got: np.ndarray, num: np.ndarray, r: Returned) -> str:
        if var == "b":
            db, num_b = float(got), float(num)
            sign = ""
            if np.isclose(db, -num_b, rtol=1e-4, atol=1e-6):
                sign = " Its sign is flipped: dL/db is mean(p - y), so gradient descent lowers b when p is too high."
            shown = fmt_pair(db, num_b)
            return (
                f"db is {shown[0]} on {r.call.about}, but the loss changes with b at a rate of {shown[1]} "
                f"(central finite differences, step {FD_STEP:g}).{sign}"
            )
        j = int(np.argmax(np.abs(got - num)))
        ratio = got[j] / num[j] if num[j] else float("nan")
        shown = fmt_pair(got[j], num[j])
        return (
            f"dw[{j}] is {shown[0]} on {r.call.about}, but the loss changes with w[{j}] at a rate of "
            f"{shown[1]} ({ratio:.3g}x; central finite differences, step {FD_STEP:g})."
        )

    def partition(r: Returned, case: tuple[int, int]) -> None:
        n, bs = case
        got = _batches(r)
        sizes = [len(b) for b in got]
        if any(s == 0 or s > bs for s in sizes):
            raise Fail(f"batches returned batches of sizes {sizes} on {r.call.about}: each must hold 1 to {bs}.")
        order = _order(got)
        if not np.array_equal(np.sort(order), np.arange(n)):
            missing = np.setdiff1d(np.arange(n), order)
            dup = len(order) - len(np.unique(order))
            raise Fail(
                f"batches does not hold every index of range({n}) exactly once on {r.call.about}: "
                f"{len(missing)} missing, {dup} repeated ({len(order)} indices in {len(got)} batches)."
            )

    def random_order(results: Mapping[str, Returned]) -> str:
        first, second, same, other = (_order(_batches(results[c.id])) for c in calls.batches)
        c_first, c_second, c_same, c_other = calls.batches
        about = calls.batches[0].about
        if np.array_equal(first, np.arange(len(first))):
            raise Fail(
                f"batches returns the indices in their original order 0, 1, 2, ... ({about}): nothing shuffles. "
                "Training data sorted by class then gives every epoch a run of 0s and then a run of 1s, and the "
                "last steps of each epoch drag the model towards one class.",
                calls=[c_first],
            )
        if np.array_equal(first, second):
            raise Fail(
                f"two epochs drawn from the same Generator got the same order ({BATCH_ABOUT}, default_rng(7)): "
                "is the permutation fixed by np.random.seed, or computed once and reused?",
                calls=[c_first, c_second],
            )
        if not np.array_equal(first, same):
            raise Fail(
                f"two fresh default_rng(7) generators gave different orders ({BATCH_ABOUT}): the order must be "
                "drawn from the rng argument (rng.permutation(n)), not from np.random's global state.",
                calls=[c_first, c_same],
            )
        if np.array_equal(first, other):
            raise Fail(
                f"default_rng(7) and default_rng(8) gave the same order ({BATCH_ABOUT}): rng is not used.",
                calls=[c_first, c_other],
            )
        return "a new order every epoch, drawn from rng (the same seed gives the same order)."

    trained = [*data_source(1, len(inp.y_train), sort_by_class=True), "w, b = train(X, y)"]

    def replay(results: Mapping[str, Returned]) -> str:
        r = results[calls.train.id]
        w, b = _train_result(r)
        F, y = inp.X_train.astype(np.float64), inp.y_train.astype(np.float64)
        if w.shape != (F.shape[1],):
            raise Fail(
                f"train returned w of shape {w.shape}; it should be ({F.shape[1]},), one weight per feature.",
                counterexample="\n".join(trained),
            )
        epochs = [_batches(results[c.id]) for c in calls.replay]

        def sgd(schedule: list[list[np.ndarray]]) -> tuple[np.ndarray, float]:
            rw, rb = np.zeros(F.shape[1]), 0.0
            for batches in schedule:
                for idx in batches:
                    _, dw, db = expected_loss_grads(F[idx], y[idx], rw, rb)
                    rw, rb = rw - LR * dw, rb - LR * db
            return rw, rb

        want_w, want_b = sgd(epochs)
        if np.allclose(w, want_w, rtol=1e-6, atol=1e-8) and np.isclose(b, want_b, rtol=1e-6, atol=1e-8):
            return f"train takes one step per minibatch of every epoch ({EPOCHS} epochs, lr={LR}, from w = 0, b = 0)."
        once_w, once_b = sgd([epochs[0]] * EPOCHS)
        if np.allclose(w, once_w, rtol=1e-6, atol=1e-8) and np.isclose(b, once_b, rtol=1e-6, atol=1e-8):
            raise Fail(
                f"train reuses the first epoch's batches for all {EPOCHS} epochs on {r.call.about}: call "
                "batches(len(y), batch_size, rng) inside the epoch loop, so each epoch gets a new order.",
                counterexample="\n".join(trained),
            )
        gap = max(float(np.max(np.abs(w - want_w))), abs(b - want_b))
        raise Fail(
            f"train's (w, b) differ by up to {gap:.3g} from {EPOCHS} epochs of minibatch gradient descent "
            f"(lr={LR}, batch_size={BATCH}, from w = 0 and b = 0) over the batches your batches() draws from "
            f"default_rng({SEED}), on {r.call.about}. If features or loss_and_grads fail their checks, fix those "
            "first; else check that each epoch calls batches once and steps w -= lr * dw, b -= lr * db per batch.",
            counterexample="\n".join(
                [
                    *trained,
                    f"# (w, b) should be {EPOCHS} epochs of steps w -= {LR} * dw, b -= {LR} * db from zeros, one per",
                    f"# batch of batches({len(y)}, {BATCH}, rng), one rng = np.random.default_rng({SEED}) in all",
                ]
            ),
        )

    def accuracy(results: Mapping[str, Returned]) -> str:
        r = results[calls.train.id]
        w, b = _train_result(r)
        F = _features(results[calls.feat_test.id]).astype(np.float64)
        if F.shape != (inp.X_test.shape[0], w.size):
            raise Unusable(
                f"features of the held-out data has shape {F.shape}, which does not fit w of shape {w.shape}"
            )
        pred = (sigmoid(F @ w + b) >= 0.5).astype(np.int64)
        acc = float(np.mean(pred == inp.y_test))
        if not acc >= MIN_ACCURACY:
            raise Fail(
                f"trained with the defaults on {TRAIN_ABOUT}, the model is right on {acc:.1%} of {TEST_ABOUT}; "
                f"a fixed script reaches about 90% (this check needs {MIN_ACCURACY:.0%}). Fix the failing checks "
                "above: each planted bug costs accuracy on data the model never saw.",
                counterexample="\n".join(
                    [
                        *trained,
                        *data_source(2, inp.X_test.shape[0], sort_by_class=False, X="X_test", y="y_test"),
                        "p = 1 / (1 + np.exp(-(features(X_test) @ w + b)))",
                        f"np.mean((p >= 0.5) == y_test)  # {acc:.3f}; a fixed script reaches about 0.90",
                    ]
                ),
            )
        return f"{acc:.1%} accuracy on {TEST_ABOUT} (at least {MIN_ACCURACY:.0%} needed)."

    def predict(results: Mapping[str, Returned]) -> str:
        r = results[calls.predict.id]
        want = (sigmoid(inp.pred_X @ inp.pred_w + inp.pred_b) >= 0.5).astype(np.int64)
        v = r.value
        if v is None or v.kind != "ndarray" or not isinstance(v.data, np.ndarray):
            raise Fail(
                f"predict returned {describe(v) if v else 'nothing'}, not an array of labels, on {r.call.about}."
            )
        got = v.data
        if got.shape != want.shape:
            raise Fail(f"predict returned shape {got.shape}; it should be {want.shape}, one label per row.")
        if got.dtype.kind == "f" and not np.all(np.isin(got, (0.0, 1.0))):
            raise Fail(
                f"predict returned floats such as {got.flat[0]:.4g} on {r.call.about}: probabilities, not labels. "
                "Threshold them: (p >= 0.5).astype(int)."
            )
        if got.dtype.kind not in "iu":
            raise Fail(f"predict returned dtype {got.dtype} on {r.call.about}; labels are ints (.astype(int)).")
        if not np.array_equal(got, want):
            if np.array_equal(got[:-1], want[:-1]):
                raise Fail(
                    f"predict gives {int(got[-1])} where sigmoid(...) is exactly 0.5 ({r.call.about}); "
                    "the contract predicts 1 there (>= 0.5)."
                )
            bad = int(np.sum(got != want))
            raise Fail(
                f"predict gives the wrong label for {bad} of {want.size} rows on {r.call.about} "
                "(predict goes through features(X), so it inherits a bug there)."
            )
        return "0/1 int labels, 1 where sigmoid(features(X) @ w + b) >= 0.5."

    C = Category.CORRECTNESS
    parts = [
        each(
            "features(X) is X as floats, no label column",
            C,
            2,
            calls.features,
            features,
            "features(X) is X as floats, with no label-derived column.",
            hint="Return np.asarray(X, dtype=float): a feature must be computable from X alone, at training time "
            "and on new data.",
        ),
        judged(
            "loss is the mean cross-entropy",
            C,
            1,
            [calls.loss],
            loss_formula,
            hint="loss = -mean(y log p + (1 - y) log(1 - p)) with p = sigmoid(F @ w + b).",
        ),
        finite_differences(
            "gradients match finite differences",
            C,
            3,
            grad_calls=[calls.fd_grad],
            gradient=gradient,
            # db is judged first: its sign bug is the one planted.
            variables={"b": np.asarray(inp.fd_b), "w": inp.fd_w},
            stepped=stepped,
            loss=lambda r: _lag(r, d)[0],
            step=FD_STEP,
            fail=fd_fail,
            passed="dw and db agree with central finite differences of the loss.",
            hint="For the mean cross-entropy, dw = F.T @ (p - y) / n and db = mean(p - y). Check each with "
            "(L(theta + h) - L(theta - h)) / 2h.",
        ),
        each(
            "batches: a partition of range(n)",
            C,
            2,
            [(c, (inp.n_batch, inp.batch_size)) for c in calls.batches],
            partition,
            f"every index of range({inp.n_batch}) exactly once, in batches of at most {inp.batch_size}.",
            shrink=_fewer_indices,
            hint="order = rng.permutation(n); return [order[i:i + batch_size] for i in range(0, n, batch_size)].",
        ),
        judged(
            "batches: a new random order each epoch",
            C,
            2,
            calls.batches,
            random_order,
            hint="Draw a fresh permutation from rng on every call: rng.permutation(n).",
        ),
        judged(
            "train: one step per minibatch, every epoch",
            C,
            2,
            [calls.train, *calls.replay],
            replay,
            hint="for epoch in range(epochs): for idx in batches(len(y), batch_size, rng): w -= lr * dw; b -= lr * db.",
        ),
        judged(
            "held-out accuracy after training",
            C,
            3,
            [calls.train, calls.feat_test],
            accuracy,
            hint="Compare training accuracy with held-out accuracy while you debug: a big gap means leakage.",
        ),
        judged(
            "predict returns 0/1 labels",
            C,
            1,
            [calls.predict],
            predict,
            hint="Return (sigmoid(features(X) @ w + b) >= 0.5).astype(int).",
        ),
    ]
    return assemble(
        "fix-the-training-loop",
        ("features", "loss_and_grads", "batches", "train", "predict"),
        parts,
        "fix_the_training_loop.py",
        timeout=8.0,
    )
