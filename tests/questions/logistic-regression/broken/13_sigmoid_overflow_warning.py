# prep: logistic-regression
# bug: sigmoid as 1 / (1 + exp(-z)) unguarded: exp(1000) overflows with a RuntimeWarning (the values happen to be right)
# expect-fail: sigmoid stable for scores of +-1000
import numpy as np


def _sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def fit(X, y, lr=0.1, epochs=100, l2=0.0):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    if X.ndim != 2 or y.shape != (X.shape[0],):
        raise ValueError("X must be (n, d) and y (n,)")
    n, d = X.shape
    w, b = np.zeros(d), 0.0
    for _ in range(epochs):
        err = _sigmoid(X @ w + b) - y
        w = w - lr * (X.T @ err / n + l2 * w)
        b = b - lr * float(np.mean(err))
    return w, float(b)


def predict_proba(X, w, b):
    return _sigmoid(np.asarray(X, dtype=float) @ np.asarray(w, dtype=float) + float(b))
