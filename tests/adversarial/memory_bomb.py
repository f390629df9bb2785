# prep: kmeans
# expect-status: memory
import numpy as np


def kmeans(X, k, max_iters=100, tol=1e-4, seed=None):
    big = np.ones(50 * 1024**3 // 8)  # 50 GB
    return big, big
