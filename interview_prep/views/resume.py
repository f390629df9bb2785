"""The `prep resume` table: each entry, the techniques it claims, and the questions made from it."""

from __future__ import annotations

from typing import Any

from rich.markup import escape
from rich.table import Table

from interview_prep.views.console import rows_table


def resume_table(found: dict[str, Any]) -> Table:
    names = {t["id"]: t["name"] for t in found["techniques"]}
    made = {t["id"]: t["questions"] for t in found["techniques"]}
    table = rows_table("Your résumé", pad_edge=False)
    table.add_column("entry")
    table.add_column("techniques")
    ids = [e["question"] for e in found["entries"] if e["question"]] + [
        q for t in found["techniques"] for q in t["questions"]
    ]
    # The ids are what the user types next (prep practice -q ID): each keeps one line where the screen allows it
    # (the entry and technique columns wrap instead), and folds, never "…", where it does not.
    widest = min(max((len(i) for i in ids), default=0), 44)
    table.add_column("questions made", style="cyan", overflow="fold", no_wrap=True, min_width=widest)
    in_entries: set[str] = set()
    for entry in found["entries"]:
        in_entries.update(entry["techniques"])
        questions = [entry["question"]] if entry["question"] else []
        questions += [q for t in entry["techniques"] for q in made.get(t, [])]
        title = f"{escape(entry['title'])} [dim]({entry['section']})[/dim]"
        techniques = ", ".join(names.get(t, t) for t in entry["techniques"]) or "-"
        table.add_row(title, escape(techniques), "\n".join(questions) or "-")
    rest = [t for t in found["techniques"] if t["id"] not in in_entries]
    if rest:
        table.add_row(
            "[dim](skills and the rest)[/dim]",
            escape(", ".join(t["name"] for t in rest)),
            "\n".join(q for t in rest for q in t["questions"]) or "-",
        )
    return table
