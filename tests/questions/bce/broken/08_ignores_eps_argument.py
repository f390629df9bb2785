# prep: bce
# ruff: noqa  (deliberately broken or hostile test data)
# bug: clips with a hard-coded 1e-15 instead of eps
# expect-fail: uses the eps argument
import numpy as np


def bce_loss(y_true, y_pred, eps=1e-12):
    y = np.asarray(y_true, dtype=float)
    p = np.asarray(y_pred, dtype=float)
    if y.shape != p.shape:
        raise ValueError("shapes differ")
    p = np.clip(p, 1e-15, 1 - 1e-15)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


def bce_grad(y_true, y_pred, eps=1e-12):
    y = np.asarray(y_true, dtype=float)
    p = np.asarray(y_pred, dtype=float)
    if y.shape != p.shape:
        raise ValueError("shapes differ")
    p = np.clip(p, 1e-15, 1 - 1e-15)
    return (p - y) / (p * (1 - p) * y.size)
