# prep: bce
# expect-status: error
# expect-message: PyTorch
def bce_loss(y_true, y_pred, eps=1e-12):
    import torch
    return float(torch.nn.functional.binary_cross_entropy(torch.tensor(y_pred), torch.tensor(y_true)))


bce_grad = bce_loss
