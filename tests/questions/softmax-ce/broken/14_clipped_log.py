# prep: softmax-ce
# bug: the loss clips p to [1e-15, 1] before the log instead of using log-sum-exp: it caps the loss of a confidently wrong row
# expect-fail: loss and gradient finite for logits of +-1000
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
    loss = float(-np.mean(np.log(np.clip(p[np.arange(n), y], 1e-15, 1.0))))
    grad = p.copy()
    grad[np.arange(n), y] -= 1.0
    return loss, grad / n
