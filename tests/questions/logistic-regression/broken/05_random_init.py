# prep: logistic-regression
# bug: starts from small random weights instead of zero
# expect-fail: starts from w = 0, b = 0
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
    w, b = np.random.default_rng(0).normal(scale=0.01, size=d), 0.0
    for _ in range(epochs):
        err = _sigmoid(X @ w + b) - y
        w = w - lr * (X.T @ err / n + l2 * w)
        b = b - lr * err.mean()
    return w, float(b)


def predict_proba(X, w, b):
    return _sigmoid(np.asarray(X, dtype=float) @ np.asarray(w, dtype=float) + b)
