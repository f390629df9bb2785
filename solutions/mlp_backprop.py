# prep: mlp-backprop
"""Reference solution: forward and backward of affine-ReLU-affine-softmax cross-entropy."""

import numpy as np


def forward(X, params):
    X = np.asarray(X, dtype=float)
    h = X @ params["W1"] + params["b1"]
    return np.maximum(h, 0.0) @ params["W2"] + params["b2"]


def backward(X, y, params):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    W1, b1, W2, b2 = (np.asarray(params[k], dtype=float) for k in ("W1", "b1", "W2", "b2"))
    n = X.shape[0]
    h = X @ W1 + b1
    a = np.maximum(h, 0.0)
    scores = a @ W2 + b2
    shifted = scores - scores.max(axis=1, keepdims=True)
    log_norm = np.log(np.exp(shifted).sum(axis=1))
    rows = np.arange(n)
    loss = float(np.mean(log_norm - shifted[rows, y]))
    dscores = np.exp(shifted - log_norm[:, None])
    dscores[rows, y] -= 1.0
    dscores /= n
    da = dscores @ W2.T
    dh = da * (h > 0)
    grads = {"W1": X.T @ dh, "b1": dh.sum(axis=0), "W2": a.T @ dscores, "b2": dscores.sum(axis=0)}
    return loss, grads
