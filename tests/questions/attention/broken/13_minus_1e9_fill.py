# prep: attention
# bug: masked scores filled with -1e9 instead of -inf (rows with no allowed key zeroed by hand): allowed
# bug: scores near -1e12 fall below the fill, and the masked keys take the weight
# expect-fail: mask excludes keys exactly
import numpy as np


def scaled_dot_product_attention(Q, K, V, mask=None):
    Q = np.asarray(Q, dtype=float)
    K = np.asarray(K, dtype=float)
    V = np.asarray(V, dtype=float)
    scores = Q @ np.swapaxes(K, -1, -2) / np.sqrt(Q.shape[-1])
    if mask is not None:
        mask = np.broadcast_to(np.asarray(mask, dtype=bool), scores.shape)
        scores = np.where(mask, scores, -1e9)
    e = np.exp(scores - scores.max(axis=-1, keepdims=True))
    weights = e / e.sum(axis=-1, keepdims=True)
    if mask is not None:
        weights = np.where(mask.any(axis=-1, keepdims=True), weights, 0.0)
    return weights @ V, weights
