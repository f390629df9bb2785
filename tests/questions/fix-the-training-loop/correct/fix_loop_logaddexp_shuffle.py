# prep: fix-the-training-loop
# A correct fix in another style: logaddexp for the loss, rng.shuffle, np.array_split, np.where labels.
import numpy as np


def features(X):
    return np.array(X, dtype=np.float64, copy=True)


def loss_and_grads(F, y, w, b):
    y = np.asarray(y, dtype=np.float64)
    z = F @ w + b
    loss = np.mean(np.logaddexp(0.0, z) - y * z)  # -log sigmoid(z) for y = 1, -log(1 - sigmoid(z)) for y = 0
    err = 1.0 / (1.0 + np.exp(-np.clip(z, -500, 500))) - y
    return float(loss), F.T.dot(err) / F.shape[0], float(err.mean())


def batches(n, batch_size, rng):
    order = np.arange(n)
    rng.shuffle(order)
    return np.array_split(order, int(np.ceil(n / batch_size)))


def train(X, y, lr=0.5, epochs=30, batch_size=32, seed=0):
    F, y = features(X), np.asarray(y, dtype=np.float64)
    rng = np.random.default_rng(seed)
    w, b = np.zeros(F.shape[1]), 0.0
    for _epoch in range(epochs):
        for idx in batches(len(y), batch_size, rng):
            _, dw, db = loss_and_grads(F[idx], y[idx], w, b)
            w, b = w - lr * dw, b - lr * db
    return w, b


def predict(X, w, b):
    return np.where(features(X) @ w + b >= 0, 1, 0)
