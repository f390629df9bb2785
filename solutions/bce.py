# prep: bce
"""Reference solution of question 2: mean binary cross-entropy and its gradient, clipped to stay finite."""

from __future__ import annotations

import numpy as np


def _prepare(y_true, y_pred, eps):
    y = np.asarray(y_true, dtype=float)
    p = np.asarray(y_pred, dtype=float)
    if y.shape != p.shape:
        raise ValueError(f"y_true has shape {y.shape} but y_pred has shape {p.shape}")
    return y, np.clip(p, eps, 1 - eps)


def bce_loss(y_true, y_pred, eps=1e-12):
    """-mean(y*log(p) + (1-y)*log(1-p)) with p clipped to [eps, 1-eps], as a Python float."""
    y, p = _prepare(y_true, y_pred, eps)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


def bce_grad(y_true, y_pred, eps=1e-12):
    """d bce_loss / d y_pred = (p - y) / (p (1 - p) N), shaped like y_pred."""
    y, p = _prepare(y_true, y_pred, eps)
    return (p - y) / (p * (1 - p) * y.size)
