"""What the written grader makes of one statement: each key point's verdict, the misconceptions it reports."""

from __future__ import annotations

from interview_prep.bank import load_bank
from interview_prep.grading.written import grade_written


def verdicts(qid: str, text: str) -> dict[str, str]:
    report = grade_written(load_bank().get(qid), text).to_json()
    return {kp["id"]: kp["verdict"] for kp in report["key_points"]}


def misconceptions(qid: str, text: str) -> list[str]:
    report = grade_written(load_bank().get(qid), text).to_json()
    return [m["id"] for m in report.get("misconceptions", [])]
