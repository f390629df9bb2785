# prep: mlp-backprop
# bug: loops in Python over the examples: correct but slow
# expect-fail: vectorized: time on a large input
# expect-fail: no Python loop over the examples
# still-passes: yes
import numpy as np


def forward(X, params):
    X = np.asarray(X, dtype=float)
    h = X @ params["W1"] + params["b1"]
    return np.maximum(h, 0.0) @ params["W2"] + params["b2"]


def backward(X, y, params):
    X = np.asarray(X, dtype=float)
    W1, b1, W2, b2 = params["W1"], params["b1"], params["W2"], params["b2"]
    grads = {k: np.zeros_like(v, dtype=float) for k, v in params.items()}
    n = X.shape[0]
    loss = 0.0
    for i in range(n):
        h = X[i] @ W1 + b1
        a = np.maximum(h, 0.0)
        s = a @ W2 + b2
        s = s - s.max()
        log_norm = np.log(np.exp(s).sum())
        p = np.exp(s - log_norm)
        loss += (log_norm - s[y[i]]) / n
        ds = p.copy()
        ds[y[i]] -= 1.0
        ds /= n
        grads["W2"] += np.outer(a, ds)
        grads["b2"] += ds
        dh = (W2 @ ds) * (h > 0)
        grads["W1"] += np.outer(X[i], dh)
        grads["b1"] += dh
    return float(loss), grads
