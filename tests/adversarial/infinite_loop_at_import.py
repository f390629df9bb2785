# prep: kmeans
# expect-status: timeout
import itertools
for _ in itertools.count():
    pass


def kmeans(X, k, max_iters=100, tol=1e-4, seed=None):
    return None
