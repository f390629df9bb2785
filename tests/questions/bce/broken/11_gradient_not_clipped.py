# prep: bce
# ruff: noqa  (deliberately broken or hostile test data)
# bug: the gradient uses the raw predictions
# expect-fail: gradient finite and clipped at p = 0 and 1
import numpy as np


def bce_loss(y_true, y_pred, eps=1e-12):
    y = np.asarray(y_true, dtype=float)
    p = np.asarray(y_pred, dtype=float)
    if y.shape != p.shape:
        raise ValueError("shapes differ")
    p = np.clip(p, eps, 1 - eps)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


def bce_grad(y_true, y_pred, eps=1e-12):
    y = np.asarray(y_true, dtype=float)
    p = np.asarray(y_pred, dtype=float)
    if y.shape != p.shape:
        raise ValueError("shapes differ")
    return (p - y) / (p * (1 - p) * y.size)
