"""The user's practice history, one SQLite file: `Store`, made of one part per job.

attempts (start, draft, finish, read back), help_taken (hints and solutions viewed), cards (the
schedule), figures (what `prep history` and `prep stats` read), follow_ups (what the interviewer
asked after an answer), transfer (export, import, reset); connection holds what they share, and
rows what a stored attempt reads back as.
"""

from __future__ import annotations

from interview_prep.store.attempts import Attempts
from interview_prep.store.cards import Cards, QuestionHistory
from interview_prep.store.connection import BUSY_TIMEOUT_S, DB_NAME
from interview_prep.store.figures import TREND_POINTS, Figures, QuestionFigures
from interview_prep.store.follow_ups import FOLLOW_UP_COLUMNS, FollowUpRecord, FollowUps
from interview_prep.store.help_taken import STALE_AFTER_LIMIT, HelpTaken
from interview_prep.store.rows import ATTEMPT_COLUMNS, Attempt
from interview_prep.store.times import utcnow
from interview_prep.store.transfer import Transfer


class Store(Attempts, HelpTaken, Cards, Figures, FollowUps, Transfer):
    """All reads and writes of the history go through here; every write is one transaction."""


__all__ = [
    "ATTEMPT_COLUMNS",
    "BUSY_TIMEOUT_S",
    "DB_NAME",
    "FOLLOW_UP_COLUMNS",
    "STALE_AFTER_LIMIT",
    "TREND_POINTS",
    "Attempt",
    "FollowUpRecord",
    "QuestionFigures",
    "QuestionHistory",
    "Store",
    "utcnow",
]
