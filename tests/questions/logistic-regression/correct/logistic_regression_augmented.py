# prep: logistic-regression
"""Correct in another style: the bias as a column of ones with an unpenalized slot, sigmoid via logaddexp."""

import numpy as np


def predict_proba(X, w, b):
    z = np.asarray(X, dtype=np.float64) @ np.asarray(w, dtype=np.float64) + b
    return np.exp(-np.logaddexp(0.0, -z))


def fit(X, y, lr=0.1, epochs=100, l2=0.0):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    if X.ndim != 2:
        raise ValueError("X must be 2-D")
    if y.ndim != 1 or len(y) != len(X):
        raise ValueError("y needs one label per row of X")
    A = np.hstack([X, np.ones((len(X), 1))])
    penalty = np.full(A.shape[1], l2)
    penalty[-1] = 0.0  # the bias slot
    theta = np.zeros(A.shape[1])
    for _ in range(epochs):
        p = np.exp(-np.logaddexp(0.0, -(A @ theta)))
        theta -= lr * (A.T @ (p - y) / len(y) + penalty * theta)
    return theta[:-1].copy(), float(theta[-1])
