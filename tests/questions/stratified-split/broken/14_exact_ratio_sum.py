# prep: stratified-split
# bug: validates the ratios with sum(ratios) != 1: (0.6, 0.3, 0.1) sums to 0.9999999999999999 in
# bug: floating point and is rejected, though the contract allows a sum within 1e-6 of 1
# expect-fail: ratios summing to 1 within float error accepted

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np


def stratified_split(labels, ratios=(0.7, 0.15, 0.15), seed=None):
    """Return (train_idx, val_idx, test_idx), each class shuffled by seed and split on its own."""
    labels = np.asarray(labels)
    if labels.ndim != 1:
        raise ValueError(f"labels must be 1-D, got shape {labels.shape}")
    ratios = tuple(ratios)
    if len(ratios) != 3 or any(not math.isfinite(r) or r < 0 for r in ratios):
        raise ValueError(f"ratios must be three non-negative numbers, got {ratios!r}")
    if sum(ratios) != 1:
        raise ValueError(f"ratios must sum to 1, got {sum(ratios)}")
    # Fraction(str(r)) reads 0.7 as 7/10, so 0.7 * 10 is exactly 7, not 7.000000000000001.
    exact = [Fraction(str(r)) for r in ratios]
    rng = np.random.default_rng(seed)
    parts: list[list[np.ndarray]] = [[], [], []]
    # np.unique sorts the classes: the order, and so the shuffles, never depend on hash order.
    classes, inverse = np.unique(labels, return_inverse=True)
    for c in range(len(classes)):
        idx = rng.permutation(np.flatnonzero(inverse == c))
        n_c = len(idx)
        sizes = [math.floor(r * n_c) for r in exact]
        # Hand the leftover samples to the splits with the largest remainders: each split then
        # holds the floor or the ceiling of its share, and the sizes add up to n_c.
        order = sorted(range(3), key=lambda i: (-(exact[i] * n_c - sizes[i]), i))
        for i in order[: n_c - sum(sizes)]:
            sizes[i] += 1
        cuts = np.cumsum(sizes)[:-1]
        for part, chunk in zip(parts, np.split(idx, cuts), strict=True):
            part.append(chunk)
    return tuple(np.concatenate(p).astype(np.int64) if p else np.zeros(0, np.int64) for p in parts)
