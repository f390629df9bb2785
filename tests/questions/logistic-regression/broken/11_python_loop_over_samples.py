# prep: logistic-regression
# bug: accumulates the full-batch gradient in a Python loop over the samples: correct but slow
# expect-fail: vectorized: time on a large input
# expect-fail: no Python loop over the samples
# still-passes: yes
import math

import numpy as np


def _sigmoid(z):
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def fit(X, y, lr=0.1, epochs=100, l2=0.0):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    if X.ndim != 2 or y.shape != (X.shape[0],):
        raise ValueError("X must be (n, d) and y (n,)")
    n, d = X.shape
    w, b = np.zeros(d), 0.0
    for _ in range(epochs):
        gw, gb = np.zeros(d), 0.0
        for i in range(n):
            err = _sigmoid(float(X[i] @ w) + b) - y[i]
            gw += err * X[i]
            gb += err
        w = w - lr * (gw / n + l2 * w)
        b = b - lr * gb / n
    return w, float(b)


def predict_proba(X, w, b):
    X = np.asarray(X, dtype=float)
    w = np.asarray(w, dtype=float)
    return np.array([_sigmoid(float(x @ w) + b) for x in X])
