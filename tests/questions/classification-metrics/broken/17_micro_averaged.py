# prep: classification-metrics
# bug: pools the counts of every class (micro averaging) instead of scoring the class `positive`;
# bug: written first, the other functions not yet
# expect-fail: precision, recall and F1 match their definitions
import numpy as np


def precision_recall_f1(y_true, y_pred, positive=1):
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    if len(y_true) != len(y_pred):
        raise ValueError("y_true and y_pred differ in length")
    tp = fp = fn = 0
    for c in np.union1d(y_true, y_pred):  # every class's counts, summed
        hit = y_pred == c
        tp += np.sum(hit & (y_true == c))
        fp += np.sum(hit & (y_true != c))
        fn += np.sum(~hit & (y_true == c))
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return float(p), float(r), float(2 * p * r / (p + r) if p + r else 0.0)
