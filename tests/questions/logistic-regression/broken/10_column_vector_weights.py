# prep: logistic-regression
# bug: keeps y and w as column vectors, so w comes back with shape (d, 1) and b as a 1-element array
# expect-fail: returns (w, b): a (d,) float array and a float
import numpy as np


def _sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def fit(X, y, lr=0.1, epochs=100, l2=0.0):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    if X.ndim != 2 or y.shape != (X.shape[0],):
        raise ValueError("X must be (n, d) and y (n,)")
    n, d = X.shape
    y = y.reshape(-1, 1)
    w, b = np.zeros((d, 1)), np.zeros(1)
    for _ in range(epochs):
        err = _sigmoid(X @ w + b) - y
        w = w - lr * (X.T @ err / n + l2 * w)
        b = b - lr * err.mean(axis=0)
    return w, b


def predict_proba(X, w, b):
    X = np.asarray(X, dtype=float)
    return _sigmoid(X @ np.asarray(w, dtype=float).reshape(-1) + np.ravel(b)[0])
