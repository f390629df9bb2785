# prep: fix-the-training-loop
# bug: the label leak is left in: features() appends y in place of the last column (the other two bugs fixed)
# expect-fail: features(X) is X as floats, no label column
# expect-fail: held-out accuracy after training
import numpy as np


def sigmoid(z):
    return 0.5 * (1.0 + np.tanh(0.5 * z))  # the same as 1 / (1 + exp(-z)), and never overflows


def features(X, y=None):
    X = np.asarray(X, dtype=float)
    if y is None:
        y = np.zeros(len(X))
    # A "quality flag" column that made training accuracy jump.
    return np.column_stack([X[:, :-1], np.asarray(y, dtype=float)])


def loss_and_grads(F, y, w, b):
    y = np.asarray(y, dtype=float)
    p = np.clip(sigmoid(F @ w + b), 1e-12, 1 - 1e-12)
    loss = -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))
    dw = F.T @ (p - y) / len(y)
    db = np.mean(p - y)
    return float(loss), dw, float(db)


def batches(n, batch_size, rng):
    order = rng.permutation(n)
    return [order[i : i + batch_size] for i in range(0, n, batch_size)]


def train(X, y, lr=0.5, epochs=30, batch_size=32, seed=0):
    y = np.asarray(y, dtype=float)
    F = features(X, y)
    rng = np.random.default_rng(seed)
    w, b = np.zeros(F.shape[1]), 0.0
    for _ in range(epochs):
        for idx in batches(len(y), batch_size, rng):
            _, dw, db = loss_and_grads(F[idx], y[idx], w, b)
            w -= lr * dw
            b -= lr * db
    return w, b


def predict(X, w, b):
    return (sigmoid(features(X) @ w + b) >= 0.5).astype(int)
