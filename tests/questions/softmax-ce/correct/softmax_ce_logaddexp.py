# prep: softmax-ce
"""Correct in another style: log-softmax through np.logaddexp.reduce, a one-hot matrix, labels from lists."""

import numpy as np


def _log_softmax(z, axis):
    return z - np.logaddexp.reduce(z, axis=axis, keepdims=True)


def softmax(z, axis=-1):
    return np.exp(_log_softmax(np.array(z, dtype=np.float64), axis))


def cross_entropy(logits, y):
    logits = np.array(logits, dtype=np.float64)
    labels = np.array(y, dtype=np.int64)
    if logits.ndim != 2:
        raise ValueError("logits must be 2-D")
    n, c = logits.shape
    if labels.shape != (n,):
        raise ValueError("need exactly one label per row")
    log_p = _log_softmax(logits, 1)
    onehot = np.eye(c)[labels]
    loss = -np.einsum("ij,ij->", onehot, log_p) / n
    return float(loss), (np.exp(log_p) - onehot) / n
