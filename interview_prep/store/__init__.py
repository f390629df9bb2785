"""The SQLite history of attempts: one Store, migrations in order, one list of attempt statuses.

Importing this package loads sqlite3; `prep list` without a history must not, so it asks
`paths.history_file()` first. Its names load on first use (PEP 562): `prep list` with a history
opens only the schedule (`opening.open_part(Cards)`) and must not pay for the whole Store.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from interview_prep.store.db import Attempt, FollowUpRecord, QuestionFigures, QuestionHistory, Store
    from interview_prep.store.migrations import MIGRATIONS, m001_attempts
    from interview_prep.store.opening import default_path, open_store
    from interview_prep.store.statuses import ABANDONED, GRADED, IN_PROGRESS, STATUSES
    from interview_prep.store.times import utcnow

_WHERE = {
    **dict.fromkeys(("Attempt", "FollowUpRecord", "QuestionFigures", "QuestionHistory", "Store"), "db"),
    **dict.fromkeys(("MIGRATIONS", "m001_attempts"), "migrations"),
    **dict.fromkeys(("default_path", "open_store"), "opening"),
    **dict.fromkeys(("ABANDONED", "GRADED", "IN_PROGRESS", "STATUSES"), "statuses"),
    "utcnow": "times",
}


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_WHERE[name]}"), name)


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
