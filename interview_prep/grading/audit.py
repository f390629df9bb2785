"""The guards every coding question gets, for the tests and for `prep check-bank`: its reference scores 100,
each broken fixture it ships fails the check it names, and each correct one scores 100."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from interview_prep.bank import fixture_files
from interview_prep.errors import PrepError
from interview_prep.grading.report import GradeReport, Status
from interview_prep.models import Question

_TAG = re.compile(r"#\s*([a-z-]+):\s*(.+?)\s*$")


@dataclass(frozen=True)
class Finding:
    question: str
    where: str  # the file concerned, or the question's YAML
    problem: str

    def line(self) -> str:
        return f"{self.question}: {self.where}: {self.problem}"


def fixture_tags(path: Path) -> dict[str, list[str]]:
    """The `# key: value` lines at the top of a fixture (prep, expect-fail, still-passes, ...)."""
    out: dict[str, list[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = _TAG.match(line)
        if not m:
            if line.startswith("#"):
                continue
            break
        out.setdefault(m.group(1), []).append(m.group(2))
    return out


def _grade(question: Question, path: Path) -> GradeReport:
    from interview_prep.grading.coding import grade_coding

    return grade_coding(question, path)


def _failing(report: GradeReport) -> str:
    bad = [f"{c.name} ({c.status.value}: {c.message})" for c in report.checks if c.status is not Status.PASS]
    return "; ".join(bad[:3])


def audit_question(question: Question) -> list[Finding]:
    """Every way the question's suite, reference and fixtures disagree; empty when they hold together."""
    if not question.is_coding:
        return []
    found: list[Finding] = []

    def note(path: Path, problem: str) -> None:
        found.append(Finding(question.id, str(path), problem))

    reference = question.reference
    try:
        if reference is None or not reference.is_file():
            note(question.source, f"no reference solution (looked for {reference})")
        else:
            report = _grade(question, reference)
            if not (report.passed and report.score == 100):
                note(reference, f"the reference scores {report.score:.1f}, not 100: {_failing(report)}")
        for path in fixture_files(question, "correct"):
            report = _grade(question, path)
            if not (report.passed and report.score == 100):
                note(path, f"a correct fixture scores {report.score:.1f}, not 100: {_failing(report)}")
        for path in fixture_files(question, "broken"):
            found += _audit_broken(question, path)
    except PrepError as exc:  # a suite that cannot be built, a fixture that does not parse
        note(question.source, exc.message)
    return found


def _audit_broken(question: Question, path: Path) -> list[Finding]:
    names = fixture_tags(path).get("expect-fail", [])
    if not names:
        return [Finding(question.id, str(path), "a broken fixture must name the check it fails (# expect-fail: NAME)")]
    report = _grade(question, path)
    by_name = {c.name: c for c in report.checks}
    found = []
    for name in names:
        check = by_name.get(name)
        if check is None:
            found.append(Finding(question.id, str(path), f"names no check of the suite: {name!r}"))
        elif check.status is Status.PASS:
            found.append(Finding(question.id, str(path), f"passes {name!r}, which it should fail"))
    return found


def lint_findings(question: Question) -> list[Finding]:
    """The rubric lint of a written question, and of every follow-up a question carries."""
    from interview_prep.grading.written.lint import lint_rubric  # loads the written grader

    rubrics = [] if question.is_coding else [question]
    rubrics += [question.follow_up_question(fu) for fu in question.follow_ups]
    return [Finding(q.id, str(question.source), warning) for q in rubrics for warning in lint_rubric(q)]
