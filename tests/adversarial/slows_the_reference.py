# prep: kmeans
# ruff: noqa  (deliberately broken or hostile test data)
# expect-status: pass
# expect-failed: vectorized: time on a large input
# expect-passed: yes
# A correct kmeans that is slow on the large timing input, and at import slows the NumPy functions
# the reference calls, so that, timed in the same process, the reference would look as slow as it.
import time

import numpy as np

_bincount, _flatnonzero = np.bincount, np.flatnonzero


def _slow(f):
    def wrapper(*args, **kwargs):
        time.sleep(0.05)
        return f(*args, **kwargs)

    return wrapper


np.bincount, np.flatnonzero = _slow(_bincount), _slow(_flatnonzero)


def kmeans(X, k, max_iters=100, tol=1e-4, seed=None):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2:
        raise ValueError("X must be 2-D")
    n = X.shape[0]
    if not 1 <= k <= n:
        raise ValueError("need 1 <= k <= n")
    if n >= 5000:
        time.sleep(0.4)  # slow on the timing input only
    rng = np.random.default_rng(seed)
    C = X[rng.choice(n, size=k, replace=False)].copy()
    labels = ((X[:, None] - C[None]) ** 2).sum(2).argmin(1)
    for _ in range(max_iters):
        new = C.copy()
        for j in range(k):
            members = labels == j
            new[j] = X[members].mean(0) if members.any() else X[rng.integers(n)]
        shift = np.abs(new - C).max()
        C = new
        labels = ((X[:, None] - C[None]) ** 2).sum(2).argmin(1)
        if shift <= tol:
            break
    return C, labels
