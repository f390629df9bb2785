# prep: logistic-regression
# bug: the weight gradient is a sum over samples, not a mean
# expect-fail: fit matches full-batch gradient descent
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
    w, b = np.zeros(d), 0.0
    for _ in range(epochs):
        err = _sigmoid(X @ w + b) - y
        w = w - lr * (X.T @ err + l2 * w)
        b = b - lr * err.mean()
    return w, float(b)


def predict_proba(X, w, b):
    return _sigmoid(np.asarray(X, dtype=float) @ np.asarray(w, dtype=float) + b)
