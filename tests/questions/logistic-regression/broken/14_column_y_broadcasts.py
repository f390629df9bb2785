# prep: logistic-regression
# bug: checks only len(y) == len(X): a column y of shape (n, 1) is let through, and p - y silently
# bug: broadcasts to an (n, n) matrix
# expect-fail: ValueError on bad shapes

import numpy as np


def _sigmoid(z):
    out = np.empty_like(z, dtype=float)
    pos = z >= 0
    out[pos] = 1.0 / (1.0 + np.exp(-z[pos]))
    e = np.exp(z[~pos])
    out[~pos] = e / (1.0 + e)
    return out


def fit(X, y, lr=0.1, epochs=100, l2=0.0):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D (n, d), got shape {X.shape}")
    if len(y) != X.shape[0]:
        raise ValueError(f"y must hold one label per row of X: shape ({X.shape[0]},), got {y.shape}")
    n, d = X.shape
    w = np.zeros(d)
    b = 0.0
    for _ in range(epochs):
        p = _sigmoid(X @ w + b)
        err = p - y
        w = w - lr * (X.T @ err / n + l2 * w)
        b = b - lr * float(np.mean(err))
    return w, float(b)


def predict_proba(X, w, b):
    X = np.asarray(X, dtype=float)
    return _sigmoid(X @ np.asarray(w, dtype=float) + float(b))
