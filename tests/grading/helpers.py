"""Shared test helpers: the coding questions and drills as bank objects, and a solution file's header tags."""

from __future__ import annotations

import re
from pathlib import Path

from interview_prep.models import FunctionSpec, Question

TESTS = Path(__file__).resolve().parent.parent
REPO = TESTS.parent
SOLUTIONS = REPO / "solutions"

_FUNCTIONS = {
    "kmeans": ("kmeans",),
    "bce": ("bce_loss", "bce_grad"),
    "stratified-split": ("stratified_split",),
    "softmax-ce": ("softmax", "cross_entropy"),
    "logistic-regression": ("fit", "predict_proba"),
    "mlp-backprop": ("forward", "backward"),
    "batchnorm-layer": ("batchnorm_forward", "batchnorm_backward"),
    "attention": ("scaled_dot_product_attention",),
    "classification-metrics": ("confusion_matrix", "precision_recall_f1", "roc_auc"),
    "fix-the-training-loop": ("features", "loss_and_grads", "batches", "train", "predict"),
}
_NUMBERS = {
    "kmeans": 1,
    "bce": 2,
    "stratified-split": 3,
    "softmax-ce": 13,
    "logistic-regression": 14,
    "mlp-backprop": 15,
    "batchnorm-layer": 16,
    "attention": 17,
    "classification-metrics": 18,
    "fix-the-training-loop": 19,
}
SUITE_DIRS = {
    "kmeans": "kmeans",
    "bce": "bce",
    "stratified-split": "stratified_split",
    "softmax-ce": "softmax_ce",
    "logistic-regression": "logistic_regression",
    "mlp-backprop": "mlp_backprop",
    "batchnorm-layer": "batchnorm_layer",
    "attention": "attention",
    "classification-metrics": "classification_metrics",
    "fix-the-training-loop": "fix_the_training_loop",
}


def coding_question(qid: str) -> Question:
    """The question as bank.py would build it, with just what grading reads."""
    return Question(
        id=qid,
        number=_NUMBERS[qid],
        title=qid,
        category="coding",
        difficulty="medium",
        time_limit_minutes=30,
        prompt="",
        how_to_answer="",
        what_they_look_for="",
        kind="coding",
        source=Path(f"{qid}.yaml"),
        functions=tuple(FunctionSpec(name, f"def {name}(...)", "") for name in _FUNCTIONS[qid]),
        suite=SUITE_DIRS[qid],
    )


ALL_QUESTIONS = tuple(coding_question(q) for q in _FUNCTIONS)


def tags(path: Path) -> dict[str, list[str]]:
    """The `# key: value` lines at the top of a test solution (expect-fail, expect-status, ...)."""
    out: dict[str, list[str]] = {}
    for line in path.read_text().splitlines():
        m = re.match(r"#\s*([a-z-]+):\s*(.+?)\s*$", line)
        if not m:
            if line.startswith("#"):
                continue
            break
        out.setdefault(m.group(1), []).append(m.group(2))
    return out
