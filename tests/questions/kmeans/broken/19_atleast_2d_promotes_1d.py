# prep: kmeans
# bug: np.atleast_2d turns a 1-D X into one row instead of rejecting it, so kmeans(X_1d, 1) returns normally
# expect-fail: ValueError on bad input
import numpy as np


def kmeans(X, k, max_iters=100, tol=1e-4, seed=None):
    X = np.atleast_2d(np.array(X, dtype=float))
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
            new[j] = members.mean(axis=0) if len(members) else X[rng.integers(n)]
        moved = np.sqrt(((new - centroids) ** 2).sum(axis=1)).max()
        centroids = new
        if moved <= tol:
            break
    labels = ((X[:, None, :] - centroids[None]) ** 2).sum(axis=2).argmin(axis=1)
    return centroids, labels
