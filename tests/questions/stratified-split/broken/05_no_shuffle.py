# prep: stratified-split
# ruff: noqa  (deliberately broken or hostile test data)
# bug: never shuffles: the first indices of each class always go to train
# expect-fail: shuffles within classes
import math
from fractions import Fraction

import numpy as np


def stratified_split(labels, ratios=(0.7, 0.15, 0.15), seed=None):
    labels = np.asarray(labels)
    if labels.ndim != 1:
        raise ValueError("labels must be 1-D")
    if len(ratios) != 3 or min(ratios) < 0 or abs(sum(ratios) - 1) > 1e-6:
        raise ValueError("bad ratios")
    rng = np.random.default_rng(seed)
    train, val, test = [], [], []
    for c in np.unique(labels):
        idx = np.flatnonzero(labels == c)
        n_c = len(idx)
        n_train = math.floor(Fraction(str(ratios[0])) * n_c)
        n_val = math.floor(Fraction(str(ratios[1])) * n_c)
        n_test = math.floor(Fraction(str(ratios[2])) * n_c)
        rest = n_c - n_train - n_val - n_test
        remainders = [Fraction(str(r)) * n_c % 1 for r in ratios]
        order = sorted(range(3), key=lambda i: -remainders[i])
        sizes = [n_train, n_val, n_test]
        for i in order[:rest]:
            sizes[i] += 1
        n_train, n_val, n_test = sizes
        train.extend(idx[:n_train])
        val.extend(idx[n_train:n_train + n_val])
        test.extend(idx[n_train + n_val:])
    return (np.array(train, dtype=int), np.array(val, dtype=int), np.array(test, dtype=int))
