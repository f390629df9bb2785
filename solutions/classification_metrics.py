# prep: classification-metrics
"""Reference solution: confusion matrix, precision/recall/F1 and rank-based ROC-AUC."""

import numpy as np


def _pair(y_true, y_pred):
    y_true = np.asarray(y_true)
    y_pred = np.asarray(y_pred)
    if y_true.ndim != 1 or y_true.shape != y_pred.shape:
        raise ValueError(f"y_true and y_pred must be 1-D of the same length, got {y_true.shape} and {y_pred.shape}")
    return y_true, y_pred


def confusion_matrix(y_true, y_pred, labels=None):
    y_true, y_pred = _pair(y_true, y_pred)
    labels = np.unique(np.concatenate([y_true, y_pred])) if labels is None else np.asarray(labels)
    size = len(labels)
    if size == 0:
        return np.zeros((0, 0), dtype=int)
    # Each sample's label index by binary search among the sorted labels (strings too); -1 if absent.
    order = np.argsort(labels, kind="stable")
    ordered = labels[order]

    def index(values):
        pos = np.minimum(np.searchsorted(ordered, values), size - 1)
        return np.where(ordered[pos] == values, order[pos], -1)

    t, p = index(y_true), index(y_pred)
    keep = (t >= 0) & (p >= 0)
    counts = np.bincount(t[keep] * size + p[keep], minlength=size * size)
    return counts.reshape(size, size).astype(int)


def precision_recall_f1(y_true, y_pred, positive=1):
    y_true, y_pred = _pair(y_true, y_pred)
    true_pos = y_true == positive
    pred_pos = y_pred == positive
    tp = int(np.sum(true_pos & pred_pos))
    fp = int(np.sum(~true_pos & pred_pos))
    fn = int(np.sum(true_pos & ~pred_pos))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return float(precision), float(recall), float(f1)


def roc_auc(y_true, scores):
    y_true, scores = _pair(y_true, scores)
    y = y_true.astype(int)
    s = scores.astype(float)
    n_pos = int(np.sum(y == 1))
    n_neg = int(np.sum(y == 0))
    if n_pos == 0 or n_neg == 0:
        raise ValueError("ROC-AUC needs both classes in y_true")
    order = np.argsort(s, kind="mergesort")
    sorted_s = s[order]
    ranks = np.empty(len(s), dtype=float)
    # average 1-based ranks over runs of tied scores
    boundaries = np.flatnonzero(np.diff(sorted_s)) + 1
    starts = np.concatenate([[0], boundaries])
    ends = np.concatenate([boundaries, [len(s)]])
    avg = (starts + ends + 1) / 2.0
    ranks[order] = np.repeat(avg, ends - starts)
    rank_sum = ranks[y == 1].sum()
    return float((rank_sum - n_pos * (n_pos + 1) / 2.0) / (n_pos * n_neg))
