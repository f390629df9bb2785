# prep: logistic-regression
"""The textbook guard against overflow: clip the score to [-35, 35] before the exponential; and a fit
that refuses epochs < 1 (the contract only promises what `epochs` steps give).

sigmoid(35) is 1 - 6.3e-16, so a score of 1000 gives 1 - 6.7e-16 rather than exactly 1: inside
[0, 1], finite, no overflow warning, as the contract asks.
"""

import numpy as np


def sigmoid(z):
    z = np.clip(z, -35.0, 35.0)
    return 1.0 / (1.0 + np.exp(-z))


def fit(X, y, lr=0.1, epochs=100, l2=0.0):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    if X.ndim != 2 or y.ndim != 1 or len(y) != len(X):
        raise ValueError("X must be (n, d) and y (n,)")
    if epochs < 1:
        raise ValueError(f"epochs must be at least 1, got {epochs}")
    n, d = X.shape
    w = np.zeros(d)
    b = 0.0
    for _ in range(epochs):
        error = sigmoid(X.dot(w) + b) - y
        grad_w = X.T.dot(error) / n + l2 * w
        grad_b = error.sum() / n
        w = w - lr * grad_w
        b = b - lr * grad_b
    return w, float(b)


def predict_proba(X, w, b):
    return sigmoid(np.asarray(X, dtype=np.float64) @ np.asarray(w, dtype=np.float64) + b)
