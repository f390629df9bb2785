# prep: bce
# expect-status: error
# expect-message: SIGSEGV
import ctypes


def bce_loss(y_true, y_pred, eps=1e-12):
    return ctypes.string_at(0)


bce_grad = bce_loss
