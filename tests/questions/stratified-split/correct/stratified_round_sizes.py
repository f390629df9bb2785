# prep: stratified-split
# A correct split with round() sizes for train and validation and the rest to test, classes sorted.
import numpy as np


def stratified_split(labels, ratios=(0.7, 0.15, 0.15), seed=None):
    labels = np.asarray(labels)
    if labels.ndim != 1:
        raise ValueError("labels must be 1-D")
    r_train, r_val, r_test = ratios
    if min(ratios) < 0 or abs(r_train + r_val + r_test - 1) > 1e-6:
        raise ValueError("bad ratios")
    rng = np.random.default_rng(seed)
    tr, va, te = [], [], []
    for c in sorted(set(labels.tolist())):
        idx = np.where(labels == c)[0]
        rng.shuffle(idx)
        n_tr = int(round(r_train * len(idx)))
        n_va = int(round(r_val * len(idx)))
        tr.append(idx[:n_tr])
        va.append(idx[n_tr : n_tr + n_va])
        te.append(idx[n_tr + n_va :])
    return np.concatenate(tr), np.concatenate(va), np.concatenate(te)
