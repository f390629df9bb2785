# prep: kmeans
# ruff: noqa  (deliberately broken or hostile test data)
# bug: a cluster that empties keeps its stale centroid instead of being re-seeded to a data point
# expect-fail: empty clusters re-seeded, no NaN
import numpy as np
def kmeans(X, k, max_iters=100, tol=1e-4, seed=None):
    X = np.array(X, dtype=float)
    if X.ndim != 2 or not 1 <= k <= len(X):
        raise ValueError("bad")
    rng = np.random.default_rng(seed)
    C = X[rng.choice(len(X), k, replace=False)]
    for _ in range(max_iters):
        labels = ((X[:, None] - C[None]) ** 2).sum(2).argmin(1)
        new = np.array([X[labels == j].mean(0) if (labels == j).any() else C[j] for j in range(k)])  # keeps stale centroid: no re-seed
        done = np.abs(new - C).max() <= tol
        C = new
        if done:
            break
    return C, labels
