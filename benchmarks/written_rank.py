"""How well the written grader ranks labelled answers: Spearman per question, on the tuning and held-out sets.

tests/written/answers/ are the answers the rubrics were refined against (8 per question), and
tests/written/round2/ 3 more per question that were first scored unseen and then used to refine
the rubrics again: both are in-sample. tests/written/holdout/ are 3 answers per question written
after the last rubric change and never used to change a rubric or the grader: they show how far
the rubrics generalize.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from interview_prep.bank import load_bank  # noqa: E402
from interview_prep.grading.written import grade_written  # noqa: E402

SETS = {
    "tuning": ROOT / "tests" / "written" / "answers",
    "round2": ROOT / "tests" / "written" / "round2",
    "holdout": ROOT / "tests" / "written" / "holdout",
}
# The label of each answer file by its name: strong=2, partial=1, weak and gaming attempts=0.
LABELS = {"strong": 2, "partial": 1, "weak": 0, "buzzwords": 0, "negated": 0}


def label_of(path: Path) -> int:
    return LABELS[path.stem.rstrip("0123456789")]


def ranks(values: list[float]) -> list[float]:
    """Ranks from 1, ties given the mean of the ranks they span."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    out = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            out[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return out


def spearman(xs: list[float], ys: list[float]) -> float:
    """Spearman's rho: Pearson correlation of the ranks (handles ties)."""
    rx, ry = ranks(xs), ranks(ys)
    n = len(xs)
    mx, my = sum(rx) / n, sum(ry) / n
    cov = sum((a - mx) * (b - my) for a, b in zip(rx, ry, strict=True))
    vx = sum((a - mx) ** 2 for a in rx)
    vy = sum((b - my) ** 2 for b in ry)
    return cov / (vx * vy) ** 0.5 if vx and vy else 0.0


def report(name: str, folder: Path, verbose: bool) -> None:
    bank = load_bank()
    kinds = ["strong", "partial", "weak", "buzzwords", "negated"]
    print(f"\n{name} set ({folder.relative_to(ROOT)}): mean score per label")
    print(f"{'question':<22} {'spearman':>8}  " + "  ".join(f"{k:>9}" for k in kinds))
    rhos: list[float] = []
    all_labels: list[float] = []
    all_scores: list[float] = []
    for sub in sorted(p for p in folder.iterdir() if p.is_dir()):
        question = bank.get(sub.name)
        labels: list[float] = []
        scores: list[float] = []
        by_kind: dict[str, list[float]] = {k: [] for k in kinds}
        for path in sorted(sub.glob("*.md")):
            graded = grade_written(question, path.read_text(encoding="utf-8"))
            labels.append(label_of(path))
            scores.append(graded.score)
            by_kind[path.stem.rstrip("0123456789")].append(graded.score)
            if verbose:
                print(f"  {path.stem:<10} {graded.score:6.1f} {'PASS' if graded.passed else 'fail'}")
        rho = spearman(labels, scores)
        rhos.append(rho)
        all_labels += labels
        all_scores += scores
        means = "  ".join(f"{sum(v) / len(v):9.1f}" if v else f"{'-':>9}" for v in by_kind.values())
        print(f"{sub.name:<22} {rho:8.3f}  {means}")
    print(f"{'mean of per-question':<22} {sum(rhos) / len(rhos):8.3f}")
    print(f"{'pooled':<22} {spearman(all_labels, all_scores):8.3f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-v", "--verbose", action="store_true", help="print every answer's score")
    args = parser.parse_args(argv)
    for name, folder in SETS.items():
        if folder.is_dir():
            report(name, folder, args.verbose)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
