"""The mock loop: one round per category of the seed's loop, each a session under its own clock."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from interview_prep.errors import PrepError
from interview_prep.models import Question
from interview_prep.practice.session import (
    SessionContext,
    SessionInterrupted,
    SessionResult,
    pick_question,
    run_session,
)

# What the mock loop asks, in order (issue 5; the seed's loop without the project round,
# which `prep practice -q project-deep-dive` covers on its own).
MOCK_ROUNDS: tuple[str, ...] = ("coding", "fundamentals", "depth", "system-design", "behavioral")
# With deep-dives on the user's own résumé (`prep resume`), the seed's project round comes back, after depth.
PROJECT_ROUND = "project"


def run_mock(
    questions: Sequence[Question], ctx: SessionContext, *, projects: Sequence[Question] = ()
) -> list[SessionResult]:
    """One round per MOCK_ROUNDS category, each under its own clock; the results for a summary.

    `projects` are deep-dives on the user's own projects: when there are any, a project round asks one."""
    ctx.mode = "mock"
    ctx.mock_id = ctx.mock_id or uuid.uuid4().hex[:12]
    rounds = [c for c in MOCK_ROUNDS if any(q.category == c for q in questions)]
    if projects:
        at = rounds.index("depth") + 1 if "depth" in rounds else len(rounds)
        rounds.insert(at, PROJECT_ROUND)
    if not rounds:
        raise PrepError("The bank has none of the mock loop's categories: " + ", ".join(MOCK_ROUNDS) + ".")
    for number, category in enumerate(rounds, start=1):
        pool = projects if category == PROJECT_ROUND and projects else questions
        question = pick_question(pool, ctx.store, ctx.clock.now(), category=category)
        try:
            ctx.ui.round_intro(number, len(rounds), category, question)
        except KeyboardInterrupt:
            raise SessionInterrupted(ctx.results) from None
        run_session(question, ctx)
    return ctx.results
