# prep: bce
# ruff: noqa  (deliberately broken or hostile test data)
# bug: clips the caller's y_pred in place (out=p)
# expect-fail: inputs not modified
import numpy as np


def bce_loss(y_true, y_pred, eps=1e-12):
    y = np.asarray(y_true, dtype=float)
    p = np.asarray(y_pred, dtype=float)
    if y.shape != p.shape:
        raise ValueError("shapes differ")
    np.clip(p, eps, 1 - eps, out=p)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


def bce_grad(y_true, y_pred, eps=1e-12):
    y = np.asarray(y_true, dtype=float)
    p = np.asarray(y_pred, dtype=float)
    if y.shape != p.shape:
        raise ValueError("shapes differ")
    np.clip(p, eps, 1 - eps, out=p)
    return (p - y) / (p * (1 - p) * y.size)
