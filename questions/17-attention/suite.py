"""The hidden suite of drill 17, scaled dot-product attention: batch shapes, the scale, an exact mask, stability."""

from __future__ import annotations

import ast
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

import numpy as np

from interview_prep.grading.checks import (
    Part,
    assemble,
    close,
    each,
    fewer_rows,
    fmt_pair,
    inputs_unchanged,
    judged,
    performance,
    rounder,
    timed,
)
from interview_prep.grading.report import Category
from interview_prep.grading.suite import Call, Check, Fail, Returned, Suite, as_array, as_tuple

FUNC = "scaled_dot_product_attention"
NAMES = ("Q", "K", "V", "mask")
PERF_ABOUT = "a batch of 1024 sequences of 16 queries and keys, d=4"


def expected(args: tuple[np.ndarray, ...], scale: float | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Attention of (Q, K, V[, mask]) as the docstring defines it; `scale` overrides 1/sqrt(d), for messages."""
    Q, K, V = (a.astype(np.float64) for a in args[:3])
    mask = args[3] if len(args) > 3 else None
    s = Q @ np.swapaxes(K, -1, -2) * (1 / np.sqrt(Q.shape[-1]) if scale is None else scale)
    if mask is not None:
        s = np.where(np.broadcast_to(mask, s.shape), s, -np.inf)
    top = np.max(s, axis=-1, keepdims=True)
    e = np.exp(s - np.where(np.isfinite(top), top, 0.0))
    total = e.sum(axis=-1, keepdims=True)
    w = np.divide(e, total, out=np.zeros_like(e), where=total > 0)
    return np.asarray(w @ V), np.asarray(w)


def _qkv(seed: int, q: tuple[int, ...], k: tuple[int, ...], v: tuple[int, ...], scale: float = 1.0) -> list[np.ndarray]:
    rng = np.random.default_rng(seed)
    return [rng.normal(scale=scale, size=q), rng.normal(scale=scale, size=k), rng.normal(size=v)]


def _shapes(args: tuple[np.ndarray, ...]) -> str:
    return ", ".join(f"{n} {a.shape}" for n, a in zip(("Q", "K", "V", "mask"), args, strict=False))


Args = tuple[np.ndarray, ...]
Case = tuple[Call, Args]


def case(cid: str, what: str, args: list[np.ndarray], **kw: Any) -> Case:
    """A call of the function on these arguments, with the arguments to judge it by."""
    return Call(cid, FUNC, tuple(args), about=f"{what}, {_shapes(tuple(args))}", **kw), tuple(args)


class Inputs:
    """Every case, made in the parent from fixed seeds."""

    def __init__(self) -> None:

        causal = np.tril(np.ones((5, 5), dtype=bool))
        no_row = np.tril(np.ones((4, 6), dtype=bool), k=1)
        no_row[2] = False
        # d = 1 here, so 1/sqrt(d) = 1 and these judge the softmax and the products alone.
        self.values = [
            case("val-1", "random inputs, seed 1, d=1", _qkv(1, (4, 1), (6, 1), (6, 3))),
            case("val-2", "random inputs, seed 2, d=1", _qkv(2, (3, 1), (3, 1), (3, 2), 2.0)),
        ]
        self.rows = [case("rows", "random inputs, seed 3", _qkv(3, (3, 4), (7, 4), (7, 2)))]
        self.scale = [case("scale", "random inputs, seed 4, d=16", _qkv(4, (5, 16), (7, 16), (7, 3)))]
        self.batch = [
            case("batch-4d", "random inputs, seed 5", _qkv(5, (2, 3, 4, 8), (2, 3, 6, 8), (2, 3, 6, 5))),
            case("batch-bcast", "a batch of queries against shared keys, seed 6", _qkv(6, (2, 4, 8), (6, 8), (6, 5))),
        ]
        self.mask = [
            case("mask-causal", "a causal mask, seed 7", [*_qkv(7, (5, 4), (5, 4), (5, 2)), causal]),
            case(
                "mask-batch",
                "a causal mask shared by a batch, seed 8",
                [*_qkv(8, (2, 5, 4), (2, 5, 4), (2, 5, 3)), causal],
            ),
            case(
                "mask-pad",
                "a padding mask of shape (1, 6), seed 9",
                [*_qkv(9, (3, 4), (6, 4), (6, 2)), np.array([[True, True, False, True, False, True]])],
            ),
        ]
        # Huge-magnitude scores (d = 1, so every score is one exact product): masked keys scoring 1e12
        # above the allowed ones (a max over all keys then underflows every allowed exp to 0), and allowed
        # keys scoring about -1e12 (a fill of -1e9 then outranks every allowed key).
        keep_mid = np.array([[False, True, True, True, False]])
        v5 = np.random.default_rng(15).normal(size=(5, 2))
        self.mask_huge = [
            case(
                "mask-huge-masked",
                "masked keys scoring about 1e12, allowed ones about 1",
                [np.array([[1.0], [0.5], [2.0]]), np.array([[1e12], [0.3], [-0.7], [1.1], [5e11]]), v5, keep_mid],
            ),
            case(
                "mask-huge-negative",
                "allowed keys scoring about -1e12, masked ones 0",
                [
                    np.array([[1e6], [2e6], [1e6]]),
                    np.array([[0.0], [-1e6], [-1e6 - 1e-6], [-1e6 + 2e-6], [0.0]]),
                    v5,
                    keep_mid,
                ],
            ),
        ]
        self.empty = [
            case(
                "mask-empty", "a mask with query 2 allowed no key, seed 10", [*_qkv(10, (4, 4), (6, 4), (6, 2)), no_row]
            )
        ]
        self.big = [case("big", "scores around 1e4, seed 11", _qkv(11, (3, 4), (5, 4), (5, 2), 100.0))]
        self.ints = [
            case(
                "ints",
                "int arrays, seed 12",
                [np.random.default_rng(12).integers(-3, 4, size=s) for s in [(3, 2), (4, 2), (4, 3)]],
            )
        ]
        kept = [*_qkv(13, (2, 3, 4), (2, 5, 4), (2, 5, 2)), np.ones((3, 5), dtype=bool)]
        kept[3][0, 1] = False
        self.kept = case(
            "kept", "random inputs and a mask, seed 13", [a.copy() for a in kept], return_args=(0, 1, 2, 3)
        )[0]
        # Many short sequences: a loop over the batch or the queries pays Python overhead per row.
        self.perf = timed(FUNC, tuple(_qkv(14, (1024, 16, 4), (1024, 16, 4), (1024, 16, 4))), {}, PERF_ABOUT)


def _fewer_queries(call: Call, args: Args) -> list[tuple[Call, Args]]:
    """The same attention for fewer queries (the mask's rows with them), then with rounder Q, K and V."""
    Q, nq = args[0], args[0].shape[-2]
    out = []
    for idx in fewer_rows(nq):
        new = [Q[..., idx, :], *args[1:3]]
        if len(args) > 3:
            new.append(args[3][..., idx, :] if args[3].ndim >= 2 and args[3].shape[-2] == nq else args[3])
        out.append(tuple(new))
    out += [tuple(r if i == j else a for i, a in enumerate(args)) for j in range(3) for r in rounder(args[j])]
    return [(replace(call, args=a, about="this input"), a) for a in out]


def _got(r: Returned, args: tuple[np.ndarray, ...]) -> tuple[np.ndarray, np.ndarray]:
    want_out, want_w = expected(args)
    out, w = as_tuple(r.value, 2, FUNC)
    return (
        as_array(out, "out", shape=want_out.shape).astype(np.float64),
        as_array(w, "weights", shape=want_w.shape).astype(np.float64),
    )


def _worst(got: np.ndarray, want: np.ndarray, what: str) -> str:
    i = np.unravel_index(int(np.argmax(np.abs(np.nan_to_num(got, nan=1e300) - want))), got.shape)
    shown = fmt_pair(got[i], want[i])
    return f"{what}{list(int(k) for k in i)} is {shown[0]}, expected {shown[1]}"


def _compare(r: Returned, args: tuple[np.ndarray, ...], rtol: float = 1e-7) -> None:
    out, w = _got(r, args)
    want_out, want_w = expected(args)
    if not np.all(np.isfinite(w)) or not np.all(np.isfinite(out)):
        raise Fail(f"{FUNC} returned NaN or inf on {r.call.about}.")
    if not close(w, want_w, rtol, 1e-12):
        note = ""
        sums = w.sum(axis=-1)
        d = args[0].shape[-1]
        if not np.allclose(sums, 1) and np.allclose(w.sum(axis=-2), 1):
            note = " (the weights sum to 1 over the queries, not over the keys: softmax over the wrong axis?)"
        elif d > 1 and any(close(w, expected(args, scale=f)[1], 1e-7, 1e-12) for f in (1.0, 1 / d)):
            note = " (the scores are not divided by sqrt(d): see the scale check)"
        raise Fail(
            f"the weights differ from softmax(Q K^T / sqrt(d)) on {r.call.about}{note}: {_worst(w, want_w, 'weights')}."
        )
    if not close(out, want_out, rtol, 1e-12):
        raise Fail(f"out differs from weights @ V on {r.call.about}: {_worst(out, want_out, 'out')}.")


def _no_loops(tree: ast.Module) -> str:
    """Attention needs no Python loop at all: matmul broadcasts over every leading axis. Loops over a
    literal tuple (checking Q, K, V in turn) are fine; anything else walks the batch or the rows."""
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.For, ast.comprehension)) and not isinstance(node.iter, (ast.Tuple, ast.List)):
            lines.append(getattr(node.iter, "lineno", 0))
        elif isinstance(node, ast.While):
            lines.append(node.lineno)
    if lines:
        where = ", ".join(str(n) for n in sorted(set(lines))[:5])
        raise Fail(f"{FUNC} loops in Python (line {where}) where one batched matmul would do.")
    return "no Python loop: matmul broadcasts over the batch."


def build() -> Suite:
    inp = Inputs()

    def compare(r: Returned, args: Args) -> None:
        _compare(r, args)

    def rows(r: Returned, args: Args) -> None:
        _out, w = _got(r, args)
        sums = w.sum(axis=-1)
        if not (np.all(np.isfinite(w)) and np.allclose(sums, 1, rtol=0, atol=1e-9) and np.all(w >= 0)):
            raise Fail(
                f"on {r.call.about} the rows of weights sum to values from {np.nanmin(sums):.4g} to "
                f"{np.nanmax(sums):.4g}; "
                "each query's weights over the keys should be >= 0 and sum to 1."
            )
        _compare(r, args)

    def scale(r: Returned, args: Args) -> None:
        _out, w = _got(r, args)
        want_out, want_w = expected(args)
        if close(w, want_w, 1e-7, 1e-12):
            _compare(r, args)
            return
        d, d_v = args[0].shape[-1], args[2].shape[-1]
        for factor, what in [
            (1.0, "not scaled at all"),
            (1 / d, f"divided by d = {d}"),
            (1 / np.sqrt(d_v), f"divided by sqrt(d_v) = sqrt({d_v}), the value width"),
        ]:
            if close(w, expected(args, scale=factor)[1], 1e-7, 1e-12):
                raise Fail(f"on {r.call.about} the scores are {what}, not divided by sqrt(d) = {np.sqrt(d):g}.")
        raise Fail(
            f"the weights differ from softmax(Q K^T / sqrt(d)) on {r.call.about}: {_worst(w, want_w, 'weights')}."
        )

    def masks(r: Returned, args: Args) -> None:
        _out, w = _got(r, args)
        allowed = np.broadcast_to(args[3], w.shape)
        leaked = w[~allowed]
        if np.any(leaked != 0):
            raise Fail(
                f"on {r.call.about}, keys the mask excludes get weights up to {np.nanmax(np.abs(leaked)):.3g}; "
                "they should be exactly 0 (True means the query may attend to the key)."
            )
        sums = w.sum(axis=-1)
        if np.any(np.nan_to_num(sums, nan=0.0) == 0):
            raise Fail(
                f"on {r.call.about}, a query with allowed keys gets all-zero weights: every allowed exp underflowed "
                "to 0, as when the softmax is shifted by a max that includes the masked keys (they score far "
                "higher). Mask first, then take the max over the allowed keys only."
            )
        if not np.allclose(sums, 1, rtol=0, atol=1e-9):
            raise Fail(
                f"on {r.call.about} the masked weights are 0 but the rows sum to values from {np.nanmin(sums):.3g} "
                f"to {np.nanmax(sums):.3g}: the mask must act before the softmax, so the allowed weights still "
                "sum to 1."
            )
        _compare(r, args)

    def empty(r: Returned, args: Args) -> None:
        out, w = _got(r, args)
        if not (np.all(np.isfinite(w[2])) and np.all(np.isfinite(out[2]))):
            raise Fail(f"on {r.call.about}, query 2 gets NaN or inf: softmax of a row that is all -inf is 0 / 0.")
        if np.any(w[2] != 0) or np.any(out[2] != 0):
            raise Fail(
                f"on {r.call.about}, query 2 gets weights summing to {w[2].sum():.3g} and a nonzero output; "
                "a query with no key allowed should get all-zero weights and a zero output."
            )
        _compare(r, args)

    def big(r: Returned, args: Args) -> None:
        out, w = _got(r, args)
        if not (np.all(np.isfinite(w)) and np.all(np.isfinite(out))):
            raise Fail(f"{FUNC} returned NaN or inf on {r.call.about}: exp overflows without subtracting the row max.")
        _compare(r, args, rtol=1e-6)

    def types(results: Mapping[str, Returned]) -> str:
        for call, args in inp.ints + inp.batch:
            r = results[call.id]
            want_out, want_w = expected(args)
            out, w = as_tuple(r.value, 2, FUNC)
            for v, name, shape in ((out, "out", want_out.shape), (w, "weights", want_w.shape)):
                if v.kind != "ndarray" or v.data.shape != shape or v.data.dtype.kind != "f":
                    got = f"shape {v.data.shape} and dtype {v.data.dtype}" if v.kind == "ndarray" else v.type_name
                    raise Fail(f"{name} should be a float array of shape {shape}, got {got}, on {r.call.about}.")
        _compare(results[inp.ints[0][0].id], inp.ints[0][1])
        return "out (..., n_q, d_v) and weights (..., n_q, n_k), float arrays, also for integer input."

    C, E, S = Category.CORRECTNESS, Category.EDGE_CASE, Category.STABILITY
    parts = [
        each(
            "matches softmax(Q K^T / sqrt(d)) V",
            C,
            3,
            inp.values,
            compare,
            "matches softmax(Q K^T / sqrt(d)) V on 2 random inputs.",
            hint="weights = softmax(Q @ K^T / sqrt(d), axis=-1); out = weights @ V.",
            shrink=_fewer_queries,
            names=NAMES,
        ),
        each(
            "weights sum to 1 over the keys",
            C,
            2,
            inp.rows,
            rows,
            "each query's weights are >= 0 and sum to 1 over the keys.",
            hint="Take the softmax along the last axis, the keys: axis=-1.",
            shrink=_fewer_queries,
            names=NAMES,
        ),
        each(
            "scores scaled by 1/sqrt(d)",
            C,
            2,
            inp.scale,
            scale,
            "the scores are divided by sqrt(d) (d=16).",
            hint="Divide the scores by np.sqrt(d) with d = Q.shape[-1], the width of the queries and keys.",
            shrink=_fewer_queries,
            names=NAMES,
        ),
        each(
            "batch dimensions broadcast",
            C,
            2,
            inp.batch,
            compare,
            "right for a (2, 3) batch and for a batch of queries against shared keys.",
            hint=(
                "K.T reverses every axis; np.swapaxes(K, -1, -2) transposes only the last two, so matmul "
                "broadcasts the rest."
            ),
            shrink=_fewer_queries,
            names=NAMES,
        ),
        each(
            "mask excludes keys exactly",
            C,
            3,
            inp.mask + inp.mask_huge,
            masks,
            "excluded keys get weight exactly 0 and each row still sums to 1 (causal, batch-shared and padding masks, "
            "and masked or allowed scores of +-1e12).",
            hint="Before the softmax: scores = np.where(mask, scores, -np.inf); exp(-inf) is exactly 0.",
            shrink=_fewer_queries,
            names=NAMES,
        ),
        each(
            "a query with no allowed key gets zeros",
            E,
            1,
            inp.empty,
            empty,
            "a query with no allowed key gets zero weights and a zero output; the other rows are unaffected.",
            hint="Where every key is masked the row max is -inf: shift by 0 there; divide only where the sum is > 0.",
            names=NAMES,
        ),
        each(
            "finite for huge scores",
            S,
            2,
            inp.big,
            big,
            "finite and right for scores around 1e4.",
            hint="Subtract the row max before np.exp: the softmax is unchanged and nothing overflows.",
            shrink=_fewer_queries,
            names=NAMES,
        ),
        judged(
            "returns float arrays of the right shapes",
            C,
            1,
            [c for c, _ in inp.ints + inp.batch],
            types,
            hint="Convert with np.asarray(..., dtype=float); return (weights @ V, weights).",
        ),
        inputs_unchanged(
            "inputs not modified",
            C,
            1,
            [inp.kept],
            ["Q", "K", "V", "mask"],
            hint="Q / np.sqrt(d) makes a new array; Q /= ... changes the caller's queries.",
        ),
        performance(
            [inp.perf],
            "One batched matmul for the scores and one for the output; no loop over the batch or the queries.",
        ),
        Part(
            Check(
                "no Python loop over the batch or the queries",
                Category.STYLE,
                1,
                (),
                hint="Q @ np.swapaxes(K, -1, -2) handles every batch dimension and every query at once.",
                static=_no_loops,
            )
        ),
    ]
    return assemble("attention", (FUNC,), parts, "attention.py", timeout=6.0)
