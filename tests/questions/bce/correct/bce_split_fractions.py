# prep: bce
# A correct bce whose gradient is written as -(y/p - (1-y)/(1-p)) / N, with log1p in the loss.
import numpy as np


def bce_loss(y_true, y_pred, eps=1e-12):
    y = np.asarray(y_true, dtype=float)
    p = np.asarray(y_pred, dtype=float)
    if y.shape != p.shape:
        raise ValueError("shape mismatch")
    p = np.clip(p, eps, 1 - eps)
    return float(np.mean(-(y * np.log(p) + (1 - y) * np.log1p(-p))))


def bce_grad(y_true, y_pred, eps=1e-12):
    y = np.asarray(y_true, dtype=float)
    p = np.asarray(y_pred, dtype=float)
    if y.shape != p.shape:
        raise ValueError("shape mismatch")
    p = np.clip(p, eps, 1 - eps)
    return -(y / p - (1 - y) / (1 - p)) / p.size
