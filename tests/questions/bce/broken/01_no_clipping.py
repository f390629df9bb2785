# prep: bce
# ruff: noqa  (deliberately broken or hostile test data)
# bug: no clipping: log(0) at predictions of exactly 0 or 1
# expect-fail: loss matches the clipped formula at p = 0 and 1
import numpy as np


def bce_loss(y_true, y_pred, eps=1e-12):
    y = np.asarray(y_true, dtype=float)
    p = np.asarray(y_pred, dtype=float)
    if y.shape != p.shape:
        raise ValueError("shapes differ")
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


def bce_grad(y_true, y_pred, eps=1e-12):
    y = np.asarray(y_true, dtype=float)
    p = np.asarray(y_pred, dtype=float)
    if y.shape != p.shape:
        raise ValueError("shapes differ")
    p = np.clip(p, eps, 1 - eps)
    return (p - y) / (p * (1 - p) * y.size)
