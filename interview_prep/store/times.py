"""Times as the history stores them: UTC, ISO 8601 text. Apart from rows so that `prep list` reads the
schedule without loading what an attempt reads back as."""

from __future__ import annotations

from datetime import datetime, timezone


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def iso(t: datetime | None) -> str | None:
    return None if t is None else t.astimezone(timezone.utc).isoformat()


def from_iso(s: str | None) -> datetime | None:
    return None if s is None else datetime.fromisoformat(s)
