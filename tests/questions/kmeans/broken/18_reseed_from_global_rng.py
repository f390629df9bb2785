# prep: kmeans
# bug: the start is drawn from the seeded generator, but an empty cluster is re-seeded with the global
# bug: np.random, so the same seed gives different results once a cluster empties
# expect-fail: same seed, same result
import numpy as np


def kmeans(X, k, max_iters=100, tol=1e-4, seed=None):
    X = np.array(X, dtype=float)
    if X.ndim != 2:
        raise ValueError("X must be 2-D")
    n = X.shape[0]
    if not 1 <= k <= n:
        raise ValueError("need 1 <= k <= n")
    rng = np.random.default_rng(seed)
    centroids = X[rng.choice(n, size=k, replace=False)]
    for _ in range(max_iters):
        labels = ((X[:, None, :] - centroids[None]) ** 2).sum(axis=2).argmin(axis=1)
        new = centroids.copy()
        for j in range(k):
            members = X[labels == j]
            new[j] = members.mean(axis=0) if len(members) else X[np.random.randint(n)]
        moved = np.sqrt(((new - centroids) ** 2).sum(axis=1)).max()
        centroids = new
        if moved <= tol:
            break
    labels = ((X[:, None, :] - centroids[None]) ** 2).sum(axis=2).argmin(axis=1)
    return centroids, labels
