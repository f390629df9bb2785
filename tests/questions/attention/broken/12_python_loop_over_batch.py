# prep: attention
# bug: loops in Python over the batch and then the queries: correct but slow
# expect-fail: vectorized: time on a large input
# expect-fail: no Python loop over the batch or the queries
# still-passes: yes
import numpy as np


def scaled_dot_product_attention(Q, K, V, mask=None):
    Q = np.asarray(Q, dtype=float)
    K = np.asarray(K, dtype=float)
    V = np.asarray(V, dtype=float)
    batch = np.broadcast_shapes(Q.shape[:-2], K.shape[:-2], V.shape[:-2])
    n_q, d = Q.shape[-2:]
    n_k, d_v = V.shape[-2:]
    if mask is None:
        mask = np.ones((n_q, n_k), dtype=bool)
    Qf = np.broadcast_to(Q, batch + (n_q, d)).reshape(-1, n_q, d)
    Kf = np.broadcast_to(K, batch + (n_k, d)).reshape(-1, n_k, d)
    Vf = np.broadcast_to(V, batch + (n_k, d_v)).reshape(-1, n_k, d_v)
    Mf = np.broadcast_to(mask, batch + (n_q, n_k)).reshape(-1, n_q, n_k)
    out = np.zeros((Qf.shape[0], n_q, d_v))
    weights = np.zeros((Qf.shape[0], n_q, n_k))
    for b in range(Qf.shape[0]):
        for i in range(n_q):
            if not Mf[b, i].any():
                continue
            s = np.where(Mf[b, i], Kf[b] @ Qf[b, i] / np.sqrt(d), -np.inf)
            e = np.exp(s - s.max())
            weights[b, i] = e / e.sum()
            out[b, i] = weights[b, i] @ Vf[b]
    return out.reshape(batch + (n_q, d_v)), weights.reshape(batch + (n_q, n_k))
