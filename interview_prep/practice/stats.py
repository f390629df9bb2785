"""Figures from the practice history: per question and per category, as data for `prep stats`.

SQLite aggregates per question (Store.figures); this module only adds questions up into
categories, so `prep stats` costs the same at ten attempts and at ten thousand.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from interview_prep.models import Question
from interview_prep.store import QuestionFigures
from interview_prep.store.db import TREND_POINTS


@dataclass(frozen=True)
class Stats:
    """One row of `prep stats`: a question, a category, or everything."""

    name: str
    attempts: int  # finished or abandoned; a crash's in-progress row is not counted
    graded: int
    abandoned: int
    untimed: int  # by `prep grade`: no clock, so not counted in the time figures
    best: float | None
    last: float | None
    avg_time_used_s: float | None
    avg_time_ratio: float | None  # time used / limit, over timed attempts
    trend: tuple[tuple[str, float], ...]  # (ISO time, score) of the latest scored attempts, oldest first
    progress: tuple[tuple[str, float, int], ...]  # (UTC day, mean score, scored attempts), oldest first

    @property
    def timed(self) -> int:
        return self.attempts - self.untimed

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "attempts": self.attempts,
            "timed_attempts": self.timed,
            "grade_attempts": self.untimed,
            "graded": self.graded,
            "abandoned": self.abandoned,
            "best_score": self.best,
            "last_score": self.last,
            "avg_time_used_s": None if self.avg_time_used_s is None else round(self.avg_time_used_s, 1),
            "avg_time_used_of_limit": None if self.avg_time_ratio is None else round(self.avg_time_ratio, 3),
            "trend": [{"at": at, "score": score} for at, score in self.trend],
            "progress": [{"day": d, "mean_score": round(m, 1), "scored": n} for d, m, n in self.progress],
        }


def summarize(name: str, figures: Iterable[QuestionFigures]) -> Stats:
    """Add up the figures of some questions (one, a category, or all)."""
    fs = list(figures)
    timed = sum(f.timed for f in fs)
    recent = sorted((p for f in fs for p in f.recent), key=lambda p: p[0])[-TREND_POINTS:]
    days: dict[str, tuple[float, int]] = {}
    for f in fs:
        for day, mean, n in f.daily:
            total, count = days.get(day, (0.0, 0))
            days[day] = (total + mean * n, count + n)
    bests = [f.best for f in fs if f.best is not None]
    return Stats(
        name=name,
        attempts=sum(f.attempts for f in fs),
        graded=sum(f.graded for f in fs),
        abandoned=sum(f.abandoned for f in fs),
        untimed=sum(f.untimed for f in fs),
        best=max(bests) if bests else None,
        last=recent[-1][1] if recent else None,
        avg_time_used_s=sum(f.time_sum_s for f in fs) / timed if timed else None,
        avg_time_ratio=sum(f.time_ratio_sum for f in fs) / timed if timed else None,
        trend=tuple(recent),
        progress=tuple((d, total / n, n) for d, (total, n) in sorted(days.items())),
    )


@dataclass(frozen=True)
class StatsReport:
    questions: tuple[Stats, ...]
    categories: tuple[Stats, ...]
    overall: Stats

    def to_json(self) -> dict[str, Any]:
        return {
            "questions": [s.to_json() for s in self.questions],
            "categories": [s.to_json() for s in self.categories],
            "overall": self.overall.to_json(),
        }


def stats(figures: Sequence[QuestionFigures], questions: Sequence[Question]) -> StatsReport:
    """Per question (bank order, then any retired ids), per category, overall; practised ones only."""
    by_question = {f.question: f for f in figures}
    category_of = {q.id: q.category for q in questions}
    order = [q.id for q in questions] + sorted(set(by_question) - set(category_of))
    per_question = tuple(summarize(qid, [by_question[qid]]) for qid in order if qid in by_question)
    by_category: dict[str, list[QuestionFigures]] = {}
    for f in figures:
        by_category.setdefault(category_of.get(f.question, "other"), []).append(f)
    cat_order = list(dict.fromkeys(q.category for q in questions)) + ["other"]
    per_category = tuple(summarize(c, by_category[c]) for c in cat_order if c in by_category)
    return StatsReport(per_question, per_category, summarize("all", figures))
