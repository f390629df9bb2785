# prep: kmeans
"""Reference solution of question 1: Lloyd's k-means in NumPy, with empty clusters re-seeded."""

from __future__ import annotations

import numpy as np


def kmeans(X, k, max_iters=100, tol=1e-4, seed=None):
    """Lloyd's k-means on the rows of X; returns (centroids (k, d) float, labels (n,) int)."""
    X = np.asarray(X, dtype=float)  # a new float array: the caller's X is never modified
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D (n, d), got {X.ndim}-D")
    n = X.shape[0]
    if isinstance(k, bool) or int(k) != k or not 1 <= k <= n:
        raise ValueError(f"k must be an int with 1 <= k <= n={n}, got {k!r}")
    k = int(k)
    rng = np.random.default_rng(seed)
    centroids = X[rng.choice(n, size=k, replace=False)].copy()
    labels = _assign(X, centroids)
    for _ in range(max_iters):
        new = centroids.copy()
        counts = np.bincount(labels, minlength=k)
        sums = np.zeros_like(centroids)
        np.add.at(sums, labels, X)
        filled = counts > 0
        new[filled] = sums[filled] / counts[filled, None]
        # An empty cluster has no mean; re-seed it to a random data point instead of dividing by 0.
        empty = np.flatnonzero(~filled)
        if empty.size:
            new[empty] = X[rng.choice(n, size=empty.size, replace=empty.size > n)]
        shift = np.sqrt(((new - centroids) ** 2).sum(axis=1)).max()
        centroids = new
        labels = _assign(X, centroids)
        if shift <= tol and not empty.size:
            break
    return centroids, labels


def _assign(X, centroids):
    # ||x - c||^2 by broadcasting: (n, 1, d) - (1, k, d); exact, no expansion cancellation.
    d2 = ((X[:, None, :] - centroids[None, :, :]) ** 2).sum(axis=2)
    return d2.argmin(axis=1).astype(np.int64)
