"""What to practise next: one fsrs card per question, reviewed with the lower of two ratings."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Literal

from interview_prep.models import Question

if TYPE_CHECKING:
    import fsrs

RatingName = Literal["again", "hard", "good", "easy"]
RATINGS: tuple[RatingName, ...] = ("again", "hard", "good", "easy")  # worst to best

# A grade says how well the answer went, not how it felt; below these scores the grade
# caps what the self-rating can claim.
EASY_SCORE = 90.0
AGAIN_BELOW = 40.0


def parse_rating(text: str) -> RatingName | None:
    """'g', 'good', '3' -> 'good'; None for anything else."""
    t = text.strip().lower()
    for i, name in enumerate(RATINGS, start=1):
        if t in (name, name[0], str(i)):
            return name
    return None


def grade_rating(score: float | None, passed: bool | None, *, over_time: bool = False) -> RatingName:
    """The rating a grade implies: failing badly is again, failing is hard, passing is good or easy."""
    if score is None or score < AGAIN_BELOW:
        return "again"
    if not passed:
        return "hard"
    # Passing only after the clock ran out is not interview-ready yet.
    if over_time:
        return "hard"
    return "easy" if score >= EASY_SCORE else "good"


def combined_rating(self_rating: RatingName, implied: RatingName, cap: RatingName = "easy") -> RatingName:
    """The lowest of them: neither a lucky grade nor a confident feeling pushes a card out,
    and help taken (`cap`) limits what the attempt can earn."""
    return min(self_rating, implied, cap, key=RATINGS.index)


def help_cap(hints: int, saw_solution: bool) -> RatingName:
    """The best rating an attempt can earn after help: each hint takes one step off easy;
    having seen the solution first, the attempt shows only that it can be copied."""
    if saw_solution:
        return "again"
    return RATINGS[max(0, len(RATINGS) - 1 - hints)]


def _scheduler() -> fsrs.Scheduler:
    import fsrs

    # No fuzzing: with twelve questions, spreading due dates buys nothing and makes
    # the schedule harder to reason about (and to test). No learning steps: they are
    # minutes long, made for flashcards; a 20-minute question comes back the next day at the soonest.
    return fsrs.Scheduler(enable_fuzzing=False, learning_steps=(), relearning_steps=())


def review(card_json: str | None, rating: RatingName, when: datetime) -> tuple[str, datetime]:
    """Review a question's card (a new one if None) and return its new JSON and due date."""
    import fsrs

    card = fsrs.Card.from_json(card_json) if card_json else fsrs.Card(due=when)
    new_card, _log = _scheduler().review_card(card, fsrs.Rating[rating.capitalize()], review_datetime=when)
    return new_card.to_json(), new_card.due


def most_due(questions: Sequence[Question], due: Mapping[str, datetime], now: datetime) -> Question | None:
    """The most overdue question; else the first never practised; else the one due soonest."""
    if not questions:
        return None
    overdue = [q for q in questions if q.id in due and due[q.id] <= now]
    if overdue:
        return min(overdue, key=lambda q: (due[q.id], q.number))
    unseen = [q for q in questions if q.id not in due]
    if unseen:
        return min(unseen, key=lambda q: q.number)
    return min(questions, key=lambda q: (due[q.id], q.number))


def due_questions(questions: Sequence[Question], due: Mapping[str, datetime], now: datetime) -> list[Question]:
    """What `prep list --due` shows: questions whose card is due, and those never practised."""
    return [q for q in questions if q.id not in due or due[q.id] <= now]


def pick_question(
    questions: Sequence[Question], due_dates: Mapping[str, datetime], now: datetime, *, category: str | None = None
) -> Question:
    """The most due question (of a category), else one never practised."""
    from interview_prep.bank import questions_in

    pool = questions_in(questions, category)
    chosen = most_due(pool, due_dates, now)
    assert chosen is not None  # pool is not empty
    return chosen
