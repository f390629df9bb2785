"""The mock loop: the seed's rounds in order, each a session under its own clock.

The seed's loop for a new-grad ML engineer: one or two LeetCode-style coding rounds, one ML coding
round from scratch, ML fundamentals, a walk through a project, a light ML system design, and a short
behavioral round. Each round draws from one or more bank categories; `--rounds` picks which rounds
to play (a round named twice is played twice, never on the same question).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from interview_prep.errors import PrepError
from interview_prep.models import Question
from interview_prep.practice.schedule import pick_question
from interview_prep.practice.session import (
    SessionContext,
    SessionInterrupted,
    SessionResult,
    run_session,
)


@dataclass(frozen=True)
class Round:
    """A kind of round and the bank categories its question is drawn from."""

    name: str
    categories: tuple[str, ...]
    about: str


ROUNDS: dict[str, Round] = {
    r.name: r
    for r in (
        Round("dsa", ("dsa",), "a LeetCode-style problem: arrays, strings, trees or graphs"),
        Round("ml-coding", ("coding", "drill"), "an ML algorithm from scratch in NumPy"),
        Round("fundamentals", ("fundamentals", "depth"), "ML fundamentals and depth"),
        Round("project", ("project",), "the deep dive into a project of yours"),
        Round("system-design", ("system-design",), "a light ML system design"),
        Round("behavioral", ("behavioral",), "a short behavioral question"),
    )
}

# What the mock loop asks by default, in order: the seed's loop, with two DSA rounds.
MOCK_ROUNDS: tuple[str, ...] = ("dsa", "dsa", "ml-coding", "fundamentals", "project", "system-design", "behavioral")


def round_of(category: str) -> str:
    """The round a question of this category is asked in (the category itself when none draws from it)."""
    return next((r.name for r in ROUNDS.values() if category in r.categories), category)


def parse_rounds(text: str | None) -> tuple[str, ...]:
    """The rounds of a `--rounds` value ("dsa,ml-coding,behavioral"); MOCK_ROUNDS for None.
    An unknown round name is a PrepError listing the choices."""
    if text is None:
        return MOCK_ROUNDS
    names = tuple(part.strip() for part in text.split(",") if part.strip())
    unknown = [n for n in names if n not in ROUNDS]
    if unknown or not names:
        what = f"unknown round '{unknown[0]}'" if unknown else "no rounds given"
        raise PrepError(f"--rounds: {what}. Rounds: {', '.join(ROUNDS)} (comma-separated; a name may repeat).")
    return names


def run_mock(
    questions: Sequence[Question],
    ctx: SessionContext,
    rounds: Sequence[str] = MOCK_ROUNDS,
    *,
    projects: Sequence[Question] = (),
) -> list[SessionResult]:
    """Each round in order, each under its own clock, on a question the loop has not asked yet; rounds
    whose categories the bank lacks are skipped. The results, for a summary.

    `projects` are deep-dives on the user's own projects (`prep resume`): the project round asks one."""
    ctx.mode = "mock"
    ctx.mock_id = ctx.mock_id or uuid.uuid4().hex[:12]
    playable = [name for name in rounds if any(q.category in ROUNDS[name].categories for q in questions)]
    if not playable:
        raise PrepError("The bank has none of the mock loop's categories: " + ", ".join(rounds) + ".")
    asked: set[str] = set()
    for number, name in enumerate(playable, start=1):
        pool = [q for q in questions if q.category in ROUNDS[name].categories]
        if name == "project" and projects:
            pool = list(projects)
        fresh = [q for q in pool if q.id not in asked] or pool
        question = pick_question(fresh, ctx.store.due_dates(), ctx.clock.now())
        asked.add(question.id)
        try:
            ctx.ui.round_intro(number, len(playable), name, question)
        except KeyboardInterrupt:
            raise SessionInterrupted(ctx.results) from None
        run_session(question, ctx)
    return ctx.results
