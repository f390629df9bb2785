"""`prep export`, `prep import` and `prep reset`: the whole history out and back in, and a confirmed reset."""

from __future__ import annotations

import json
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

from interview_prep.commands.common import open_history
from interview_prep.errors import ExitCode, PrepError
from interview_prep.views import console

FORMAT = "prep-history"
VERSION = 1
# More than years of daily practice: a bigger file is not an export.
IMPORT_LIMIT = 200 * 1024 * 1024


def export(*, as_csv: bool) -> ExitCode:
    """Everything as JSON (attempts, cards, help taken: what `prep import` reads back); or the
    attempts as CSV, one row each, for a spreadsheet (which `prep import` reads too)."""
    store = open_history()
    try:
        rows = store.export_rows()
    finally:
        store.close()
    if as_csv:
        import csv

        from interview_prep.store.db import ATTEMPT_COLUMNS

        writer = csv.DictWriter(sys.stdout, fieldnames=["id", *ATTEMPT_COLUMNS], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows["attempts"])
    else:
        console.print_json({"format": FORMAT, "version": VERSION, **rows})
    return ExitCode.OK


def import_history(file: Path) -> ExitCode:
    data = _read_export(file)
    store = open_history()
    try:
        added, skipped = store.import_rows(data)
    finally:
        store.close()
    already = f"; {skipped} were already in your history" if skipped else ""
    console.out.print(
        f"Imported {added} attempt{'s' if added != 1 else ''} from {file}{already}.", markup=False, soft_wrap=True
    )
    return ExitCode.OK


def reset(bank_dirs: list[Path] | None, ref: str | None, *, yes: bool) -> ExitCode:
    question = None
    if ref is not None:
        from interview_prep.bank import load_bank

        question = load_bank(bank_dirs).get(ref).id
    store = open_history()
    try:
        count = store.count_attempts(question)
        what = (
            f"your {count} attempts at {question}, its schedule and hints"
            if question
            else (f"your whole history: {count} attempts, every schedule and hint")
        )
        if not yes:
            if not can_ask():
                raise PrepError(f"`prep reset` would forget {what}; add --yes to do it without asking.")
            import typer

            if not typer.confirm(f"Forget {what}? `prep export` keeps a copy first.", default=False):
                console.out.print("Nothing was reset.")
                return ExitCode.OK
        removed = store.reset(question)
    finally:
        store.close()
    console.out.print(f"Reset: {removed} attempt{'s' if removed != 1 else ''} forgotten.", markup=False)
    return ExitCode.OK


def can_ask() -> bool:
    """Whether someone is at a terminal to answer a confirmation."""
    return sys.stdin is not None and sys.stdin.isatty()


# --- reading an export ----------------------------------------------------------------------

_REQUIRED = {"question": str, "kind": str, "mode": str, "started_at": str, "status": str}
_NUMBERS = ("time_used_s", "time_limit_s", "score")


def _read_export(file: Path) -> dict[str, list[dict[str, Any]]]:
    """An export's rows, checked, or a PrepError (exit 2) naming the file and what is wrong."""
    if not file.is_file():
        raise PrepError(f"No such file: {file}" if not file.exists() else f"{file} is not a regular file.")
    if file.stat().st_size > IMPORT_LIMIT:
        raise PrepError(f"{file} is larger than {IMPORT_LIMIT // 2**20} MB: not a prep export.")
    try:
        text = file.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        raise PrepError(f"{file} cannot be read as UTF-8 text ({e}).") from None
    if text.lstrip().startswith("{"):
        try:
            data = json.loads(text)
        except ValueError as e:
            raise PrepError(f"{file} is not valid JSON: {e}.") from None
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise PrepError(f'{file} is not a `prep export` (no "format": "{FORMAT}").')
        rows = {k: data.get(k, []) for k in ("attempts", "cards", "help_taken")}
        if not all(isinstance(v, list) and all(isinstance(r, dict) for r in v) for v in rows.values()):
            raise PrepError(f"{file}: attempts, cards and help_taken must be lists of objects.")
    else:
        rows = {"attempts": _csv_rows(file, text), "cards": [], "help_taken": []}
    for i, row in enumerate(rows["attempts"], start=1):
        _check_attempt(file, i, row)
    for i, card in enumerate(rows["cards"], start=1):
        if not all(isinstance(card.get(k), str) for k in ("question", "card_json", "due", "updated_at")):
            raise PrepError(f"{file}: card {i} lacks question, card_json, due or updated_at.")
    for i, help_row in enumerate(rows["help_taken"], start=1):
        if not all(isinstance(help_row.get(k), str) for k in ("question", "kind", "taken_at")):
            raise PrepError(f"{file}: help row {i} lacks question, kind or taken_at.")
        if not isinstance(help_row.get("attempt_id"), (int, type(None))):
            raise PrepError(f"{file}: help row {i} has an attempt_id that is not a number.")
    return rows


def _csv_rows(file: Path, text: str) -> list[dict[str, Any]]:
    import csv
    import io

    from interview_prep.store.db import ATTEMPT_COLUMNS

    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames or not set(_REQUIRED) <= set(reader.fieldnames):
        raise PrepError(f"{file} is neither a JSON nor a CSV `prep export` (no {', '.join(_REQUIRED)} columns).")
    rows = []
    for raw in reader:
        row: dict[str, Any] = {k: (v if v != "" else None) for k, v in raw.items() if k in ATTEMPT_COLUMNS or k == "id"}
        for k in (*_NUMBERS, "id", "over_time", "passed"):
            if row.get(k) is not None:
                try:
                    row[k] = float(row[k]) if k in _NUMBERS else int(row[k])
                except ValueError:
                    raise PrepError(f"{file}: line {reader.line_num}: {k} is not a number.") from None
        rows.append(row)
    return rows


def _check_attempt(file: Path, i: int, row: dict[str, Any]) -> None:
    from interview_prep.store import STATUSES

    for key, kind in _REQUIRED.items():
        if not isinstance(row.get(key), kind):
            raise PrepError(f"{file}: attempt {i} has no {key}.")
    for key in ("started_at", "ended_at"):
        if row.get(key) is not None:
            try:
                stamp = datetime.fromisoformat(str(row[key]))
            except ValueError:
                raise PrepError(f"{file}: attempt {i}: {key} is not a date.") from None
            if stamp.tzinfo is None:
                raise PrepError(f"{file}: attempt {i}: {key} has no time zone.")
    if row["status"] not in STATUSES:
        raise PrepError(f"{file}: attempt {i}: status {row['status']!r} is not one of {', '.join(STATUSES)}.")
    for key in (*_NUMBERS, "over_time", "passed", "id"):
        value = row.get(key)
        if value is not None and (isinstance(value, bool) or not isinstance(value, (int, float))):
            raise PrepError(f"{file}: attempt {i}: {key} is not a number.")
    for key in (
        "answer",
        "answer_path",
        "grade_json",
        "self_rating",
        "rating",
        "grader_version",
        "mock_id",
        "ended_at",
    ):
        if row.get(key) is not None and not isinstance(row[key], str):
            raise PrepError(f"{file}: attempt {i}: {key} is not text.")
