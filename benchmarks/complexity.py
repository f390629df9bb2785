"""Does the growth check tell a quadratic solution from the expected one, run after run, on a busy machine?

For every dsa problem with a broken fixture that names the growth check (a correct but quadratic
solution), the check alone is run `--runs` times (default 5) on that fixture and on the reference
graded as if it were the user's, each run timing the user's calls and the reference's in their own
children, as `prep grade` does. It prints the exponents each side measured (min, median, max: the
spread) and how often the verdict was right; it exits 1 when any verdict was wrong. The tree
problems are timed on long thin trees (about n/2 deep), where a rescan per level or per node is
quadratic as it is on any deep tree; a problem without a quadratic fixture is named as such.

    python benchmarks/complexity.py [--runs 5] [--question merge-intervals]
"""

from __future__ import annotations

import argparse
import dataclasses
import math
import re
import statistics
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
from interview_prep.bank import fixture_files, load_bank  # noqa: E402 - after the checkout is on the path
from interview_prep.grading.audit import fixture_tags  # noqa: E402
from interview_prep.grading.coding import run_suite  # noqa: E402
from interview_prep.grading.complexity import CHECK_NAME  # noqa: E402
from interview_prep.grading.report import Status  # noqa: E402
from interview_prep.grading.suite import Suite, load_suite  # noqa: E402

_EXPONENT = re.compile(r"grows like \w+\^([0-9.]+)")


def _growth_only(suite: Suite) -> Suite:
    check = next(c for c in suite.checks if c.name == CHECK_NAME)
    calls = tuple(c for c in suite.calls if c.id in check.calls)
    return dataclasses.replace(suite, checks=(check,), calls=calls)


def _measure(suite: Suite, path: Path, reference: Path) -> tuple[float, float, bool]:
    """(user exponent, reference exponent, passed) of one run of the growth check; a run that timed out
    (far too slow) has no exponents, shown as inf."""
    result = run_suite(suite, path, reference=reference).checks[0]
    found = [float(x) for x in _EXPONENT.findall(result.message)]
    if len(found) < 2:
        found = [float(x) for x in re.findall(r"\^([0-9.]+)", result.message)]
    if result.status is Status.TIMEOUT:
        return math.inf, math.inf, False
    if len(found) < 2:
        sys.exit(f"{suite.question}: could not read the exponents from: {result.message}")
    return found[0], found[1], result.status is Status.PASS


def _spread(values: list[float]) -> str:
    return f"{min(values):.1f} / {statistics.median(values):.1f} / {max(values):.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--question", action="append", help="only these question ids (repeatable)")
    args = parser.parse_args()
    questions = [q for q in load_bank([]).questions if q.category == "dsa" and q.suite and q.reference]
    if args.question:
        questions = [q for q in questions if q.id in args.question]
    wrong = 0
    print(f"{'question':24} {'solution':22} {'exponent min / median / max':>28} {'ref. exponent':>20}  verdicts")
    for q in questions:
        assert q.suite is not None and q.reference is not None
        suite = _growth_only(load_suite(q.suite))
        slow = [p for p in fixture_files(q, "broken") if CHECK_NAME in fixture_tags(p).get("expect-fail", [])]
        for label, path, should_pass in [("reference", q.reference, True)] + [(p.stem, p, False) for p in slow]:
            runs = [_measure(suite, path, q.reference) for _ in range(args.runs)]
            right = sum(1 for _, _, passed in runs if passed == should_pass)
            wrong += args.runs - right
            verdict = "pass" if should_pass else "fail"
            users, refs = _spread([u for u, _, _ in runs]), _spread([r for _, r, _ in runs])
            print(f"{q.id:24} {label[:22]:22} {users:>28} {refs:>20}  {right}/{args.runs} {verdict} as they should")
        if not slow:
            print(f"{q.id:24} (no fixture names the growth check: nothing quadratic to tell apart)")
    if wrong:
        sys.exit(f"{wrong} verdicts were wrong")


if __name__ == "__main__":
    main()
