# prep: stratified-split
# A correct stratified split without a Python loop over samples: one global permutation, then a
# stable sort by class keeps each class shuffled; sizes via fractions; int32 indices.
from fractions import Fraction

import numpy as np


def stratified_split(labels, ratios=(0.7, 0.15, 0.15), seed=None):
    y = np.asarray(labels)
    if y.ndim != 1:
        raise ValueError("labels must be one-dimensional")
    r = [float(v) for v in ratios]
    if len(r) != 3 or min(r) < 0 or abs(sum(r) - 1) > 1e-6:
        raise ValueError("invalid ratios")
    rng = np.random.default_rng(seed)
    perm = rng.permutation(len(y))
    classes, codes = np.unique(y, return_inverse=True)
    order = perm[np.argsort(codes[perm], kind="stable")]
    counts = np.bincount(codes, minlength=len(classes))
    parts = ([], [], [])
    start = 0
    for n_c in counts.tolist():
        block = order[start : start + n_c]
        start += n_c
        exact = [Fraction(str(v)) * n_c for v in r]
        sizes = [int(e) for e in exact]
        by_remainder = sorted(range(3), key=lambda i: exact[i] - sizes[i], reverse=True)
        for i in by_remainder[: n_c - sum(sizes)]:
            sizes[i] += 1
        bounds = np.cumsum([0] + sizes)
        for i in range(3):
            parts[i].append(block[bounds[i] : bounds[i + 1]])
    return tuple(np.concatenate(p).astype(np.int32) if p else np.empty(0, np.int32) for p in parts)
