# prep: batchnorm-layer
# bug: accumulates the statistics and the gradient in Python loops over the rows: correct but slow
# expect-fail: vectorized: time on a large input
# expect-fail: no Python loop over the rows
# still-passes: yes
import numpy as np


def batchnorm_forward(x, gamma, beta, eps=1e-5, running=None, momentum=0.9, train=True):
    x = np.asarray(x, dtype=float)
    n, d = x.shape
    if running is None:
        running = {"mean": np.zeros(d), "var": np.ones(d)}
    if train:
        mean = np.zeros(d)
        for row in x:
            mean += row / n
        var = np.zeros(d)
        for row in x:
            var += (row - mean) ** 2 / n
        new_running = {
            "mean": momentum * running["mean"] + (1 - momentum) * mean,
            "var": momentum * running["var"] + (1 - momentum) * var,
        }
    else:
        mean, var = running["mean"], running["var"]
        new_running = {"mean": np.array(mean, dtype=float), "var": np.array(var, dtype=float)}
    std = np.sqrt(var + eps)
    xhat = (x - mean) / std
    return gamma * xhat + beta, (xhat, std, gamma), new_running


def batchnorm_backward(dout, cache):
    xhat, std, gamma = cache
    n = dout.shape[0]
    dbeta = np.zeros(dout.shape[1])
    dgamma = np.zeros(dout.shape[1])
    for i in range(n):
        dbeta += dout[i]
        dgamma += dout[i] * xhat[i]
    dxhat = dout * gamma
    dx = (dxhat - dxhat.mean(axis=0) - xhat * (dxhat * xhat).mean(axis=0)) / std
    return dx, dgamma, dbeta
