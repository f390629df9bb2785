# prep: kmeans
# A correct kmeans whose last step is the update (labels from before it), init by random choice,
# tol compared with a strict <, empty clusters re-seeded one by one in a loop over k.
import numpy as np


def kmeans(X, k, max_iters=100, tol=1e-4, seed=None):
    data = np.asarray(X, dtype=float)
    if data.ndim != 2:
        raise ValueError("expected X of shape (n, d)")
    if not isinstance(k, (int, np.integer)) or not 1 <= k <= data.shape[0]:
        raise ValueError("expected 1 <= k <= n")
    rng = np.random.default_rng(seed)
    C = data[rng.permutation(data.shape[0])[:k]]
    labels = np.zeros(data.shape[0], dtype=np.int64)
    for _ in range(max_iters):
        labels = np.argmin(np.linalg.norm(data[:, np.newaxis, :] - C, axis=2), axis=1)
        new_C = C.copy()
        for j in range(k):
            mask = labels == j
            if mask.any():
                new_C[j] = data[mask].mean(axis=0)
            else:
                new_C[j] = data[rng.integers(0, data.shape[0])]
        converged = np.all(np.linalg.norm(new_C - C, axis=1) < tol)
        C = new_C
        if converged:
            break
    return C, labels
