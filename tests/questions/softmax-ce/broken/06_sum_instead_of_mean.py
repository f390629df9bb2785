# prep: softmax-ce
# bug: the loss is a sum over rows, not a mean (the gradient keeps its 1/n)
# expect-fail: mean over rows, not sum
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
    loss = float(np.sum(np.log(np.exp(shifted).sum(axis=1)) - shifted[np.arange(n), y]))
    grad = softmax(z)
    grad[np.arange(n), y] -= 1.0
    return loss, grad / n
