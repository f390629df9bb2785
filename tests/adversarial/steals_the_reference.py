# prep: kmeans
# ruff: noqa  (deliberately broken or hostile test data)
# expect-status: error fail pass
# expect-failed: fixed point on random data
# expect-failed: vectorized: time on a large input
# Hunts the grading process for the reference kmeans (in the harness's stack frames, in sys.modules,
# anywhere the garbage collector can see) and hands it in as its own; finding nothing, it returns
# nonsense. The reference must never be in a process that runs user code.
import gc
import sys

import numpy as np


def _found():
    here = __file__
    frame = sys._getframe()
    while frame is not None:  # the harness's locals, e.g. a dict of loaded modules
        for value in list(frame.f_locals.values()):
            for v in value.values() if isinstance(value, dict) else [value]:
                f = getattr(v, "kmeans", None)
                if callable(f) and getattr(f, "__code__", None) and f.__code__.co_filename != here:
                    return f
        frame = frame.f_back
    for obj in gc.get_objects():
        if callable(obj) and getattr(obj, "__name__", "") == "kmeans":
            code = getattr(obj, "__code__", None)
            if code is not None and code.co_filename != here:
                return obj
    return None


_stolen = _found()


def kmeans(X, k, max_iters=100, tol=1e-4, seed=None):
    if _stolen is not None:
        return _stolen(X, k, max_iters=max_iters, tol=tol, seed=seed)
    X = np.asarray(X, dtype=float)
    return np.zeros((k, X.shape[1])), np.zeros(len(X), dtype=np.int64)
