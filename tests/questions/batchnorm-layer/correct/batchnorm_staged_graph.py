# prep: batchnorm-layer
# A correct layer in the staged computational-graph style: a tuple cache, backward node by node.
import numpy as np


def batchnorm_forward(x, gamma, beta, eps=1e-5, running=None, momentum=0.9, train=True):
    x = np.array(x, dtype=np.float64)
    n, d = x.shape
    old_mean = np.zeros(d) if running is None else np.asarray(running["mean"], dtype=np.float64)
    old_var = np.ones(d) if running is None else np.asarray(running["var"], dtype=np.float64)
    if not train:
        out = gamma * (x - old_mean) / np.sqrt(old_var + eps) + beta
        return out, None, {"mean": old_mean.copy(), "var": old_var.copy()}
    mu = np.sum(x, axis=0) / n
    xmu = x - mu
    sq = xmu**2
    var = np.sum(sq, axis=0) / n
    sqrtvar = np.sqrt(var + eps)
    ivar = 1.0 / sqrtvar
    xhat = xmu * ivar
    out = gamma * xhat + beta
    new_running = {
        "mean": momentum * old_mean + (1.0 - momentum) * mu,
        "var": momentum * old_var + (1.0 - momentum) * var,
    }
    return out, (xhat, gamma, xmu, ivar, sqrtvar, var, eps), new_running


def batchnorm_backward(dout, cache):
    xhat, gamma, xmu, ivar, sqrtvar, var, eps = cache
    n = dout.shape[0]
    dbeta = np.sum(dout, axis=0)
    dgamma = np.sum(dout * xhat, axis=0)
    dxhat = dout * gamma
    divar = np.sum(dxhat * xmu, axis=0)
    dxmu1 = dxhat * ivar
    dsqrtvar = -divar / sqrtvar**2
    dvar = 0.5 * dsqrtvar / np.sqrt(var + eps)
    dsq = np.ones_like(dout) * dvar / n
    dxmu2 = 2 * xmu * dsq
    dx1 = dxmu1 + dxmu2
    dmu = -np.sum(dx1, axis=0)
    dx = dx1 + np.ones_like(dout) * dmu / n
    return dx, dgamma, dbeta
