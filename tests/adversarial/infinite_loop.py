# prep: kmeans
# expect-status: timeout
def kmeans(X, k, max_iters=100, tol=1e-4, seed=None):
    while True:
        pass
