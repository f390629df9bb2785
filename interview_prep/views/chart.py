"""`prep stats`'s chart: mean score per day, one marker per category, drawn with Rich on a 0-100 scale."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group
from rich.text import Text

from interview_prep.practice.stats import Stats

# One marker and colour per category, in the order `prep stats` lists them; where two meet, "*".
_STYLES = ("cyan", "magenta", "yellow", "green", "blue", "red", "white")
HEIGHT = 10  # rows between 0 and 100: one row is 10 points
_AXIS = 5  # "100 |"


def _marker(name: str, taken: set[str]) -> str:
    """The category's first letter not already taken (coding c, depth d, drill r...)."""
    for ch in name.lower():
        if ch.isalnum() and ch not in taken:
            taken.add(ch)
            return ch
    return "?"


def progress_chart(categories: Sequence[Stats], *, width: int) -> Group:
    """Mean score over time per category. Days run left to right; with more days than columns,
    neighbouring days share a column (their scores averaged, weighted by attempts)."""
    from datetime import date

    days = sorted({d for c in categories for d, _, _ in c.progress})
    first_day, last_day = date.fromisoformat(days[0]), date.fromisoformat(days[-1])
    span = (last_day - first_day).days
    # Calendar time left to right, at most 60 columns: a gap in practice shows as a gap.
    columns = max(1, min(span + 1, width - _AXIS - 1, 60)) if span else 1
    column_of = {d: round((date.fromisoformat(d) - first_day).days * (columns - 1) / max(1, span)) for d in days}
    grid: list[list[tuple[str, str] | None]] = [[None] * columns for _ in range(HEIGHT + 1)]
    legend = Text("  ")
    taken: set[str] = set()
    for index, cat in enumerate(c for c in categories if c.progress):
        mark, style = _marker(cat.name, taken), _STYLES[index % len(_STYLES)]
        sums: dict[int, tuple[float, int]] = {}
        for day, mean, n in cat.progress:
            total, count = sums.get(column_of[day], (0.0, 0))
            sums[column_of[day]] = (total + mean * n, count + n)
        for col, (total, count) in sums.items():
            row = round(max(0.0, min(100.0, total / count)) / 100 * HEIGHT)
            cell = grid[row][col]
            grid[row][col] = (mark, style) if cell is None or cell[0] == mark else ("*", "bold")
        legend.append(mark, style=style).append(f" {cat.name}  ")
    lines = [Text("Progress: mean score per day, by category", style="bold")]
    for row in range(HEIGHT, -1, -1):
        label = f"{row * 100 // HEIGHT:>3} |" if row % 5 == 0 else "    |"
        line = Text(label, style="dim")
        for cell in grid[row]:
            line.append(" ") if cell is None else line.append(cell[0], style=cell[1])
        lines.append(line)
    lines.append(Text("    +" + "-" * columns, style="dim"))
    first, last = days[0], days[-1]
    axis = first if first == last else first + last.rjust(max(1 + len(last), columns - len(first)))
    lines.append(Text("     " + axis, style="dim"))
    lines.append(legend)
    return Group(*lines)
