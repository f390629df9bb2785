# prep: stratified-split
# A correct stratified split over a dict of lists (the style the question suggests), classes in
# sorted order, sizes from round(r * n_c, 9), leftovers to train, then validation, then test.
import math
from collections import defaultdict

import numpy as np


def stratified_split(labels, ratios=(0.7, 0.15, 0.15), seed=None):
    labels = np.asarray(labels)
    if labels.ndim != 1:
        raise ValueError("labels must be 1-D")
    if len(ratios) != 3 or any(r < 0 for r in ratios) or abs(sum(ratios) - 1.0) > 1e-6:
        raise ValueError("ratios must be 3 non-negative numbers summing to 1")
    groups = defaultdict(list)
    for i, lab in enumerate(labels.tolist()):
        groups[lab].append(i)
    rng = np.random.default_rng(seed)
    out = [[], [], []]
    for lab in sorted(groups):
        idx = np.array(groups[lab])
        rng.shuffle(idx)
        exact = [round(r * len(idx), 9) for r in ratios]
        sizes = [math.floor(e) for e in exact]
        for s in range(3):
            if sum(sizes) < len(idx) and sizes[s] < math.ceil(exact[s]):
                sizes[s] += 1
        start = 0
        for s in range(3):
            out[s].extend(idx[start : start + sizes[s]].tolist())
            start += sizes[s]
    return tuple(np.array(part, dtype=np.int64) for part in out)
