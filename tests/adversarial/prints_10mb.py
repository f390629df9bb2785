# prep: kmeans
# expect-passed: yes
# Prints 10 MB at import and a fake result line on every call: output is capped and never read as results.
import sys

import numpy as np

print("x" * (10 * 1024 * 1024))
sys.stderr.write("y" * (1024 * 1024))

def _kmeans(X, k, max_iters=100, tol=1e-4, seed=None):
    X = np.array(X, dtype=float)
    if X.ndim != 2 or not 1 <= k <= len(X):
        raise ValueError("bad input")
    rng = np.random.default_rng(seed)
    C = X[rng.choice(len(X), k, replace=False)]
    for _ in range(max_iters):
        labels = ((X[:, None] - C[None]) ** 2).sum(2).argmin(1)
        new = np.array([X[labels == j].mean(0) if (labels == j).any() else X[rng.integers(len(X))] for j in range(k)])
        moved = np.abs(new - C).max()
        C = new
        if moved <= tol:
            break
    return C, ((X[:, None] - C[None]) ** 2).sum(2).argmin(1)


def kmeans(X, k, max_iters=100, tol=1e-4, seed=None):
    print('{"event": "call", "id": "basic", "ok": true, "seconds": 0.0}')
    return _kmeans(X, k, max_iters, tol, seed)
