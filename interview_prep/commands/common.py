"""What every command shares: the one way to open the history, which always says when it set a damaged file aside."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, TypeVar

from interview_prep import paths

if TYPE_CHECKING:  # the store pulls in sqlite3, which `prep list` without a history must not load
    from interview_prep.store import Store
    from interview_prep.store.connection import StoreBase

    _Part = TypeVar("_Part", bound=StoreBase)


def history_exists() -> bool:
    return paths.history_file().exists()


def open_history(*, read_only: bool = False) -> Store:
    """Open the store; if a damaged file had to be set aside, say so on stderr.

    Commands that only read pass `read_only`: a history that cannot be written still shows."""
    from interview_prep.store.db import Store

    return open_history_part(Store, read_only=read_only)


def open_history_part(part: type[_Part], *, read_only: bool = False) -> _Part:
    """open_history for one part of the Store (`prep list` reads only the schedule's `Cards`),
    with the same warning."""
    from interview_prep.store.opening import open_part

    store = open_part(part, read_only=read_only)
    if store.recovered:
        # One unwrapped line, like console.error: it names paths the user will want to copy.
        print(f"Warning: {store.recovered}", file=sys.stderr)
    return store
