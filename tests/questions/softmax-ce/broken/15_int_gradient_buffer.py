# prep: softmax-ce
# bug: the gradient is written into np.zeros_like(logits): for integer logits that buffer is an int
# bug: array, and every probability written into it is truncated to 0
# expect-fail: gradient matches (softmax - onehot) / n

import numpy as np


def softmax(z, axis=-1):
    z = np.asarray(z, dtype=float)
    shifted = z - np.max(z, axis=axis, keepdims=True)
    e = np.exp(shifted)
    return e / np.sum(e, axis=axis, keepdims=True)


def cross_entropy(logits, y):
    z = np.asarray(logits)
    y = np.asarray(y)
    if z.ndim != 2:
        raise ValueError(f"logits must be 2-D (n, C), got shape {z.shape}")
    if y.shape != (z.shape[0],):
        raise ValueError(f"y must hold one label per row: shape ({z.shape[0]},), got {y.shape}")
    n = z.shape[0]
    shifted = z - z.max(axis=1, keepdims=True)
    log_norm = np.log(np.exp(shifted).sum(axis=1))
    rows = np.arange(n)
    loss = float(np.mean(log_norm - shifted[rows, y]))
    grad = np.zeros_like(z)
    grad[:] = np.exp(shifted - log_norm[:, None])
    grad[rows, y] -= 1
    return loss, grad / n
