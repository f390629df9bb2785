# prep: bce
# ruff: noqa  (deliberately broken or hostile test data)
# bug: pairs y with log(1 - p) and 1 - y with log(p)
# expect-fail: loss matches the formula
import numpy as np


def bce_loss(y_true, y_pred, eps=1e-12):
    y = np.asarray(y_true, dtype=float)
    p = np.asarray(y_pred, dtype=float)
    if y.shape != p.shape:
        raise ValueError("shapes differ")
    p = np.clip(p, eps, 1 - eps)
    return float(-np.mean(y * np.log(1 - p) + (1 - y) * np.log(p)))


def bce_grad(y_true, y_pred, eps=1e-12):
    y = np.asarray(y_true, dtype=float)
    p = np.asarray(y_pred, dtype=float)
    if y.shape != p.shape:
        raise ValueError("shapes differ")
    p = np.clip(p, eps, 1 - eps)
    return (p - y) / (p * (1 - p) * y.size)
