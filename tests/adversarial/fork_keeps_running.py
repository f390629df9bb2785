# prep: kmeans
# expect-status: pass error
# expect-passed: any (root: the fork runs and is killed; others: RLIMIT_NPROC refuses it)
# A fork whose child spins forever: the process group is killed after the run (where forking is allowed at all).
import os

import numpy as np

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

PIDFILE = "/tmp/prep-fork-pid"  # the test rewrites this line
_forked = []


def kmeans(X, k, max_iters=100, tol=1e-4, seed=None):
    if not _forked:
        _forked.append(1)
        pid = os.fork()
        if pid == 0:
            with open(PIDFILE, "w") as f:
                f.write(str(os.getpid()))
            while True:
                pass
    return _kmeans(X, k, max_iters, tol, seed)
