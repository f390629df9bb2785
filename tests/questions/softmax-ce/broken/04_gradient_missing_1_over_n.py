# prep: softmax-ce
# bug: the gradient forgets the 1/n of the mean
# expect-fail: gradient matches finite differences
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
    p = softmax(z)
    shifted = z - z.max(axis=1, keepdims=True)
    loss = float(np.mean(np.log(np.exp(shifted).sum(axis=1)) - shifted[np.arange(n), y]))
    grad = p.copy()
    grad[np.arange(n), y] -= 1.0
    return loss, grad
