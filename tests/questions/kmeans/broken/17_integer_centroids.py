# prep: kmeans
# bug: X kept in its own dtype and centroids copied from its rows: with integer X every mean written
# bug: into the centroid array is truncated to an integer
# expect-fail: integer X: centroids are the exact means
import numpy as np


def kmeans(X, k, max_iters=100, tol=1e-4, seed=None):
    X = np.array(X)
    if X.ndim != 2:
        raise ValueError("X must be 2-D")
    n = X.shape[0]
    if not 1 <= k <= n:
        raise ValueError("need 1 <= k <= n")
    rng = np.random.default_rng(seed)
    centroids = X[rng.choice(n, size=k, replace=False)].copy()
    for _ in range(max_iters):
        labels = ((X[:, None, :] - centroids[None]) ** 2).sum(axis=2).argmin(axis=1)
        old = centroids.copy()
        for j in range(k):
            members = X[labels == j]
            centroids[j] = members.mean(axis=0) if len(members) else X[rng.integers(n)]
        if np.sqrt(((centroids - old) ** 2).sum(axis=1)).max() <= tol:
            break
    labels = ((X[:, None, :] - centroids[None]) ** 2).sum(axis=2).argmin(axis=1)
    return centroids, labels
