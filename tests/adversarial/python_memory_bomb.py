# prep: bce
# expect-status: memory
# Pure-Python allocations far over the limit (no NumPy): MemoryError at once under RLIMIT_AS.
def bce_loss(y_true, y_pred, eps=1e-12):
    return len(" " * (50 * 1024**3))


def bce_grad(y_true, y_pred, eps=1e-12):
    return [0.0] * (10**10)
