# prep: kmeans
# A correct kmeans in another style: k-means++ init, distances by the dot-product expansion,
# stops when the labels stop changing (tol only as a second test), int32 labels.
import numpy as np


def kmeans(X, k, max_iters=100, tol=1e-4, seed=None):
    X = np.array(X, dtype=np.float64)
    if X.ndim != 2:
        raise ValueError("X must be a 2-D array")
    n = len(X)
    if k < 1 or k > n:
        raise ValueError("k out of range")
    rng = np.random.default_rng(seed)
    centroids = np.empty((k, X.shape[1]))
    centroids[0] = X[rng.integers(n)]
    for j in range(1, k):
        d2 = np.min(((X[:, None] - centroids[None, :j]) ** 2).sum(-1), axis=1)
        probs = d2 / d2.sum() if d2.sum() > 0 else np.full(n, 1 / n)
        centroids[j] = X[rng.choice(n, p=probs)]
    sq = (X**2).sum(1)
    labels = np.full(n, -1, dtype=np.int32)
    for _ in range(max_iters):
        dist = sq[:, None] - 2 * X @ centroids.T + (centroids**2).sum(1)[None, :]
        new_labels = dist.argmin(1).astype(np.int32)
        onehot = np.eye(k)[new_labels]
        counts = onehot.sum(0)
        new_centroids = (onehot.T @ X) / np.maximum(counts, 1)[:, None]
        empty = counts == 0
        new_centroids[empty] = X[rng.choice(n, size=int(empty.sum()))]
        moved = np.sqrt(((new_centroids - centroids) ** 2).sum(1)).max()
        same = np.array_equal(new_labels, labels)
        labels, centroids = new_labels, new_centroids
        if (same or moved <= tol) and not empty.any():
            break
    return centroids, labels
