# prep: logistic-regression
# bug: no input validation: a single label broadcasts against every row
# expect-fail: ValueError on bad shapes
import numpy as np


def _sigmoid(z):
    return 0.5 * (1.0 + np.tanh(0.5 * z))


def fit(X, y, lr=0.1, epochs=100, l2=0.0):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    w, b = np.zeros(X.shape[-1]), 0.0
    for _ in range(epochs):
        err = _sigmoid(X @ w + b) - y
        w = w - lr * (X.T @ err / len(X) + l2 * w)
        b = b - lr * err.mean()
    return w, float(b)


def predict_proba(X, w, b):
    return _sigmoid(np.asarray(X, dtype=float) @ np.asarray(w, dtype=float) + b)
