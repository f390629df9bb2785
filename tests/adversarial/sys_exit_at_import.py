# prep: kmeans
# expect-status: error
# expect-message: sys.exit
import sys

sys.exit(0)


def kmeans(X, k, max_iters=100, tol=1e-4, seed=None):
    return None
