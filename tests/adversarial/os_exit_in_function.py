# prep: kmeans
# expect-status: error
# expect-message: exited
import os


def kmeans(X, k, max_iters=100, tol=1e-4, seed=None):
    os._exit(0)
