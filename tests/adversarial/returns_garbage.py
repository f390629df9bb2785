# prep: stratified-split
# expect-status: error pass
# expect-failed: partition of range(n)
import numpy as np


def stratified_split(labels, ratios=(0.7, 0.15, 0.15), seed=None):
    if np.ndim(labels) != 1 or len(ratios) != 3 or min(ratios) < 0 or abs(sum(ratios) - 1) > 1e-6:
        raise ValueError("bad")
    return (np.array([object()]), None)
