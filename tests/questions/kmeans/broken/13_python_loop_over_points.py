# prep: kmeans
# ruff: noqa  (deliberately broken or hostile test data)
# bug: assigns labels in a Python loop over the points: correct but slow
# expect-fail: vectorized: time on a large input
# expect-fail: no Python loop over the points
# still-passes: yes
import numpy as np


def kmeans(X, k, max_iters=100, tol=1e-4, seed=None):
    X = np.array(X, dtype=float)
    if X.ndim != 2:
        raise ValueError("X must be 2-D")
    n, d = X.shape
    if not 1 <= k <= n:
        raise ValueError("need 1 <= k <= n")
    rng = np.random.default_rng(seed)
    centroids = X[rng.choice(n, size=k, replace=False)].copy()
    labels = np.zeros(n, dtype=int)
    for _ in range(max_iters):
        for i in range(n):
            labels[i] = np.argmin(((centroids - X[i]) ** 2).sum(axis=1))
        new = centroids.copy()
        for j in range(k):
            members = X[labels == j]
            new[j] = members.mean(axis=0) if len(members) else X[rng.integers(n)]
        shift = np.abs(new - centroids).max()
        centroids = new
        if shift <= tol:
            break
    for i in range(n):
        labels[i] = np.argmin(((centroids - X[i]) ** 2).sum(axis=1))
    return centroids, labels
