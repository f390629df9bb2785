# prep: kmeans
# bug: stops on a shift relative to the centroids' size and breaks before reassigning: far from the
# bug: origin it stops after one step, returning labels computed for the previous centroids
# expect-fail: fixed point far from the origin and at large scale
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
    labels = np.zeros(n, dtype=np.int64)
    for _ in range(max_iters):
        labels = ((X[:, None, :] - centroids[None]) ** 2).sum(axis=2).argmin(axis=1)
        new = centroids.copy()
        for j in range(k):
            members = X[labels == j]
            new[j] = members.mean(axis=0) if len(members) else X[rng.integers(n)]
        shift = np.linalg.norm(new - centroids) / np.linalg.norm(centroids)
        centroids = new
        if shift < tol:
            break
    return centroids, labels
