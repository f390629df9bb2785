"""`prep hint` and `prep solution`: help that is recorded in the history and caps the rating it helps."""

from __future__ import annotations

from pathlib import Path

from interview_prep.bank import load_bank
from interview_prep.commands.common import open_history
from interview_prep.errors import ExitCode
from interview_prep.views import console


def hint(bank_dirs: list[Path] | None, ref: str, *, as_json: bool = False) -> ExitCode:
    from interview_prep.practice.hints import next_hint
    from interview_prep.store import utcnow

    question = load_bank(bank_dirs).get(ref)
    store = open_history()
    try:
        shown = next_hint(store, question, utcnow())
    finally:
        store.close()
    if as_json:
        console.print_json(
            {
                "question": question.id,
                "index": shown.index,
                "total": shown.total,
                "text": shown.text,
                "cap": shown.cap,
                "attempt_id": shown.attempt_id,
            }
        )
        return ExitCode.OK
    which = "this attempt" if shown.attempt_id is not None else "your next attempt"
    console.out.print(f"Hint {shown.index} of {shown.total} for {question.id}: {shown.text}", markup=False)
    console.out.print(f"[dim]Recorded: {which} at {question.id} can now earn '{shown.cap}' at best.[/]")
    return ExitCode.OK


def solution(bank_dirs: list[Path] | None, ref: str, *, force: bool, as_json: bool = False) -> ExitCode:
    from interview_prep.practice.hints import view_solution
    from interview_prep.store import utcnow
    from interview_prep.views.bank import show_solution

    question = load_bank(bank_dirs).get(ref)
    store = open_history()
    try:
        lexer, text = view_solution(store, question, force=force, now=utcnow())
    finally:
        store.close()
    if as_json:
        console.print_json({"question": question.id, "kind": question.kind, "format": lexer, "text": text})
        return ExitCode.OK
    show_solution(question, lexer, text)
    return ExitCode.OK
