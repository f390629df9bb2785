"""The written grader on an independent set of single statements (tests/written/independent-11/ by default).

Each correct ("textbook") statement, graded alone, should contradict no key point and assert no
misconception; each fluent inversion should be caught: the key point it denies `contradicted`,
or the misconception it asserts reported. The set was written from the questions' YAML and the
grader's design, never from its code, and is never tuned on: this script measures, it is not a test.

    python benchmarks/written_independent.py [-v] [--set independent-11|independent-10|...|independent]

"caught" is strict: the key point the inversion names is contradicted, or the misconception it names is
reported. "flagged" also counts an inversion called wrong some other way (the opposite misconception, a
neighbouring point), which a user does see as Wrong; "credited" counts inversions that earn the very point
they deny, a wrong statement given credit. Last, each question's correct statements are graded as one answer
(a paragraph each), which should pass, and so are its inversions, which should not.

Sets 1 to 10 (independent/ to independent-10/) were read while changing the grader on 2026-12-03 and -04 and
are development data since. independent-11/ (written on 2026-12-04 by a helper that opened neither the grader
nor the other sets) is the measure: only its correct statements called wrong have been read. Whoever reads its
inversions (-v) spends it too; have the next set written first.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
from interview_prep.bank import load_bank  # noqa: E402 - after the checkout is on the path
from interview_prep.grading.written import grade_written  # noqa: E402

SETS = REPO / "tests" / "written"


def called_wrong(data: dict[str, Any]) -> list[str]:
    contradicted = [kp["id"] for kp in data["key_points"] if kp.get("verdict") == "contradicted"]
    return contradicted + [m["id"] for m in data["misconceptions"]]


def caught(item: dict[str, Any], data: dict[str, Any]) -> bool:
    if "contradicts" in item:
        verdicts = {kp["id"]: kp.get("verdict") for kp in data["key_points"]}
        return verdicts.get(item["contradicts"]) == "contradicted"
    return item["asserts_misconception"] in [m["id"] for m in data["misconceptions"]]


def _row(name: str, n: Counter[str]) -> str:
    return (
        f"{name:<22} {n['textbook']:>8} {n['wrong']:>12} {n['inversions']:>10} {n['caught']:>7} {n['flagged']:>8}"
        f" {n['credited']:>8}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", action="store_true", help="list every statement the grader got wrong")
    parser.add_argument("--set", default="independent-11", help="the folder under tests/written (default: %(default)s)")
    args = parser.parse_args()
    print(f"set: tests/written/{args.set}")
    bank = load_bank([])
    totals: Counter[str] = Counter()
    print(
        f"{'question':<22} {'textbook':>8} {'called wrong':>12} {'inversions':>10} {'caught':>7} {'flagged':>8}"
        f" {'credited':>8}"
    )
    for path in sorted((SETS / args.set).glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        question = bank.get(data["question"])
        wrong, missed = [], []
        flagged_some_way = 0  # missed as the point it names, but still called wrong for another
        credited = 0  # an inversion that earns the very point it denies: a wrong answer given credit
        for item in data["textbook"]:
            flagged = called_wrong(grade_written(question, item["text"]).to_json())
            if flagged:
                wrong.append((item["text"], flagged))
        for item in data["inversions"]:
            report = grade_written(question, item["text"]).to_json()
            credited += item.get("contradicts") in {kp["id"] for kp in report["key_points"] if kp["covered"]}
            if not caught(item, report):
                missed.append((item["text"], item.get("contradicts") or item.get("asserts_misconception")))
                flagged_some_way += bool(called_wrong(report))
        n_text, n_inv = len(data["textbook"]), len(data["inversions"])
        n_caught = n_inv - len(missed)
        row = Counter(
            textbook=n_text,
            wrong=len(wrong),
            inversions=n_inv,
            caught=n_caught,
            flagged=n_caught + flagged_some_way,
            credited=credited,
            questions=1,
            right_passes=_passes(question, data["textbook"]),
            wrong_passes=_passes(question, data["inversions"]),
        )
        print(_row(question.id, row))
        totals += row
        if args.v:
            for text, flagged in wrong:
                print(f"    called wrong ({', '.join(flagged)}): {text}")
            for text, target in missed:
                print(f"    not caught ({target}): {text}")
    print(_row("all", totals))
    t_n, t_wrong, i_n = totals["textbook"], totals["wrong"], totals["inversions"]
    i_caught, i_flagged, i_credited = totals["caught"], totals["flagged"], totals["credited"]
    print(f"correct statements called wrong: {t_wrong}/{t_n} ({100 * t_wrong / t_n:.1f}%); target 0")
    print(f"inversions caught: {i_caught}/{i_n} ({100 * i_caught / i_n:.1f}%); target 100%")
    print(
        f"inversions called wrong in some way (caught, or another point or misconception flagged): "
        f"{i_flagged}/{i_n} ({100 * i_flagged / i_n:.1f}%)"
    )
    print(f"inversions that earn the point they deny: {i_credited}/{i_n} ({100 * i_credited / i_n:.1f}%); target 0")
    n_q = totals["questions"]
    print(
        f"as whole answers, a paragraph per statement: every correct statement of a question passes "
        f"{totals['right_passes']}/{n_q} (target {n_q}); every inversion passes {totals['wrong_passes']}/{n_q} "
        "(target 0)"
    )


def _passes(question: Any, items: list[dict[str, Any]]) -> int:
    """1 when the statements, as the paragraphs of one answer, pass: what a user who wrote them all would see."""
    return int(bool(grade_written(question, "\n\n".join(item["text"] for item in items)).passed))


if __name__ == "__main__":
    main()
