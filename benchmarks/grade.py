"""Wall time of `prep grade` on each reference solution, against `python -c "import numpy"`, in one run.

A grade spawns the sandboxed child once, or twice for stratified-split (a second hash seed), and
runs the whole hidden suite; a suite that times the reference runs it in one more child of its own,
beside the first, so it never shares a process with user code. The target: a correct solution grades
in at most 1 s (median) on a 2-core machine. The NumPy import is what each process of a NumPy
question pays (the pure-Python drills, 23-28, import it nowhere), and the baseline of the same run:
on a loaded machine read the ratio to it.

Then wrong solutions whose failures carry a counterexample (shrunk, or the failing calls as source),
graded in-process with and without shrinking (the smallest failing input costs extra child runs): the
target is at most 1 s more.

    python benchmarks/grade.py [--runs 7] [--only level-order,validate-bst]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
from interview_prep.bank import load_bank  # noqa: E402 - after the checkout is on the path

# Every question with a hidden suite (the first three and the drills), with its reference.
QUESTIONS = [(q.id, q.reference) for q in load_bank([]).questions if q.is_coding and q.reference]
# Wrong solutions whose failures are shrunk (a property failing on generated data).
BROKEN = REPO / "tests" / "questions"
WRONG = [
    ("kmeans", BROKEN / "kmeans" / "broken" / "02_distance_wrong_axis.py"),
    ("kmeans", BROKEN / "kmeans" / "broken" / "12_mean_wrong_axis.py"),
    ("kmeans", BROKEN / "kmeans" / "broken" / "18_reseed_from_global_rng.py"),  # two calls, one seed
    ("bce", BROKEN / "bce" / "broken" / "04_gradient_missing_1_over_n.py"),  # a finite-difference entry
    ("classification-metrics", BROKEN / "classification-metrics" / "broken" / "17_micro_averaged.py"),
    ("fix-the-training-loop", BROKEN / "fix-the-training-loop" / "broken" / "11_last_partial_batch_dropped.py"),
]


def _prep() -> list[str]:
    # `python -m interview_prep` is the `prep` entry point of this checkout, installed or not.
    return [sys.executable, "-m", "interview_prep"]


def _time(cmd: list[str], env: dict[str, str]) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, cwd=REPO)
    return time.perf_counter() - start, done.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--only", default="", help="comma-separated question ids: grade only these references")
    args = parser.parse_args()
    only = {q for q in args.only.split(",") if q}
    # A throwaway PREP_HOME: each grade is recorded in a history, as a user's is, but not in yours.
    home = tempfile.mkdtemp(prefix="prep-bench-")
    env = {**os.environ, "PYTHONPATH": str(REPO), "PREP_HOME": home}
    floor = [_time([sys.executable, "-c", "import numpy"], env)[0] for _ in range(args.runs)]
    floor_median = statistics.median(floor)
    print(f'python -c "import numpy"          median {floor_median * 1000:7.0f} ms')
    worst = 0.0
    for qid, filename in QUESTIONS:
        if only and qid not in only:
            continue
        cmd = [*_prep(), "grade", str(filename), "-q", qid, "--json"]
        times = []
        for _ in range(args.runs):
            seconds, out = _time(cmd, env)
            report = json.loads(out)
            if report["score"] != 100 or not report["passed"]:
                sys.exit(f"{qid}: the reference did not score 100: {out[:500]}")
            times.append(seconds)
        median = statistics.median(times)
        worst = max(worst, median)
        print(
            f"prep grade solutions/{filename.name:<26} median {median * 1000:7.0f} ms"
            f"  ({median / floor_median:4.1f}x the NumPy import; min {min(times) * 1000:.0f}, max "
            f"{max(times) * 1000:.0f})"
        )
    verdict = "within" if worst <= 1.0 else "OVER"
    print(f"slowest median {worst:.2f} s ({worst / floor_median:.1f}x the NumPy import): {verdict} the 1 s target")
    if not only:
        _wrong(args.runs)


def _wrong(runs: int) -> None:
    """A wrong solution graded with and without shrinking its failures: the cost of the counterexample."""
    from interview_prep.grading.coding import grade_coding

    bank = load_bank([])
    most = 0.0
    for qid, path in WRONG:
        medians = {}
        for shrink in (False, True):
            times = []
            for _ in range(runs):
                start = time.perf_counter()
                report = grade_coding(bank.get(qid), path, shrink=shrink)
                times.append(time.perf_counter() - start)
            medians[shrink] = statistics.median(times)
        extra = medians[True] - medians[False]
        most = max(most, extra)
        shown = next((c.counterexample for c in report.checks if c.counterexample), "").replace("\n", "; ")
        print(
            f"wrong {path.name:<36} median {medians[False] * 1000:5.0f} ms without shrinking, "
            f"{medians[True] * 1000:5.0f} ms with (+{extra * 1000:.0f} ms): {shown[:70]}"
        )
    verdict = "within" if most <= 1.0 else "OVER"
    print(f"most shrinking costs: +{most:.2f} s, {verdict} the 1 s target")


if __name__ == "__main__":
    main()
