"""`prep list` and `prep show`: the bank, with what the history adds to it. Kept light: list runs often."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from interview_prep.bank import load_bank
from interview_prep.errors import ExitCode
from interview_prep.models import Question
from interview_prep.views import console


class ListHistory(NamedTuple):
    """What `prep list` adds: the questions to show, table columns, and JSON keys per question."""

    questions: Sequence[Question]
    columns: dict[str, dict[str, str]]
    json: dict[str, dict[str, object]]


def list_history(questions: Sequence[Question], *, due_only: bool) -> ListHistory:
    """Best score, attempts and next due date per question; with `due_only`, only what is due.

    Without a history file this neither creates one nor imports sqlite3: nothing is due
    but everything is new, so every question is shown.
    """
    from interview_prep.commands.common import history_exists, open_history_part

    if not history_exists():
        return ListHistory(questions, {}, {})
    from datetime import datetime, timezone

    from interview_prep.practice.schedule import due_questions
    from interview_prep.store.cards import Cards
    from interview_prep.views.text import due_text, score_text

    now = datetime.now(timezone.utc)
    store = open_history_part(Cards, read_only=True)
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
        as_json[q.id] = {"best_score": best, "attempts": tries, "due": None if due is None else due.isoformat()}
    return ListHistory(questions, columns, as_json)


def question_json(q: Question) -> dict[str, object]:
    return {
        "id": q.id,
        "number": q.number,
        "title": q.title,
        "category": q.category,
        "kind": q.kind,
        "difficulty": q.difficulty,
        "time_limit_minutes": q.time_limit_minutes,
    }


def list_questions(bank_dirs: list[Path] | None, category: str | None, *, due: bool, as_json: bool) -> ExitCode:
    questions = load_bank(bank_dirs).in_category(category)
    history = list_history(questions, due_only=due)
    if as_json:
        console.print_json([question_json(q) | history.json.get(q.id, {}) for q in history.questions])
    else:
        from interview_prep.views.bank import bank_table

        console.out.print(bank_table(history.questions, history.columns))
    return ExitCode.OK


def show(
    bank_dirs: list[Path] | None, ref: str, *, rubric: bool, as_json: bool = False, follow_ups: bool = False
) -> ExitCode:
    from interview_prep.views.bank import question_markdown

    question = load_bank(bank_dirs).get(ref)
    if as_json:
        data = question_json(question) | {"prompt": question.prompt}
        if question.is_coding:
            data["functions"] = [
                {"name": f.name, "signature": f.signature, "docstring": f.docstring} for f in question.functions
            ]
        if rubric:
            data |= {"how_to_answer": question.how_to_answer, "what_they_look_for": question.what_they_look_for}
        if follow_ups:
            data["follow_ups"] = [{"id": fu.id, "prompt": fu.prompt} for fu in question.follow_ups]
            if question.rubric is not None:
                data["probes"] = {kp.id: kp.probe for kp in question.rubric.key_points if kp.probe}
                data["challenges"] = {mc.id: mc.challenge for mc in question.rubric.misconceptions if mc.challenge}
        console.print_json(data)
        return ExitCode.OK
    console.show_markdown(question_markdown(question, rubric=rubric, width=console.out.width, follow_ups=follow_ups))
    return ExitCode.OK


def check_bank(bank_dirs: list[Path] | None) -> ExitCode:
    """Validate a bank or pack: its schema (a BankError is bad input, exit 2), then each coding question's
    guards and each written question's rubric lint. With `--bank DIR` only that pack's questions are
    checked, else the whole bank."""
    from interview_prep.grading.audit import audit_question, lint_findings

    bank = load_bank(bank_dirs)
    roots = [d.resolve() for d in (bank_dirs or [])]
    chosen = [q for q in bank.questions if not roots or any(q.source.resolve().is_relative_to(r) for r in roots)]
    problems = []
    for q in chosen:
        found = audit_question(q) + lint_findings(q)
        problems += found
        status = "ok" if not found else f"{len(found)} problem{'s' if len(found) != 1 else ''}"
        console.out.print(f"{q.id}: {status}", markup=False, highlight=False)
    for finding in problems:
        console.out.print(finding.line(), markup=False, highlight=False, soft_wrap=True)
    console.out.print(f"{len(chosen)} questions checked, {len(problems)} problems.", highlight=False)
    return ExitCode.NOT_PASSED if problems else ExitCode.OK
