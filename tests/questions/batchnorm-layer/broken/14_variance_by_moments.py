# prep: batchnorm-layer
# bug: the batch variance as mean(x ** 2) - mean(x) ** 2: far from the origin (x about 1e7) the two terms
# bug: cancel catastrophically and the variance, so the output, is off by percents
# expect-fail: training output normalized with batch statistics
# expect-fail: running statistics updated with momentum

import numpy as np


def batchnorm_forward(x, gamma, beta, eps=1e-5, running=None, momentum=0.9, train=True):
    x = np.asarray(x, dtype=float)
    gamma = np.asarray(gamma, dtype=float)
    beta = np.asarray(beta, dtype=float)
    d = x.shape[1]
    if running is None:
        run_mean, run_var = np.zeros(d), np.ones(d)
    else:
        run_mean = np.asarray(running["mean"], dtype=float)
        run_var = np.asarray(running["var"], dtype=float)
    if train:
        mean = x.mean(axis=0)
        var = (x**2).mean(axis=0) - mean**2
        new_running = {
            "mean": momentum * run_mean + (1 - momentum) * mean,
            "var": momentum * run_var + (1 - momentum) * var,
        }
    else:
        mean, var = run_mean, run_var
        new_running = {"mean": run_mean.copy(), "var": run_var.copy()}
    inv_std = 1.0 / np.sqrt(var + eps)
    xhat = (x - mean) * inv_std
    out = gamma * xhat + beta
    cache = (xhat, inv_std, gamma)
    return out, cache, new_running


def batchnorm_backward(dout, cache):
    xhat, inv_std, gamma = cache
    dout = np.asarray(dout, dtype=float)
    n = dout.shape[0]
    dbeta = dout.sum(axis=0)
    dgamma = (dout * xhat).sum(axis=0)
    dxhat = dout * gamma
    dx = (inv_std / n) * (n * dxhat - dxhat.sum(axis=0) - xhat * (dxhat * xhat).sum(axis=0))
    return dx, dgamma, dbeta
