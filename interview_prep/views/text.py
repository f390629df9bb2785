"""Short texts for tables: dates, due times, scores, reflowed YAML prose. No Rich here: `prep list` reads these."""

from __future__ import annotations

from datetime import datetime


def when(t: datetime | None) -> str:
    return "" if t is None else t.astimezone().strftime("%Y-%m-%d %H:%M")  # local time, as the user lives it


def due_text(due: datetime | None, now: datetime) -> str:
    """Compact, for a table column: new, now, 5h, 3d."""
    if due is None:
        return "new"
    if due <= now:
        return "now"
    hours = (due - now).total_seconds() / 3600
    return f"{max(1, round(hours))}h" if hours < 24 else f"{round(hours / 24)}d"


def score_text(score: float | None) -> str:
    return "" if score is None else f"{score:.0f}"


def reflow(text: str) -> str:
    """Join the YAML's hard-wrapped lines so that Rich wraps to the terminal's width."""
    paragraphs = [" ".join(p.split()) for p in text.strip().split("\n\n")]
    return "\n\n".join(p for p in paragraphs if p)
