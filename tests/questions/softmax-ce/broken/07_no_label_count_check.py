# prep: softmax-ce
# bug: checks logits.ndim but not that y has one label per row; one label broadcasts silently
# expect-fail: ValueError on bad shapes
import numpy as np


def softmax(z, axis=-1):
    z = np.asarray(z, dtype=float)
    e = np.exp(z - z.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


def cross_entropy(logits, y):
    z = np.asarray(logits, dtype=float)
    y = np.asarray(y)
    if z.ndim != 2:
        raise ValueError("logits must be 2-D")
    n, c = z.shape
    shifted = z - z.max(axis=1, keepdims=True)
    log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    onehot = np.eye(c)[y]
    loss = float(-np.mean(np.sum(onehot * log_p, axis=1)))
    return loss, (np.exp(log_p) - onehot) / n
