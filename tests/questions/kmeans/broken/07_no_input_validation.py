# prep: kmeans
# ruff: noqa  (deliberately broken or hostile test data)
# bug: never checks X.ndim or k
# expect-fail: ValueError on bad input
import numpy as np


def kmeans(X, k, max_iters=100, tol=1e-4, seed=None):
    X = np.array(X, dtype=float)
    n = X.shape[0]
    rng = np.random.default_rng(seed)
    centroids = X[rng.choice(n, size=k, replace=False)].copy()
    for _ in range(max_iters):
        dists = np.linalg.norm(X[:, None, :] - centroids[None, :, :], axis=2)
        labels = dists.argmin(axis=1)
        new = np.empty_like(centroids)
        for j in range(k):
            members = X[labels == j]
            if len(members) == 0:
                new[j] = X[rng.integers(n)]
            else:
                new[j] = members.mean(axis=0)
        shift = np.linalg.norm(new - centroids, axis=1).max()
        centroids = new
        if shift <= tol:
            break
    dists = np.linalg.norm(X[:, None, :] - centroids[None, :, :], axis=2)
    labels = dists.argmin(axis=1)
    return centroids, labels
