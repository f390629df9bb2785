# prep: bce
# ruff: noqa  (deliberately broken or hostile test data)
# bug: loops in Python over the elements: correct but slow
# expect-fail: vectorized: time on a large input
# expect-fail: no Python loop over the elements
# still-passes: yes
import math

import numpy as np


def bce_loss(y_true, y_pred, eps=1e-12):
    y = np.asarray(y_true, dtype=float).ravel()
    p = np.asarray(y_pred, dtype=float).ravel()
    if np.shape(y_true) != np.shape(y_pred):
        raise ValueError("shapes differ")
    total = 0.0
    for i in range(len(y)):
        q = min(max(p[i], eps), 1 - eps)
        total += y[i] * math.log(q) + (1 - y[i]) * math.log(1 - q)
    return -total / len(y)


def bce_grad(y_true, y_pred, eps=1e-12):
    y = np.asarray(y_true, dtype=float)
    p = np.asarray(y_pred, dtype=float)
    if y.shape != p.shape:
        raise ValueError("shapes differ")
    g = np.empty_like(p)
    for i in range(y.size):
        q = min(max(p.flat[i], eps), 1 - eps)
        g.flat[i] = (q - y.flat[i]) / (q * (1 - q) * y.size)
    return g
