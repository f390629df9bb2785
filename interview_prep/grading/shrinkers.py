"""Smaller cases of a failing case (fewer rows, fewer columns, rounder values), and how a table check
finds its first failing row to shrink from."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any, TypeVar

from interview_prep.grading.snippets import python_source
from interview_prep.grading.suite import Call, Fail, ListArg, Returned, Shrink

if TYPE_CHECKING:
    import numpy as np
else:
    from interview_prep.grading.lazynp import np


T = TypeVar("T")


def no_smaller(call: Call, case: Any) -> list[tuple[Call, Any]]:
    return []


def shrink_each(
    cases: Sequence[tuple[Call, T]],
    verify: Callable[[Returned, T], None],
    candidates: Callable[[Call, T], Sequence[tuple[Call, T]]],
    names: Sequence[str],
) -> Shrink:
    """How a table check shrinks: its first failing row, judged by the same `verify`."""

    def verdict(r: Returned, case: T) -> str | None:
        if r.outcome != "ok":
            return None
        try:
            verify(r, case)
        except Fail as exc:
            return str(exc)
        except Exception:  # noqa: BLE001 - an unusable return is not the same failure
            return None
        return None

    def failing(results: Mapping[str, Returned]) -> tuple[Call, Any] | None:
        for call, case in cases:
            r = results.get(call.id)
            if r is not None and verdict(r, case) is not None:
                return call, case
        return None

    return Shrink(failing, candidates, verdict, lambda call: python_source(call, names))


def fewer_rows(n: int, least: int = 1) -> list[np.ndarray]:
    """Index arrays of fewer than n rows (never fewer than `least`), the smallest first: prefixes,
    suffixes and evenly spread subsets of a few sizes (jumping down at once), then one row dropped."""
    out: list[np.ndarray] = []
    seen: set[bytes] = set()
    sizes = sorted({m for m in (least, least + 1, least + 2, n // 4, n // 2) if least <= m < n})
    rows = [np.arange(n)[:m] for m in sizes] + [np.arange(n - m, n) for m in sizes]
    rows += [np.linspace(0, n - 1, m).round().astype(int) for m in sizes]
    if least <= n - 1 and n <= 8:
        rows += [np.delete(np.arange(n), i) for i in range(n)]
    for idx in sorted(rows, key=len):
        if idx.tobytes() not in seen:
            seen.add(idx.tobytes())
            out.append(idx)
    return out


def rounder(a: np.ndarray) -> list[np.ndarray]:
    """A float array rounded to whole numbers and to one decimal (the ones that differ from it)."""
    if a.dtype.kind != "f":
        return []
    # + 0.0 turns the -0.0 that rounding leaves into 0.0, which reads better in a snippet.
    return [r for r in (np.round(a, 0) + 0.0, np.round(a, 1) + 0.0) if not np.array_equal(r, a)]


def fewer_samples(call: Call, case: Any, aligned: int = 2, least: int = 1) -> list[tuple[Call, Any]]:
    """A call and its case on fewer samples, for tables whose case starts with the call's arrays: the
    first `aligned` positional arguments (arrays or lists aligned on their first axis) are cut to the
    same rows, and so are the case's first `aligned` items; then each rounded on its own."""
    arrays = [a.array if isinstance(a, ListArg) else np.asarray(a) for a in call.args[:aligned]]
    variants = [[a[idx] for a in arrays] for idx in fewer_rows(len(arrays[0]), least)]
    variants += [[r if i == j else a for i, a in enumerate(arrays)] for j in range(aligned) for r in rounder(arrays[j])]
    out = []
    for v in variants:
        args = tuple(ListArg(x) if isinstance(o, ListArg) else x for x, o in zip(v, call.args, strict=False))
        out.append((replace(call, args=args + call.args[aligned:], about="this input"), (*v, *case[aligned:])))
    return out


def smaller_matrices(X: np.ndarray, least_rows: int = 1) -> list[np.ndarray]:
    """Smaller versions of a 2-D array (the shrinker keeps the smallest that still fails): fewer rows
    (prefixes, also rounded to whole numbers or one decimal, suffixes and spread subsets, jumping
    down at once), one row dropped, fewer columns, rounder values."""
    n, d = X.shape
    out: list[np.ndarray] = []
    seen: set[tuple[tuple[int, ...], bytes]] = set()

    def add(a: np.ndarray) -> None:
        if a.shape[0] < least_rows or (a.shape == X.shape and np.array_equal(a, X)):
            return
        key = (a.shape, a.tobytes())
        if key not in seen:
            seen.add(key)
            out.append(a)

    for idx in fewer_rows(n, least_rows):
        for a in [*rounder(X[idx]), X[idx]]:
            add(a)
    if d > 1:
        for j in range(d):
            add(np.delete(X, j, axis=1))
    for a in rounder(X):
        add(a)
    return out
