# prep: batchnorm-layer
# bug: uses a hard-coded 1e-5 instead of the eps argument
# expect-fail: training output normalized with batch statistics
import numpy as np


def batchnorm_forward(x, gamma, beta, eps=1e-5, running=None, momentum=0.9, train=True):
    x = np.asarray(x, dtype=float)
    d = x.shape[1]
    if running is None:
        running = {"mean": np.zeros(d), "var": np.ones(d)}
    if train:
        mean = x.mean(axis=0)
        var = x.var(axis=0)
        new_running = {
            "mean": momentum * running["mean"] + (1 - momentum) * mean,
            "var": momentum * running["var"] + (1 - momentum) * var,
        }
    else:
        mean, var = running["mean"], running["var"]
        new_running = {"mean": np.array(mean, dtype=float), "var": np.array(var, dtype=float)}
    std = np.sqrt(var + 1e-5)
    xhat = (x - mean) / std
    out = gamma * xhat + beta
    cache = {"xhat": xhat, "std": std, "gamma": gamma}
    return out, cache, new_running


def batchnorm_backward(dout, cache):
    xhat, std, gamma = cache["xhat"], cache["std"], cache["gamma"]
    dbeta = dout.sum(axis=0)
    dgamma = (dout * xhat).sum(axis=0)
    dxhat = dout * gamma
    dx = (dxhat - dxhat.mean(axis=0) - xhat * (dxhat * xhat).mean(axis=0)) / std
    return dx, dgamma, dbeta
