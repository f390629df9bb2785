# prep: softmax-ce
# bug: grad[:, y] -= 1 subtracts 1 in whole columns instead of at (i, y[i])
# expect-fail: gradient matches (softmax - onehot) / n
import numpy as np


def softmax(z, axis=-1):
    z = np.asarray(z, dtype=float)
    e = np.exp(z - z.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


def cross_entropy(logits, y):
    z = np.asarray(logits, dtype=float)
    y = np.asarray(y)
    if z.ndim != 2 or y.shape != (z.shape[0],):
        raise ValueError("logits must be (n, C) and y (n,)")
    n = z.shape[0]
    shifted = z - z.max(axis=1, keepdims=True)
    loss = float(np.mean(np.log(np.exp(shifted).sum(axis=1)) - shifted[np.arange(n), y]))
    grad = softmax(z)
    grad[:, y] -= 1.0
    return loss, grad / n
