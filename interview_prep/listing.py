"""What `prep list` adds from the history: best score, attempts, next due. Kept light: list runs often."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from interview_prep import paths
from interview_prep.models import Question

if TYPE_CHECKING:  # the store pulls in sqlite3, which `prep list` without history must not load
    from interview_prep.store import Store

# store.DB_NAME, repeated so that `prep list` can tell whether there is any history
# without importing sqlite3 (tests/test_cli.py keeps list's start-up light).
HISTORY_FILE = "history.sqlite3"


def history_exists() -> bool:
    return (paths.data_dir() / HISTORY_FILE).exists()


def open_history() -> Store:
    """Open the store; if a damaged file had to be set aside, say so on stderr."""
    from interview_prep.store import open_store

    store = open_store()
    if store.recovered:
        # One unwrapped line, like console.error: it names paths the user will want to copy.
        print(f"Warning: {store.recovered}", file=sys.stderr)
    return store


@dataclass(frozen=True)
class ListHistory:
    """What `prep list` adds: the questions to show, table columns, and JSON keys per question."""

    questions: Sequence[Question]
    columns: dict[str, dict[str, str]]
    json: dict[str, dict[str, object]]


def list_history(questions: Sequence[Question], *, due_only: bool) -> ListHistory:
    """Best score, attempts and next due date per question; with `due_only`, only what is due.

    Without a history file this neither creates one nor imports sqlite3: nothing is due
    but everything is new, so every question is shown.
    """
    if not history_exists():
        return ListHistory(questions, {}, {})
    from datetime import datetime, timezone

    from interview_prep.practice_views import due_text, score_text
    from interview_prep.schedule import due_questions

    now = datetime.now(timezone.utc)
    store = open_history()
    try:
        hist = store.question_history()
    finally:
        store.close()
    if due_only:
        questions = due_questions(questions, {q: h.due for q, h in hist.items() if h.due is not None}, now)
    # Narrow columns, short values: on an 80-column terminal the title column needs the rest.
    columns: dict[str, dict[str, str]] = {"best": {}, "n": {}, "due": {}}
    as_json: dict[str, dict[str, object]] = {}
    for q in questions:
        h = hist.get(q.id)
        best, tries, due = (h.best_score, h.attempts, h.due) if h else (None, 0, None)
        columns["best"][q.id] = score_text(best) or "-"
        columns["n"][q.id] = str(tries)
        columns["due"][q.id] = due_text(due, now)
        as_json[q.id] = {
            "best_score": best,
            "attempts": tries,
            "due": None if due is None else due.isoformat(),
        }
    return ListHistory(questions, columns, as_json)
