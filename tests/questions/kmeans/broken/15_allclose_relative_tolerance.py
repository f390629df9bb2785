# prep: kmeans
# bug: np.allclose(new, centroids, atol=tol) keeps its default rtol=1e-5, a relative stopping test: far
# bug: from the origin it stops while centroids still move, so they are not the means of their points
# expect-fail: fixed point far from the origin and at large scale
import numpy as np


def kmeans(X, k, max_iters=100, tol=1e-4, seed=None):
    X = np.array(X, dtype=float)
    if X.ndim != 2:
        raise ValueError("X must be 2-D")
    n, d = X.shape
    if k < 1 or k > n:
        raise ValueError("k must be in [1, n]")
    if seed is not None:
        np.random.seed(seed)
    lo, hi = X.min(axis=0), X.max(axis=0)
    centroids = np.random.uniform(lo, hi, size=(k, d))
    for _ in range(max_iters):
        labels = np.argmin(((X[:, None, :] - centroids) ** 2).sum(axis=-1), axis=1)
        new = np.zeros_like(centroids)
        for j in range(k):
            pts = X[labels == j]
            new[j] = pts.mean(axis=0) if len(pts) else X[np.random.randint(n)]
        done = np.allclose(new, centroids, atol=tol)
        centroids = new
        if done:
            break
    labels = np.argmin(((X[:, None, :] - centroids) ** 2).sum(axis=-1), axis=1)
    return centroids, labels
