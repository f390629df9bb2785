"""The hidden suite of drill 18, classification metrics: brute-force counts, absent classes, and ROC-AUC with ties."""

from __future__ import annotations

import ast
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from interview_prep.grading.checks import (
    Part,
    assemble,
    each,
    fewer_samples,
    fmt_pair,
    inputs_unchanged,
    judged,
    performance,
    sample_loops,
    timed,
    value_errors,
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
    Value,
    as_array,
    as_float,
    as_tuple,
)

CM, PRF, AUC = "confusion_matrix", "precision_recall_f1", "roc_auc"


def brute_confusion(y_true: Sequence[Any], y_pred: Sequence[Any], labels: Sequence[Any]) -> np.ndarray:
    m = np.zeros((len(labels), len(labels)), dtype=np.int64)
    for t, p in zip(y_true, y_pred, strict=True):
        m[list(labels).index(t), list(labels).index(p)] += 1
    return m


def brute_prf(y_true: Sequence[Any], y_pred: Sequence[Any], positive: Any) -> tuple[float, float, float]:
    tp = sum(t == positive and p == positive for t, p in zip(y_true, y_pred, strict=True))
    fp = sum(t != positive and p == positive for t, p in zip(y_true, y_pred, strict=True))
    fn = sum(t == positive and p != positive for t, p in zip(y_true, y_pred, strict=True))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _averaged(got: Sequence[float], y_true: Sequence[Any], y_pred: Sequence[Any], positive: Any) -> str:
    """When `got` is an average over every class instead of the class `positive`'s own numbers, what
    the function did, for the start of the message (so a shrunk input must fail the same way); else ""."""
    classes = sorted(set(y_true) | set(y_pred), key=repr)
    accuracy = sum(t == p for t, p in zip(y_true, y_pred, strict=True)) / len(y_true)
    macro = np.mean([brute_prf(y_true, y_pred, c) for c in classes], axis=0)
    if np.allclose(got, (accuracy,) * 3, rtol=1e-9, atol=1e-12):
        return "pooled the counts of every class (micro averaging: all three equal the accuracy)"
    if np.allclose(got, macro, rtol=1e-9, atol=1e-12):
        return f"took each metric's mean over the {len(classes)} classes (macro averaging)"
    return ""


def brute_auc(y: np.ndarray, s: np.ndarray) -> float:
    """Every (positive, negative) pair: 1 when the positive scores higher, 1/2 for a tie."""
    pos, neg = s[y == 1][:, None], s[y == 0][None, :]
    return float(((pos > neg) + 0.5 * (pos == neg)).mean())


def _ints(seed: int, n: int, k: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    y = rng.integers(0, k, size=n)
    # Predictions right 60% of the time, so the matrix is far from symmetric.
    p = np.where(rng.uniform(size=n) < 0.6, y, rng.integers(0, k, size=n))
    return y, p


class Inputs:
    """Every input, made in the parent from fixed seeds."""

    def __init__(self) -> None:
        self.cm = [(s, *_ints(s, 50, 4)) for s in (1, 2)]
        y, p = _ints(3, 40, 3)
        y[[4, 9]] = 5  # a class that is never predicted
        p[[1, 7, 20]] = 3  # a class that is only predicted
        self.union = (y, p)
        names = np.array(["bird", "cat", "dog"])
        yi, pi = _ints(4, 30, 3)
        self.strs = (names[yi], names[pi])
        self.labels = (*_ints(5, 30, 3), [2, 0, 1, 4])
        self.prf = [
            ("prf-bin-1", *_ints(6, 40, 2), 1, "random binary labels, seed 6, n=40"),
            ("prf-bin-2", *_ints(7, 25, 2), 0, "random binary labels, seed 7, n=25, positive=0"),
            ("prf-multi", *_ints(8, 40, 4), 2, "4 classes, seed 8, n=40, positive=2"),
            ("prf-str", *self.strs, "cat", "string labels, seed 4, n=30, positive='cat'"),
        ]
        zero = np.zeros(6, dtype=int)
        mixed = np.array([1, 0, 1, 0, 0, 1])
        self.absent = [
            ("abs-nopred", mixed, zero, "a model that never predicts the positive class"),
            ("abs-noactual", zero, mixed, "no actual positives (y_true all 0), some predicted"),
            ("abs-neither", zero, zero, "no positives at all, actual or predicted"),
            ("abs-perfect", mixed, mixed.copy(), "perfect predictions"),
        ]
        rng = np.random.default_rng(9)
        y9 = rng.integers(0, 2, size=60)
        self.auc = [
            ("auc-rand", y9, rng.normal(size=60) + y9, "random scores without ties, seed 9, n=60"),
            (
                "auc-perfect",
                np.array([0, 0, 1, 1, 0, 1]),
                np.array([0.1, 0.2, 0.8, 0.9, 0.3, 0.7]),
                "perfectly ranked scores",
            ),
            (
                "auc-reversed",
                np.array([0, 0, 1, 1, 0, 1]),
                np.array([0.9, 0.8, 0.1, 0.2, 0.7, 0.3]),
                "perfectly reversed scores",
            ),
        ]
        rng = np.random.default_rng(10)
        y10 = rng.integers(0, 2, size=80)
        self.ties = [
            (
                "ties-round",
                y10,
                np.round(rng.uniform(size=80) * 0.6 + 0.4 * y10, 1),
                "scores rounded to 0.1, seed 10, n=80",
            ),
            ("ties-all", np.array([1, 0, 0, 1, 0]), np.full(5, 0.5), "every score equal"),
            (
                "ties-ints",
                np.array([0, 1, 1, 0, 1, 0, 1, 0]),
                np.array([1, 2, 1, 1, 3, 2, 2, 0]),
                "integer scores with ties",
            ),
        ]
        self.lst_y, self.lst_s = y9[:20], np.round(rng.normal(size=20), 1)
        y11 = np.random.default_rng(11).integers(0, 2, size=5000)
        self.perf = (y11, np.random.default_rng(12).normal(size=5000) + y11)
        # Large enough that a loop over the samples, one at a time, is slow in absolute terms too.
        # (int8 keeps the transfer to the child small; precision_recall_f1, the faster to count, gets more.)
        self.perf_labels = _labels_pair(13, PERF_N)
        self.perf_prf = _labels_pair(14, PERF_PRF_N)


PERF_ABOUT = "5000 random scores"
PERF_N = 200_000
PERF_PRF_N = 800_000
PERF_LABELS_ABOUT = f"{PERF_N} random labels 0-4"
PERF_PRF_ABOUT = f"{PERF_PRF_N} random labels 0-4"


def _labels_pair(seed: int, n: int) -> tuple[np.ndarray, np.ndarray]:
    """n true labels 0-4 and predictions that agree with 70% of them, as int8."""
    rng = np.random.default_rng(seed)
    y = rng.integers(0, 5, size=n).astype(np.int8)
    return y, np.where(rng.uniform(size=n) < 0.7, y, rng.integers(0, 5, size=n)).astype(np.int8)


class Calls:
    """Every call, made from the inputs; a call two checks judge is one object here."""

    def __init__(self, inp: Inputs) -> None:
        self.cm = [
            (Call(f"cm-{s}", CM, (y, p), about=f"random labels 0-3, seed {s}, n=50"), (y, p)) for s, y, p in inp.cm
        ]
        y, p = inp.union
        self.union = Call(
            "cm-union", CM, (y, p), about="seed 3, n=40: class 5 is never predicted, class 3 only predicted"
        )
        ys, ps = inp.strs
        self.strs = [
            Call("cm-str", CM, (ys, ps), about="string labels 'bird', 'cat', 'dog' as arrays, seed 4, n=30"),
            Call("cm-str-list", CM, (ListArg(ys), ListArg(ps)), about="string labels as Python lists, seed 4, n=30"),
        ]
        y, p, labels = inp.labels
        self.labels = Call("cm-labels", CM, (y, p), {"labels": labels}, about="labels=[2, 0, 1, 4], seed 5, n=30")
        self.prf = [
            (Call(cid, PRF, (y, p), {"positive": pos}, about=about), (y, p, pos)) for cid, y, p, pos, about in inp.prf
        ]
        self.prf_list = Call(
            "prf-list", PRF, (ListArg(inp.prf[0][1]), ListArg(inp.prf[0][2])), about="Python lists, seed 6, n=40"
        )
        self.absent = [(Call(cid, PRF, (y, p), about=about), (y, p, 1)) for cid, y, p, about in inp.absent]
        self.auc = [(Call(cid, AUC, (y, s), about=about), (y, s)) for cid, y, s, about in inp.auc]
        self.ties = [(Call(cid, AUC, (y, s), about=about), (y, s)) for cid, y, s, about in inp.ties]
        self.auc_lists = [
            Call("auc-list", AUC, (ListArg(inp.lst_y), ListArg(inp.lst_s)), about="Python lists, n=20"),
            Call("auc-array", AUC, (inp.lst_y, inp.lst_s), about="arrays, n=20"),
        ]
        self.kept = Call(
            "auc-kept", AUC, (inp.lst_y.copy(), inp.lst_s.copy()), return_args=(0, 1), about="arrays, n=20"
        )
        short = (np.array([0, 1, 1, 0]), np.array([0, 1, 1]))
        self.lengths = [
            Call("len-cm", CM, short, about="y_true of length 4 and y_pred of length 3"),
            Call("len-prf", PRF, short, about="y_true of length 4 and y_pred of length 3"),
            Call("len-auc", AUC, (short[0], np.array([0.2, 0.4, 0.6])), about="y_true of length 4 and 3 scores"),
        ]
        self.one_class = [
            Call("one-pos", AUC, (np.ones(5, dtype=int), np.linspace(0, 1, 5)), about="y_true all 1"),
            Call("one-neg", AUC, (np.zeros(5, dtype=int), np.linspace(0, 1, 5)), about="y_true all 0"),
        ]
        self.perf = timed(AUC, inp.perf, {}, PERF_ABOUT)
        # Every function is timed: a loop over the samples in any one of them costs the speed points.
        self.perf_cm = timed(CM, inp.perf_labels, {}, PERF_LABELS_ABOUT, tag="cm")
        self.perf_prf = timed(PRF, inp.perf_prf, {"positive": 1}, PERF_PRF_ABOUT, tag="prf")


def _matrix(r: Returned, shape: tuple[int, int]) -> np.ndarray:
    if r.value is None:
        raise Unusable(f"{CM} returned nothing")
    return as_array(r.value, f"what {CM} returned", shape=shape)


def _floats(v: Value | None, n: int, what: str) -> list[float]:
    items = as_tuple(v, n, what) if n > 1 else [v]
    return [as_float(x, what) for x in items]


def _fmt(t: Sequence[float]) -> str:
    return "(" + ", ".join(f"{x:.4g}" for x in t) + ")"


def _fmt_pair(got: Sequence[float], want: Sequence[float]) -> tuple[str, str]:
    """Two triples for "gave ..., expected ...", each element with as many digits as tell it apart."""
    pairs = [fmt_pair(g, w, 4) for g, w in zip(got, want, strict=True)]
    return "(" + ", ".join(g for g, _ in pairs) + ")", "(" + ", ".join(w for _, w in pairs) + ")"


def _no_sample_loops(tree: ast.Module) -> str:
    """Loops over the samples inside precision_recall_f1 and roc_auc. Scoped to those two bodies: a
    confusion_matrix that maps labels through a dict, one sample at a time, is a fair way to handle
    strings and is not flagged."""
    lines: list[int] = []
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name in (PRF, AUC):
            params = [a.arg for a in node.args.args[:2]]
            lines += sample_loops(ast.Module(body=[node], type_ignores=[]), params)
    if lines:
        where = ", ".join(str(n) for n in sorted(set(lines))[:5])
        raise Fail(f"{PRF} / {AUC} loop in Python over the samples or their pairs, one at a time (line {where}).")
    return "no Python loop over the samples."


def build() -> Suite:
    inp = Inputs()
    calls = Calls(inp)

    def cm_counts(r: Returned, case: tuple[np.ndarray, np.ndarray]) -> None:
        y, p = case
        want = brute_confusion(y.tolist(), p.tolist(), [0, 1, 2, 3])
        got = _matrix(r, want.shape)
        if not np.array_equal(got, want):
            if np.array_equal(got, want.T):
                raise Fail(f"{CM} is transposed on {r.call.about}: rows should be true labels, columns predictions.")
            i, j = np.unravel_index(int(np.argmax(got != want)), want.shape)
            raise Fail(
                f"{CM}[{i}, {j}] is {got[i, j]} on {r.call.about}, but {want[i, j]} samples have true label {i} "
                f"and prediction {j}."
            )

    def cm_int(r: Returned, _case: object) -> None:
        got = _matrix(r, (4, 4))
        if got.dtype.kind not in "iu":
            raise Fail(f"{CM} returned dtype {got.dtype} on {r.call.about}; counts should be an int array.")

    def cm_union(results: Mapping[str, Returned]) -> str:
        r = results[calls.union.id]
        y, p = inp.union
        want = brute_confusion(y.tolist(), p.tolist(), [0, 1, 2, 3, 5])
        got = as_array(r.value, f"what {CM} returned") if r.value else None
        if got is None or got.shape != want.shape:
            shape = got.shape if got is not None else None
            raise Fail(
                f"{CM} returned shape {shape} on {r.call.about}; the labels are the sorted union of y_true and "
                f"y_pred, [0, 1, 2, 3, 5], so the shape is (5, 5)."
            )
        if not np.array_equal(got, want):
            raise Fail(
                f"{CM} has the right shape but wrong counts on {r.call.about} (rows and columns in sorted order)."
            )
        return "labels default to the sorted union of y_true and y_pred (a class only predicted included)."

    def cm_strings(results: Mapping[str, Returned]) -> str:
        ys, ps = inp.strs
        want = brute_confusion(ys.tolist(), ps.tolist(), ["bird", "cat", "dog"])
        for call in calls.strs:
            r = results[call.id]
            if not np.array_equal(_matrix(r, want.shape), want):
                raise Fail(f"{CM} is wrong on {r.call.about} (rows and columns in sorted order: bird, cat, dog).")
        return "string labels work, as arrays and as lists."

    def cm_labels(results: Mapping[str, Returned]) -> str:
        r = results[calls.labels.id]
        y, p, labels = inp.labels
        want = brute_confusion(y.tolist(), p.tolist(), labels)
        got = _matrix(r, want.shape)
        if not np.array_equal(got, want):
            raise Fail(
                f"{CM} is wrong on {r.call.about}: row and column i belong to labels[i], in the order given, and "
                "label 4 (absent from the data) gets a row and column of zeros."
            )
        return "explicit labels set the order and may include absent classes."

    def prf_values(r: Returned, case: tuple[np.ndarray, np.ndarray, Any]) -> None:
        y, p, pos = case
        got = _floats(r.value, 3, PRF)
        want = brute_prf(y.tolist(), p.tolist(), pos)
        if not np.allclose(got, want, rtol=1e-9, atol=1e-12):
            note = ""
            shown = _fmt_pair(got, want)
            if np.allclose(got, (want[1], want[0], want[2])):
                note = " (precision and recall are swapped: precision divides by the predicted positives)"
            elif averaged := _averaged(got, y.tolist(), p.tolist(), pos):
                raise Fail(
                    f"{PRF} {averaged} instead of scoring the class positive={pos!r} alone: it gave {shown[0]} "
                    f"on {r.call.about}, expected {shown[1]}."
                )
            raise Fail(f"{PRF} gave {shown[0]} on {r.call.about}, expected {shown[1]}{note}.")

    def absent(results: Mapping[str, Returned]) -> str:
        for call, (y, p, _pos) in calls.absent:
            r = results[call.id]
            if r.raised:
                raise Fail(f"{PRF} raised {r.exc_type} ({r.exc_msg}) on {r.call.about}; a zero denominator means 0.0.")
            got = _floats(r.value, 3, PRF)
            want = brute_prf(y.tolist(), p.tolist(), 1)
            if not np.all(np.isfinite(got)):
                raise Fail(f"{PRF} gave {_fmt(got)} on {r.call.about}; a zero denominator means 0.0, not NaN.")
            if not np.allclose(got, want, rtol=1e-9, atol=1e-12):
                shown = _fmt_pair(got, want)
                averaged = _averaged(got, y.tolist(), p.tolist(), 1)
                how = f": it {averaged} instead of scoring the class positive=1 alone" if averaged else ""
                raise Fail(f"{PRF} gave {shown[0]} on {r.call.about}, expected {shown[1]}{how}.", calls=[call])
        return "0.0, not NaN or an error, when there are no predicted or no actual positives."

    def floats(results: Mapping[str, Returned]) -> str:
        for call, _case in calls.prf:
            r = results[call.id]
            for v in as_tuple(r.value, 3, PRF):
                if v.kind != "float":
                    raise Fail(f"{PRF} returned a {v.type_name} where a float belongs, on {r.call.about}.")
        for call, _pair in calls.auc:
            r = results[call.id]
            if r.value is None or r.value.kind != "float":
                what = r.value.type_name if r.value else "nothing"
                raise Fail(f"{AUC} returned {what}, not a float, on {r.call.about}.")
        return "precision_recall_f1 returns three floats and roc_auc one."

    def auc(r: Returned, case: tuple[np.ndarray, np.ndarray]) -> None:
        y, s = case
        got, want = _floats(r.value, 1, AUC)[0], brute_auc(y, s)
        if not (np.isfinite(got) and abs(got - want) <= 1e-9):
            pos, neg = s[y == 1][:, None], s[y == 0][None, :]
            note = ""
            n_ties = int((pos == neg).sum())
            if n_ties and abs(got - float((pos > neg).mean())) <= 1e-9:
                note = f" ({n_ties} tied pairs counted as 0 instead of 1/2)"
            elif n_ties and abs(got - float((pos >= neg).mean())) <= 1e-9:
                note = f" ({n_ties} tied pairs counted as 1 instead of 1/2)"
            elif n_ties:
                note = f" ({n_ties} positive-negative pairs are tied; each counts 1/2)"
            shown = fmt_pair(got, want)
            raise Fail(
                f"{AUC} gave {shown[0]} on {r.call.about}; counting every positive-negative pair gives "
                f"{shown[1]}{note}."
            )

    def lists(results: Mapping[str, Returned]) -> str:
        r, arr = results[calls.prf_list.id], results[calls.prf[0][0].id]
        if _floats(r.value, 3, PRF) != _floats(arr.value, 3, PRF):
            raise Fail(f"{PRF} gave a different result for {r.call.about} than for the same data as arrays.")
        r, arr = (results[c.id] for c in calls.auc_lists)
        if not abs(_floats(r.value, 1, AUC)[0] - _floats(arr.value, 1, AUC)[0]) <= 1e-12:
            raise Fail(f"{AUC} gave a different result for {r.call.about} than for the same data as arrays.")
        return "Python lists work (confusion_matrix lists are judged with the string labels)."

    C, E = Category.CORRECTNESS, Category.EDGE_CASE
    parts = [
        each(
            "confusion matrix counts (true, predicted) pairs",
            C,
            3,
            calls.cm,
            cm_counts,
            "counts every (true, predicted) pair on 2 random inputs.",
            shrink=fewer_samples,
            names=("y_true", "y_pred"),
            hint="Entry [i, j] counts true labels[i] predicted as labels[j]: rows are the truth.",
        ),
        each(
            "confusion matrix is an int array",
            C,
            1,
            calls.cm,
            cm_int,
            "an (L, L) int array.",
            hint="Count with np.bincount or an int array (np.zeros(..., dtype=int)).",
        ),
        judged(
            "labels default to the sorted union of y_true and y_pred",
            E,
            1,
            [calls.union],
            cm_union,
            hint="labels = np.unique(np.concatenate([y_true, y_pred])): a class the model only predicts still counts.",
        ),
        judged(
            "string labels",
            E,
            1,
            calls.strs,
            cm_strings,
            hint="Map labels to indices (np.unique(..., return_inverse=True) or a dict), not int(label).",
        ),
        judged(
            "explicit labels set the order",
            C,
            2,
            [calls.labels],
            cm_labels,
            hint="Index rows and columns by position in `labels`, in the order given.",
        ),
        each(
            "precision, recall and F1 match their definitions",
            C,
            3,
            calls.prf,
            prf_values,
            "matches TP / (TP + FP), TP / (TP + FN) and their harmonic mean on binary, multiclass and string labels.",
            shrink=fewer_samples,
            names=("y_true", "y_pred"),
            hint="precision = TP / (TP + FP), recall = TP / (TP + FN), f1 = 2PR / (P + R).",
        ),
        judged(
            "absent class gives 0.0, not NaN or an error",
            E,
            2,
            [c for c, _ in calls.absent],
            absent,
            hint="Guard each division: 0.0 when its denominator is 0.",
            may_raise=True,
        ),
        judged(
            "returns Python floats",
            C,
            1,
            [c for c, _ in calls.prf] + [c for c, _ in calls.auc],
            floats,
            hint="Wrap the results in float(...).",
        ),
        each(
            "ROC-AUC matches pair counting",
            C,
            3,
            calls.auc,
            auc,
            "matches counting every positive-negative pair on random, perfect and reversed scores.",
            shrink=fewer_samples,
            names=("y_true", "scores"),
            hint="AUC = (sum of the positives' ranks - P(P+1)/2) / (P N), or count pairs directly.",
        ),
        each(
            "tied scores count one half",
            C,
            2,
            calls.ties,
            auc,
            "a tied positive-negative pair counts 1/2 (rounded, all-equal and integer scores).",
            shrink=fewer_samples,
            names=("y_true", "scores"),
            hint="Give tied scores their average rank (or count a tie as 0.5 when counting pairs).",
        ),
        judged(
            "lists accepted",
            E,
            1,
            [calls.prf_list, calls.prf[0][0], *calls.auc_lists],
            lists,
            hint="Convert first: y_true = np.asarray(y_true).",
        ),
        value_errors(
            "ValueError when the lengths differ",
            E,
            1,
            calls.lengths,
            hint="Compare len(y_true) with len(y_pred) (or scores) and raise ValueError: zip would silently truncate.",
        ),
        value_errors(
            "roc_auc ValueError for one class",
            E,
            1,
            calls.one_class,
            hint="With no positives or no negatives there are no pairs: raise ValueError instead of returning NaN.",
        ),
        inputs_unchanged(
            "inputs not modified",
            C,
            1,
            [calls.kept],
            ["y_true", "scores"],
            hint="np.sort(scores) or argsort returns a new array; scores.sort() reorders the caller's data.",
        ),
        performance(
            [calls.perf_cm, calls.perf_prf, calls.perf],
            "Count with array operations (np.bincount of true * k + predicted; boolean masks and np.sum for TP, "
            "FP and FN) and rank once (argsort) instead of comparing every positive with every negative in Python.",
        ),
        Part(
            Check(
                "no Python loop over the samples",
                Category.STYLE,
                1,
                (),
                hint="Boolean masks and np.sum count TP/FP/FN; ranks give the AUC without a loop.",
                static=_no_sample_loops,
            )
        ),
    ]
    return assemble("classification-metrics", (CM, PRF, AUC), parts, "classification_metrics.py")
