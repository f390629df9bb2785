"""Figures from the practice history: per question and per category, as data for `prep stats`."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from interview_prep.models import Question
from interview_prep.store import IN_PROGRESS, Attempt

SPARK = "▁▂▃▄▅▆▇█"


@dataclass(frozen=True)
class Stats:
    """One row of `prep stats`: a question, a category, or everything."""

    name: str
    attempts: int  # finished or abandoned; a crash's in-progress row is not counted
    graded: int
    abandoned: int
    best: float | None
    last: float | None
    avg_time_used_s: float | None
    avg_time_ratio: float | None  # time used / limit, over timed attempts
    trend: tuple[tuple[str, float], ...]  # (ISO time, score), oldest first

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "attempts": self.attempts,
            "graded": self.graded,
            "abandoned": self.abandoned,
            "best_score": self.best,
            "last_score": self.last,
            "avg_time_used_s": None if self.avg_time_used_s is None else round(self.avg_time_used_s, 1),
            "avg_time_used_of_limit": None if self.avg_time_ratio is None else round(self.avg_time_ratio, 3),
            "trend": [{"at": at, "score": score} for at, score in self.trend],
        }


def summarize(name: str, attempts: Iterable[Attempt]) -> Stats:
    done = [a for a in attempts if a.status != IN_PROGRESS]
    scored = [a for a in done if a.score is not None]
    timed = [a for a in done if a.time_used_s is not None and a.time_limit_s]
    return Stats(
        name=name,
        attempts=len(done),
        graded=len(scored),
        abandoned=sum(1 for a in done if a.status == "abandoned"),
        best=max((a.score for a in scored if a.score is not None), default=None),
        last=scored[-1].score if scored else None,
        avg_time_used_s=sum(a.time_used_s or 0.0 for a in timed) / len(timed) if timed else None,
        avg_time_ratio=(
            sum((a.time_used_s or 0.0) / (a.time_limit_s or 1.0) for a in timed) / len(timed) if timed else None
        ),
        trend=tuple((a.started_at.isoformat(), float(a.score)) for a in scored if a.score is not None),
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


def stats(attempts: Sequence[Attempt], questions: Sequence[Question]) -> StatsReport:
    """Per question (bank order, then any retired ids), per category, overall; practised ones only."""
    by_question: dict[str, list[Attempt]] = {}
    for a in attempts:
        by_question.setdefault(a.question, []).append(a)
    category_of = {q.id: q.category for q in questions}
    order = [q.id for q in questions] + sorted(set(by_question) - set(category_of))
    per_question = tuple(summarize(qid, by_question[qid]) for qid in order if qid in by_question)
    by_category: dict[str, list[Attempt]] = {}
    for a in attempts:
        by_category.setdefault(category_of.get(a.question, "other"), []).append(a)
    cat_order = list(dict.fromkeys(q.category for q in questions)) + ["other"]
    per_category = tuple(summarize(c, by_category[c]) for c in cat_order if c in by_category)
    return StatsReport(per_question, per_category, summarize("all", attempts))


def sparkline(scores: Sequence[float], width: int = 16) -> str:
    """The last `width` scores as bars on a fixed 0-100 scale, so lines compare across questions."""
    out = []
    for s in scores[-width:]:
        i = min(len(SPARK) - 1, max(0, int(s / 100.0 * len(SPARK))))
        out.append(SPARK[i])
    return "".join(out)
