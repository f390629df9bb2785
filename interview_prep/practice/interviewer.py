"""The interviewer asks back: which follow-ups and probes come after a graded answer, how each is graded,
and the one overall verdict the schedule then uses.

A coding question asks its own follow-ups (written, each with a rubric). A written answer is probed
about what matters most that it got wrong or left out, at most two probes: a misconception it
asserted (the misconception's challenge), a key point it contradicted, then a missed core point,
then missed points by weight. A probe's answer can earn its key point back at part credit, as a
prompted answer does in a real loop.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from interview_prep.grading.report import GradeReport
from interview_prep.models import FollowUp, Question, Rubric

MAX_PROBES = 2
PROBE_MINUTES = 3
PART_CREDIT = 0.5  # a point recovered only when prompted earns half of its points
# A coding answer's overall score: the code weighs most; the follow-ups are the conversation about it.
CODE_WEIGHT = 0.7
FOLLOW_UP_PASS = 50.0  # the mean follow-up score an overall pass needs besides passing code


@dataclass(frozen=True)
class Ask:
    """One thing the interviewer asks after the main answer."""

    kind: str  # follow-up | probe | challenge
    target: str  # the follow-up's id, or the key point / misconception a probe is about
    prompt: str
    question: Question  # what its answer is graded against (a written question of its own)
    minutes: int


@dataclass(frozen=True)
class Asked:
    """An ask with its answer and grade (None when it could not be graded or was not answered)."""

    ask: Ask
    answer: str
    report: GradeReport | None
    recovered: float = 0.0  # points out of 100 a probe won back for the main answer

    def summary(self) -> str:
        """One line for the terminal: the grade, and what the answer covered or missed."""
        if self.report is None:
            return "No answer to grade." if not self.answer.strip() else "The answer could not be graded."
        points = self.report.extra.get("key_points") or []
        covered = [p["id"] for p in points if p.get("verdict") == "asserted"]
        wrong = self.report.extra.get("misconceptions") or []
        if self.ask.kind == "challenge":
            # A challenge asks to take one claim back: what counts is whether it was, not the
            # whole rubric's score and every point the short answer did not set out to cover.
            still = any(m.get("id") == self.ask.target for m in wrong)
            parts = ["still claims it" if still else "taken back"]
        else:
            verdict = "passed" if self.report.passed else "not passed"
            parts = [f"{self.report.score:.0f}/100, {verdict}"]
        if covered:
            parts.append("covered " + ", ".join(covered))
        missed = [p["id"] for p in points if p.get("verdict") != "asserted"]
        if missed and self.ask.kind != "challenge":
            parts.append("missed " + ", ".join(missed))
        if self.recovered:
            parts.append(f"won back {self.recovered:.0f} points")
        if wrong:
            parts.append("wrong: " + " ".join(m["description"] for m in wrong))
        return "; ".join(parts) + "."

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.ask.kind,
            "target": self.ask.target,
            "prompt": self.ask.prompt,
            "answer": self.answer,
            "grade": None if self.report is None else self.report.to_json(),
            "recovered": round(self.recovered, 1),
        }


@dataclass(frozen=True)
class Overall:
    score: float
    passed: bool
    summary: str

    def to_json(self) -> dict[str, Any]:
        return {"score": round(self.score, 1), "passed": self.passed, "summary": self.summary}


def _follow_up_ask(question: Question, follow_up: FollowUp) -> Ask:
    fq = question.follow_up_question(follow_up)
    return Ask("follow-up", follow_up.id, follow_up.prompt, fq, follow_up.time_limit_minutes)


def _probe_question(question: Question, rubric: Rubric, key_point_id: str, prompt: str) -> Question:
    """The main question narrowed to one key point (with the rubric's misconceptions still watched)."""
    point = next(kp for kp in rubric.key_points if kp.id == key_point_id)
    narrowed = replace(rubric, key_points=(replace(point, core=True),), pass_mark=50.0, min_words=0)
    return replace(question, id=f"{question.id}/probe-{key_point_id}", prompt=prompt, rubric=narrowed)


def plan(question: Question, report: GradeReport | None) -> list[Ask]:
    """What the interviewer asks after this grade, in order."""
    if report is None:
        return []
    if question.is_coding:
        return [_follow_up_ask(question, fu) for fu in question.follow_ups]
    rubric = question.rubric
    if rubric is None:
        return []
    asks: list[Ask] = []
    for item in report.extra.get("misconceptions") or []:
        mc = next((m for m in rubric.misconceptions if m.id == item.get("id")), None)
        if mc is not None and mc.challenge:
            challenged = replace(question, id=f"{question.id}/challenge-{mc.id}", prompt=mc.challenge)
            asks.append(Ask("challenge", mc.id, mc.challenge, challenged, PROBE_MINUTES))
    verdicts = {kp.get("id"): kp.get("verdict") for kp in report.extra.get("key_points") or []}
    core = {kp.get("id") for kp in report.extra.get("key_points") or [] if kp.get("core")}
    by_need = sorted(
        (kp for kp in rubric.key_points if verdicts.get(kp.id) in ("contradicted", "missing", "unclear")),
        key=lambda kp: (verdicts.get(kp.id) != "contradicted", kp.id not in core, -kp.weight),
    )
    for kp in by_need:
        prompt = kp.probe or f"Tell me more: {kp.description[:1].lower()}{kp.description[1:]}"
        asks.append(Ask("probe", kp.id, prompt, _probe_question(question, rubric, kp.id, prompt), PROBE_MINUTES))
    return asks[:MAX_PROBES]


def recovered_points(question: Question, main: GradeReport, asked: Asked) -> float:
    """What a probe's answer wins back for the main answer, out of 100."""
    if asked.report is None or not asked.report.passed or asked.ask.kind == "follow-up":
        return 0.0
    if asked.ask.kind == "challenge":
        rubric = question.rubric
        mc = next((m for m in rubric.misconceptions if m.id == asked.ask.target), None) if rubric else None
        still_wrong = any(m.get("id") == asked.ask.target for m in asked.report.extra.get("misconceptions") or [])
        return 0.0 if mc is None or still_wrong else PART_CREDIT * mc.penalty
    check = next(
        (
            c
            for c, kp in zip(main.checks, main.extra.get("key_points") or [], strict=False)
            if kp.get("id") == asked.ask.target
        ),
        None,
    )
    total = float(main.extra.get("max_points") or sum(c.max_points for c in main.checks) or 1)
    return 0.0 if check is None else PART_CREDIT * 100.0 * check.max_points / total


def overall(question: Question, main: GradeReport | None, asked: list[Asked]) -> Overall | None:
    """One verdict over the main answer and what was asked after it; None when nothing was asked."""
    if main is None or not asked:
        return None
    if question.is_coding:
        scores = [a.report.score if a.report is not None else 0.0 for a in asked]
        mean = sum(scores) / len(scores)
        score = CODE_WEIGHT * main.score + (1 - CODE_WEIGHT) * mean
        passed = main.passed and mean >= FOLLOW_UP_PASS
        why = "the code passed" if main.passed else "the code did not pass"
        summary = f"{why}; follow-ups averaged {mean:.0f}/100 (an overall pass needs {FOLLOW_UP_PASS:.0f})"
        return Overall(score, passed, summary)
    gained = sum(a.recovered for a in asked)
    score = min(100.0, main.score + gained)
    pass_mark = float(main.extra.get("pass_mark") or 60.0)
    recovered_targets = {a.ask.target for a in asked if a.recovered > 0}
    core_wrong = [
        kp.get("id")
        for kp in main.extra.get("key_points") or []
        if kp.get("core") and kp.get("verdict") == "contradicted" and kp.get("id") not in recovered_targets
    ]
    passed = main.passed or (score >= pass_mark and not core_wrong)
    summary = f"the probes won back {gained:.0f} points" if gained else "the probes won nothing back"
    return Overall(score, passed, summary)
