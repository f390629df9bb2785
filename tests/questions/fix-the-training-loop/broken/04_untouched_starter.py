# prep: fix-the-training-loop
# bug: the starter as handed out, all three planted bugs in place
# expect-fail: features(X) is X as floats, no label column
# expect-fail: gradients match finite differences
# expect-fail: batches: a new random order each epoch
# expect-fail: held-out accuracy after training
"""Logistic regression trained by minibatch gradient descent. Three bugs are planted here."""
import numpy as np


def sigmoid(z):
    return 0.5 * (1.0 + np.tanh(0.5 * z))  # the same as 1 / (1 + exp(-z)), and never overflows


def features(X, y=None):
    """The design matrix the model sees: X's own values as an (n, d) float array, column for
    column, built from X alone (nothing added, dropped or rescaled)."""
    X = np.asarray(X, dtype=float)
    if y is None:
        y = np.zeros(len(X))
    # A "quality flag" column that made training accuracy jump.
    return np.column_stack([X[:, :-1], np.asarray(y, dtype=float)])


def loss_and_grads(F, y, w, b):
    """Mean cross-entropy of y under sigmoid(F @ w + b), and its gradients.
    Returns (loss, dw, db): a Python float, a (d,) float array and a Python float."""
    y = np.asarray(y, dtype=float)
    p = np.clip(sigmoid(F @ w + b), 1e-12, 1 - 1e-12)
    loss = -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))
    dw = F.T @ (p - y) / len(y)
    db = np.mean(y - p)
    return float(loss), dw, float(db)


def batches(n, batch_size, rng):
    """The minibatches of one epoch: a list of 1-D int arrays that together hold every index of
    range(n) exactly once, in a random order drawn from rng (a numpy Generator), so that two
    epochs see different orders."""
    order = np.arange(n)
    return [order[i:i + batch_size] for i in range(0, n, batch_size)]


def train(X, y, lr=0.5, epochs=30, batch_size=32, seed=0):
    """Minibatch gradient descent on features(X), from w = 0 and b = 0, with
    rng = np.random.default_rng(seed). Returns (w, b)."""
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
    """Predicted labels for new data, an (n,) int array of 0s and 1s: sigmoid(features(X) @ w + b) >= 0.5."""
    return (sigmoid(features(X) @ w + b) >= 0.5).astype(int)
