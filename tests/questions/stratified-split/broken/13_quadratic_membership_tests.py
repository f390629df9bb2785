# prep: stratified-split
# ruff: noqa  (deliberately broken or hostile test data)
# bug: builds test with `i not in train` over lists: O(n^2)
# expect-fail: vectorized: time on a large input
# still-passes: yes
import math

import numpy as np


def stratified_split(labels, ratios=(0.7, 0.15, 0.15), seed=None):
    labels = list(np.asarray(labels).tolist()) if np.ndim(labels) == 1 else None
    if labels is None:
        raise ValueError("labels must be 1-D")
    if len(ratios) != 3 or min(ratios) < 0 or abs(sum(ratios) - 1) > 1e-6:
        raise ValueError("bad ratios")
    rng = np.random.default_rng(seed)
    train, val = [], []
    for c in sorted(set(labels)):
        idx = [i for i, lab in enumerate(labels) if lab == c]
        idx = [idx[j] for j in rng.permutation(len(idx))]
        n_train = math.floor(round(ratios[0] * len(idx), 9))
        n_val = math.floor(round(ratios[1] * len(idx), 9))
        if len(idx) - n_train - n_val > math.ceil(round(ratios[2] * len(idx), 9)):
            n_train += 1
        train += idx[:n_train]
        val += idx[n_train:n_train + n_val]
    test = [i for i in range(len(labels)) if i not in train and i not in val]
    return np.array(train, dtype=int), np.array(val, dtype=int), np.array(test, dtype=int)
