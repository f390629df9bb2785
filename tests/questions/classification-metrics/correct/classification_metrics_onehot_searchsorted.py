# prep: classification-metrics
"""Correct in another style: the confusion matrix as a product of one-hot matrices, AUC by binary search
of each positive among the sorted negatives (ties: the run of equal negatives counts one half)."""

import numpy as np


def _check(a, b):
    a, b = np.asarray(a), np.asarray(b)
    if len(a) != len(b):
        raise ValueError(f"lengths differ: {len(a)} and {len(b)}")
    return a, b


def confusion_matrix(y_true, y_pred, labels=None):
    y_true, y_pred = _check(y_true, y_pred)
    labels = np.union1d(y_true, y_pred) if labels is None else np.asarray(labels)
    true_hot = (y_true[:, None] == labels[None, :]).astype(np.int64)
    pred_hot = (y_pred[:, None] == labels[None, :]).astype(np.int64)
    return true_hot.T @ pred_hot


def precision_recall_f1(y_true, y_pred, positive=1):
    y_true, y_pred = _check(y_true, y_pred)
    actual, predicted = y_true == positive, y_pred == positive
    tp = np.count_nonzero(actual & predicted)

    def ratio(num, den):
        return float(num / den) if den else 0.0

    p, r = ratio(tp, np.count_nonzero(predicted)), ratio(tp, np.count_nonzero(actual))
    return p, r, ratio(2 * p * r, p + r)


def roc_auc(y_true, scores):
    y_true, scores = _check(y_true, scores)
    scores = scores.astype(np.float64)
    pos, neg = scores[y_true == 1], np.sort(scores[y_true == 0])
    if pos.size == 0 or neg.size == 0:
        raise ValueError("roc_auc needs at least one positive and one negative")
    below = np.searchsorted(neg, pos, side="left")
    tied = np.searchsorted(neg, pos, side="right") - below
    return float((below.sum() + 0.5 * tied.sum()) / (pos.size * neg.size))
