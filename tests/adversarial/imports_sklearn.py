# prep: kmeans
# expect-status: error
# expect-message: scikit-learn
from sklearn.cluster import KMeans


def kmeans(X, k, max_iters=100, tol=1e-4, seed=None):
    model = KMeans(k, random_state=seed).fit(X)
    return model.cluster_centers_, model.labels_
