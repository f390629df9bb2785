# prep: attention
"""Correct in another style: einsum for both products, masked rows handled by dividing only where the sum is nonzero."""

import math

import numpy as np


def scaled_dot_product_attention(Q, K, V, mask=None):
    q = np.asarray(Q, dtype=np.float64)
    k = np.asarray(K, dtype=np.float64)
    v = np.asarray(V, dtype=np.float64)
    scores = np.einsum("...qd,...kd->...qk", q, k) / math.sqrt(q.shape[-1])
    if mask is not None:
        scores = np.where(np.asarray(mask, dtype=bool), scores, -np.inf)
    top = scores.max(axis=-1, keepdims=True)
    top[np.isneginf(top)] = 0.0
    e = np.exp(scores - top)
    total = e.sum(axis=-1, keepdims=True)
    weights = e / np.where(total == 0.0, 1.0, total)
    return np.einsum("...qk,...kv->...qv", weights, v), weights
