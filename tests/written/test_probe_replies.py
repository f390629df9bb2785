"""Issue 10: a short reply to the interviewer's probe for a missing point earns it when it says what was asked.

Found in a new-user trial (2026-12-04): asked "What were you building, and what exactly told you it was not
working?", the reply "A churn model for a subscription app; validation AUC fell from 0.81 to 0.62 overnight."
scored 0 and was told it missed the situation."""

from __future__ import annotations

import pytest

from interview_prep.bank import load_bank
from interview_prep.grading.written import grade_written
from interview_prep.practice.interviewer import plan

# every step of the story but what was built and the symptom
NO_SITUATION = (
    "I reproduced it on a 1,000-row sample, guessed the join had shifted the labels by one row, and tested that by "
    "comparing the ids before and after the join. They were off by one, so I fixed the join key and reran the "
    "evaluation: the AUC went back to 0.80."
)


def _probe(point: str):  # noqa: ANN202 - an Ask
    question = load_bank().get("debugging-story")
    asks = plan(question, grade_written(question, NO_SITUATION))
    return next(a for a in asks if a.kind == "probe" and a.target == point)


@pytest.mark.parametrize(
    "reply",
    [
        "A churn model for a subscription app; validation AUC fell from 0.81 to 0.62 overnight.",
        "A fraud classifier. Its accuracy dropped to chance after we retrained it on the new export.",
        "A transformer for support tickets, and the loss exploded to NaN after the first epoch.",
    ],
)
def test_a_reply_naming_what_was_built_and_the_symptom_earns_the_situation(reply: str) -> None:
    ask = _probe("situation")
    report = grade_written(ask.question, reply)
    assert report.passed, report.to_json()["key_points"]


def test_a_reply_that_names_no_symptom_does_not() -> None:
    ask = _probe("situation")
    assert not grade_written(ask.question, "I don't remember what the model was for.").passed
