# prep: attention
# bug: shifts by the max over every key, masked ones included, then zeroes the masked weights: when a
# bug: masked key scores far above the allowed ones, every allowed exp underflows to 0
# expect-fail: mask excludes keys exactly
import numpy as np


def scaled_dot_product_attention(Q, K, V, mask=None):
    Q = np.asarray(Q, dtype=float)
    K = np.asarray(K, dtype=float)
    V = np.asarray(V, dtype=float)
    scores = Q @ np.swapaxes(K, -1, -2) / np.sqrt(Q.shape[-1])
    e = np.exp(scores - scores.max(axis=-1, keepdims=True))
    if mask is not None:
        e = e * np.asarray(mask, dtype=bool)
    total = e.sum(axis=-1, keepdims=True)
    weights = np.divide(e, total, out=np.zeros_like(e), where=total > 0)
    return weights @ V, weights
