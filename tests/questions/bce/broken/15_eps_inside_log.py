# prep: bce
# bug: eps added inside the logs instead of clipping p to [eps, 1 - eps]: a perfect prediction gives
# bug: -log(1 + eps) < 0, a negative cross-entropy (close to the clip only while eps is tiny)
# expect-fail: eps clips p: a perfect prediction costs -log(1 - eps)
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
