"""Help during practice: hints one at a time and the reference solution, each recorded in the history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from interview_prep.errors import PrepError
from interview_prep.models import Question
from interview_prep.store import Store


@dataclass(frozen=True)
class Hint:
    index: int  # 1-based
    total: int
    text: str
    cap: str  # the best rating the attempt can now earn
    attempt_id: int | None  # the attempt in progress it counts against; None: the next one


def hints_of(question: Question) -> tuple[str, ...]:
    """A question's hints: its own, else (written questions) what each rubric key point asks for."""
    if question.hints:
        return question.hints
    if question.rubric is not None:
        return tuple(p.hint or p.description for p in question.rubric.key_points)
    return ()


def next_hint(store: Store, question: Question, now: datetime) -> Hint:
    """Show the next hint of the question's current (or next) attempt, and record it."""
    from interview_prep.practice.schedule import help_cap

    hints = hints_of(question)
    if not hints:
        raise PrepError(f"'{question.id}' has no hints.")
    shown = store.hints_pending(question.id, now=now)
    if shown >= len(hints):
        raise PrepError(
            f"no more hints for '{question.id}': all {len(hints)} are shown. "
            f"`prep solution {question.id}` shows the reference once you have made an attempt."
        )
    index, attempt_id = store.take_help(question.id, "hint", now=now)
    return Hint(index, len(hints), hints[index - 1], help_cap(index, False), attempt_id)


def reference_solution(question: Question) -> tuple[str, str]:
    """(lexer, text): the reference code of a coding question, the model answer of a written one."""
    if question.is_coding:
        path = question.reference
        if path is None:
            raise PrepError(f"'{question.id}' has no reference solution.")
        try:
            return "python", path.read_text(encoding="utf-8")
        except OSError:
            raise PrepError(f"'{question.id}' has no reference solution in {path.parent}.") from None
    return "markdown", question.answer_guide


def view_solution(store: Store, question: Question, *, force: bool, now: datetime) -> tuple[str, str]:
    """The reference, once the question has been attempted; with `force`, before, at a cost."""
    attempted = store.has_finished_attempt(question.id)
    if not attempted and not force:
        raise PrepError(
            f"no attempt at '{question.id}' yet: try it first (`prep practice -q {question.id}` or "
            f"`prep grade FILE -q {question.id}`), or add --force to see it now "
            "(your next attempt then counts as 'again' at best)."
        )
    solution = reference_solution(question)
    if not attempted:
        store.take_help(question.id, "solution", now=now)
    return solution
