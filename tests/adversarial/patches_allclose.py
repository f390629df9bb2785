# prep: bce
# expect-status: fail error pass
# expect-failed: loss matches the formula
# Patches every NumPy comparison to "equal" and returns wrong values: the parent judges, not the child.
import numpy as np
import numpy.testing

np.allclose = lambda *a, **k: True
np.array_equal = lambda *a, **k: True
np.isclose = lambda a, b, *r, **k: np.ones(np.shape(a), bool)
numpy.testing.assert_allclose = lambda *a, **k: None
numpy.testing.assert_array_equal = lambda *a, **k: None


def bce_loss(y_true, y_pred, eps=1e-12):
    if np.shape(y_true) != np.shape(y_pred):
        raise ValueError("shape")
    return 0.5


def bce_grad(y_true, y_pred, eps=1e-12):
    if np.shape(y_true) != np.shape(y_pred):
        raise ValueError("shape")
    return np.zeros(np.shape(y_pred))
