# prep: softmax-ce
# bug: loops in Python over the rows: correct but slow
# expect-fail: vectorized: time on a large input
# expect-fail: no Python loop over the rows
# still-passes: yes
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
    total = 0.0
    grad = np.empty_like(z)
    for i in range(n):
        row = z[i] - z[i].max()
        e = np.exp(row)
        s = e.sum()
        total += np.log(s) - row[y[i]]
        grad[i] = e / s
        grad[i, y[i]] -= 1.0
    return float(total / n), grad / n
