# prep: classification-metrics
# bug: averages precision, recall and F1 over every class (macro averaging) instead of scoring the
# bug: class `positive`; written first, the other functions not yet
# expect-fail: precision, recall and F1 match their definitions
import numpy as np


def precision_recall_f1(y_true, y_pred, positive=1):
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    if y_true.shape != y_pred.shape:
        raise ValueError("shapes differ")
    scores = []
    for label in np.unique(np.concatenate([y_true, y_pred])):
        t, p = y_true == label, y_pred == label
        prec = (t & p).sum() / p.sum() if p.sum() else 0.0
        rec = (t & p).sum() / t.sum() if t.sum() else 0.0
        scores.append((prec, rec, 2 * prec * rec / (prec + rec) if prec + rec else 0.0))
    precision, recall, f1 = np.mean(scores, axis=0)  # unweighted mean over the classes
    return float(precision), float(recall), float(f1)
