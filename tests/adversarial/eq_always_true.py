# prep: kmeans
# expect-status: error pass
# expect-failed: fixed point on random data
# Returns an ndarray subclass and an object whose == is always True.
import numpy as np


class Agreeable(np.ndarray):
    def __eq__(self, other):
        return True

    __ne__ = lambda self, other: False


class Anything:
    def __eq__(self, other):
        return True

    def __array__(self, dtype=None, copy=None):
        return np.zeros((1, 1))


def kmeans(X, k, max_iters=100, tol=1e-4, seed=None):
    X = np.asarray(X)
    if X.ndim != 2 or not 1 <= k <= len(X):
        raise ValueError("bad")
    return np.zeros((k, X.shape[1])).view(Agreeable), Anything()
