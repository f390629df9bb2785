"""A grade as data: checks, score and verdict, rendered to JSON (CONTRACT.md section 4) and Rich."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any, TypeVar


class Status(str, Enum):
    PASS = "pass"
    FAIL = "fail"
    ERROR = "error"  # the solution raised, or returned something unusable
    TIMEOUT = "timeout"
    MEMORY = "memory"  # it went over the memory limit


class Category(str, Enum):
    CORRECTNESS = "correctness"
    EDGE_CASE = "edge-case"
    STABILITY = "stability"
    PERFORMANCE = "performance"
    STYLE = "style"
    RUBRIC = "rubric"


# A coding answer passes when every check in these categories passed (CONTRACT.md section 4).
GATING = frozenset({Category.CORRECTNESS, Category.EDGE_CASE, Category.STABILITY})


@dataclass(frozen=True)
class CheckResult:
    name: str
    category: Category
    status: Status
    points: float
    max_points: float
    message: str
    counterexample: str | None = None  # Python source of the smallest failing input found
    counterexample_verdict: str | None = None  # what is wrong with what that input gave back

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "name": self.name,
            "category": self.category.value,
            "status": self.status.value,
            "points": self.points,
            "max_points": self.max_points,
            "message": self.message,
        }
        if self.counterexample is not None:
            out["counterexample"] = self.counterexample
            if self.counterexample_verdict:
                out["counterexample_verdict"] = self.counterexample_verdict
        return out


@dataclass(frozen=True)
class GradeReport:
    """The outcome of grading one answer. `score` is 0-100; graders compute score and passed."""

    question: str
    kind: str  # "coding" or "written"
    score: float
    passed: bool
    checks: tuple[CheckResult, ...]
    extra: dict[str, Any] = field(default_factory=dict)  # further JSON keys, e.g. misconceptions

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "question": self.question,
            "kind": self.kind,
            "score": round(self.score, 1),
            "passed": self.passed,
            "checks": [c.to_json() for c in self.checks],
        }
        for key, value in self.extra.items():
            out.setdefault(key, value)
        return out


def coding_report(question: str, checks: list[CheckResult], extra: dict[str, Any] | None = None) -> GradeReport:
    """Score a coding answer by points; it passes only if every gating check passed."""
    total = sum(c.max_points for c in checks)
    got = sum(c.points for c in checks)
    score = 100.0 * got / total if total else 0.0
    passed = bool(checks) and all(c.status is Status.PASS for c in checks if c.category in GATING)
    return GradeReport(question, "coding", score, passed, tuple(checks), dict(extra or {}))


def report_from_json(data: dict[str, Any]) -> GradeReport:
    """A stored grade back into a GradeReport, so history shows it as the grade was shown."""
    known = {"question", "kind", "score", "passed", "checks"}
    checks = tuple(
        CheckResult(
            name=str(c.get("name", "")),
            category=_enum(Category, c.get("category"), Category.CORRECTNESS),
            status=_enum(Status, c.get("status"), Status.ERROR),
            points=float(c.get("points", 0)),
            max_points=float(c.get("max_points", 0)),
            message=str(c.get("message", "")),
            counterexample=None if c.get("counterexample") is None else str(c["counterexample"]),
            counterexample_verdict=None
            if c.get("counterexample_verdict") is None
            else str(c["counterexample_verdict"]),
        )
        for c in data.get("checks", [])
    )
    return GradeReport(
        question=str(data.get("question", "")),
        kind=str(data.get("kind", "")),
        score=float(data.get("score", 0.0)),
        passed=bool(data.get("passed", False)),
        checks=checks,
        extra={k: v for k, v in data.items() if k not in known},
    )


_E = TypeVar("_E", Category, Status)


def _enum(kind: type[_E], value: Any, default: _E) -> _E:
    # A grade stored by a later prep may carry a category this one does not know.
    try:
        return kind(value)
    except ValueError:
        return default
