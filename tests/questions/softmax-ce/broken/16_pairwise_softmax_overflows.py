# prep: softmax-ce
# bug: softmax as 1 / sum_j exp(z_j - z_i): right values even for logits of +-1000 (1 / inf is 0), but
# bug: exp(2000) overflows with a RuntimeWarning, which the contract rules out
# expect-fail: softmax finite for logits of +-1000

import numpy as np


def softmax(z, axis=-1):
    z = np.moveaxis(np.asarray(z, dtype=float), axis, -1)
    out = 1.0 / np.exp(z[..., None, :] - z[..., :, None]).sum(axis=-1)
    return np.moveaxis(out, -1, axis)


def cross_entropy(logits, y):
    z = np.asarray(logits, dtype=float)
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
    grad = np.exp(shifted - log_norm[:, None])
    grad[rows, y] -= 1.0
    return loss, grad / n
