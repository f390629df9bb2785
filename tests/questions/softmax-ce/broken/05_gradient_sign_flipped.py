# prep: softmax-ce
# bug: the gradient is onehot - softmax: the sign is flipped
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
    n, c = z.shape
    shifted = z - z.max(axis=1, keepdims=True)
    loss = float(np.mean(np.log(np.exp(shifted).sum(axis=1)) - shifted[np.arange(n), y]))
    onehot = np.eye(c)[y]
    return loss, (onehot - softmax(z)) / n
