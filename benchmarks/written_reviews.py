"""How many true sentences of the independent reviews the written grader calls wrong (tests/written/reviews/).

Each line of a review file is `question-id|sentence`, a correct statement; "called wrong" is a key point
contradicted or a misconception stated. Each line of a file in inversions/ is `question-id|sentence|target`, a
wrong statement built with the same constructions, and "caught" is its target key point contradicted or its
target misconception ("M:id") stated. The files were read while changing the grader, so this measures regressions, not
the grader's accuracy on unseen text (that is benchmarks/written_independent.py).

    python benchmarks/written_reviews.py [-v]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
from interview_prep.bank import load_bank  # noqa: E402 - after the checkout is on the path
from interview_prep.grading.written import grade_written  # noqa: E402

REVIEWS = REPO / "tests" / "written" / "reviews"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", action="store_true", help="list every sentence called wrong")
    args = parser.parse_args()
    bank = load_bank([])
    for path in sorted(REVIEWS.glob("*.txt")):
        lines = [line.split("|", 1) for line in path.read_text(encoding="utf-8").splitlines() if "|" in line]
        wrong = 0
        for qid, sentence in lines:
            report = grade_written(bank.get(qid.strip()), sentence.strip()).to_json()
            called = [kp["id"] for kp in report["key_points"] if kp["verdict"] == "contradicted"]
            called += [m["id"] for m in report["misconceptions"]]
            if called:
                wrong += 1
                if args.v:
                    print(f"    {qid.strip()}: {sentence.strip()} -> {', '.join(called)}")
        print(f"{path.name}: {wrong}/{len(lines)} true sentences called wrong; target 0")
    for path in sorted((REVIEWS / "inversions").glob("*.txt")):
        rows = [line.split("|") for line in path.read_text(encoding="utf-8").splitlines() if line.count("|") == 2]
        caught = 0
        for qid, sentence, target in rows:
            report = grade_written(bank.get(qid.strip()), sentence.strip()).to_json()
            called = {kp["id"] for kp in report["key_points"] if kp["verdict"] == "contradicted"}
            called |= {"M:" + m["id"] for m in report["misconceptions"]}
            if target.strip() in called:
                caught += 1
            elif args.v:
                print(f"    missed {qid.strip()} ({target.strip()}): {sentence.strip()}")
        print(f"inversions/{path.name}: {caught}/{len(rows)} wrong sentences caught; target all")


if __name__ == "__main__":
    main()
