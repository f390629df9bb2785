# prep: bce
# A correct bce that adds eps inside the logs and the denominators instead of clipping,
# and returns np.float64 rather than a Python float.
import numpy as np


def bce_loss(y_true, y_pred, eps=1e-12):
    y, p = np.asarray(y_true, float), np.asarray(y_pred, float)
    if y.shape != p.shape:
        raise ValueError(f"shape mismatch: {y.shape} vs {p.shape}")
    return -np.mean(y * np.log(p + eps) + (1.0 - y) * np.log(1.0 - p + eps))


def bce_grad(y_true, y_pred, eps=1e-12):
    y, p = np.asarray(y_true, float), np.asarray(y_pred, float)
    if y.shape != p.shape:
        raise ValueError(f"shape mismatch: {y.shape} vs {p.shape}")
    return (p - y) / ((p + eps) * (1.0 - p + eps)) / y.size
