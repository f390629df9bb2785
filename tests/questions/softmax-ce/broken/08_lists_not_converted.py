# prep: softmax-ce
# bug: calls array methods on the input without np.asarray, so nested lists fail
# expect-fail: lists accepted
import numpy as np


def softmax(z, axis=-1):
    e = np.exp(z - z.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


def cross_entropy(logits, y):
    if logits.ndim != 2 or np.shape(y) != (logits.shape[0],):
        raise ValueError("logits must be (n, C) and y (n,)")
    n = logits.shape[0]
    shifted = logits - logits.max(axis=1, keepdims=True)
    log_norm = np.log(np.exp(shifted).sum(axis=1))
    loss = float(np.mean(log_norm - shifted[np.arange(n), y]))
    grad = np.exp(shifted - log_norm[:, None])
    grad[np.arange(n), y] -= 1.0
    return loss, grad / n
