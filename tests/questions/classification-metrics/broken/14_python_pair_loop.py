# prep: classification-metrics
# bug: ROC-AUC by comparing every positive with every negative in Python: correct but O(n^2) slow
# expect-fail: vectorized: time on a large input
# expect-fail: no Python loop over the samples
# still-passes: yes
import numpy as np


def _pair(y_true, y_pred):
    y_true = np.asarray(y_true)
    y_pred = np.asarray(y_pred)
    if y_true.ndim != 1 or y_true.shape != y_pred.shape:
        raise ValueError("y_true and y_pred must be 1-D of the same length")
    return y_true, y_pred


def confusion_matrix(y_true, y_pred, labels=None):
    y_true, y_pred = _pair(y_true, y_pred)
    if labels is None:
        labels = sorted(set(y_true.tolist()) | set(y_pred.tolist()))
    labels = list(labels)
    m = np.zeros((len(labels), len(labels)), dtype=int)
    for t, p in zip(y_true.tolist(), y_pred.tolist(), strict=True):
        if t in labels and p in labels:
            m[labels.index(t), labels.index(p)] += 1
    return m


def precision_recall_f1(y_true, y_pred, positive=1):
    y_true, y_pred = _pair(y_true, y_pred)
    tp = int(np.sum((y_true == positive) & (y_pred == positive)))
    predicted = int(np.sum(y_pred == positive))
    actual = int(np.sum(y_true == positive))
    precision = tp / predicted if predicted else 0.0
    recall = tp / actual if actual else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def roc_auc(y_true, scores):
    y_true, scores = _pair(y_true, scores)
    pos = [s for s, t in zip(scores.tolist(), y_true.tolist(), strict=True) if t == 1]
    neg = [s for s, t in zip(scores.tolist(), y_true.tolist(), strict=True) if t == 0]
    if not pos or not neg:
        raise ValueError("need both classes")
    wins = 0.0
    for p in pos:
        for q in neg:
            wins += 1.0 if p > q else 0.5 if p == q else 0.0
    return wins / (len(pos) * len(neg))
