"""The SQLite history of attempts: one Store, migrations in order, one list of attempt statuses.

Importing this package loads sqlite3; `prep list` without a history must not, so it asks
`paths.history_file()` first.
"""

from interview_prep.store.db import Attempt, FollowUpRecord, QuestionFigures, QuestionHistory, Store, utcnow
from interview_prep.store.migrations import MIGRATIONS, m001_attempts
from interview_prep.store.opening import default_path, open_store
from interview_prep.store.statuses import ABANDONED, GRADED, IN_PROGRESS, STATUSES

__all__ = [
    "ABANDONED",
    "GRADED",
    "IN_PROGRESS",
    "MIGRATIONS",
    "STATUSES",
    "Attempt",
    "FollowUpRecord",
    "QuestionFigures",
    "QuestionHistory",
    "Store",
    "default_path",
    "m001_attempts",
    "open_store",
    "utcnow",
]
