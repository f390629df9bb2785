# prep: softmax-ce
# bug: subtracts the max in place, changing the caller's float array
# expect-fail: inputs not modified
import numpy as np


def softmax(z, axis=-1):
    z = np.asarray(z, dtype=float)
    z -= z.max(axis=axis, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=axis, keepdims=True)


def cross_entropy(logits, y):
    z = np.asarray(logits, dtype=float)
    y = np.asarray(y)
    if z.ndim != 2 or y.shape != (z.shape[0],):
        raise ValueError("logits must be (n, C) and y (n,)")
    n = z.shape[0]
    shifted = z - z.max(axis=1, keepdims=True)
    log_norm = np.log(np.exp(shifted).sum(axis=1))
    loss = float(np.mean(log_norm - shifted[np.arange(n), y]))
    grad = np.exp(shifted - log_norm[:, None])
    grad[np.arange(n), y] -= 1.0
    return loss, grad / n
