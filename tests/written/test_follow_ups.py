"""The interviewer's follow-ups: each is a written question with a rubric; its model answer and a full answer in a
candidate's words pass, wrong ones fail."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from interview_prep.bank import load_bank
from interview_prep.grading.written import grade_written
from interview_prep.models import FollowUp, Question

BANK = load_bank([])
FOLLOW_UPS = [(q, fu) for q in BANK.questions for fu in q.follow_ups]
WRONG: dict[str, list[str]] = yaml.safe_load((Path(__file__).parent / "follow_up_wrong_answers.yaml").read_text())
# A full, correct answer in a candidate's own words (not the rubric's model answer), one per follow-up.
FULL: dict[str, str | list[str]] = yaml.safe_load((Path(__file__).parent / "follow_up_model_answers.yaml").read_text())
# What a full, correct answer to a follow-up must score at least.
FULL_ANSWER_SCORE = 80
IDS = [f"{q.id}/{fu.id}" for q, fu in FOLLOW_UPS]


def _as_list(texts: str | list[str]) -> list[str]:
    return [texts] if isinstance(texts, str) else texts


@pytest.mark.parametrize(("question", "follow_up"), FOLLOW_UPS, ids=IDS)
def test_the_model_answer_of_a_follow_up_passes_its_rubric(question: Question, follow_up: FollowUp) -> None:
    report = grade_written(question.follow_up_question(follow_up), follow_up.model_answer)
    assert report.passed, [c.message for c in report.checks if c.points == 0]


# Full answers the written grader itself cannot yet read in full (no rubric phrasing can help): strict xfails
# with the reason, for the grader's owner. Keyed by the first line of the answer.
FULL_GAPS: dict[str, str] = {
    "- Time: two linear passes, constant work per entry.": (
        "a labelled bullet of comma-joined fragments ('Time: two linear passes, constant work per entry') is read "
        "as a list of terms when other lines follow it, so it earns nothing"
    ),
    "- Dijkstra relies on a popped distance being final; a negative edge breaks that.": (
        "'Use Bellman-Ford: relax every edge V - 1 times' has no verb the grader lists, so among other bullets it "
        "is a list of terms and earns nothing"
    ),
}
FULL_CASES = [
    pytest.param(
        q,
        fu,
        text,
        id=f"{q.id}/{fu.id}-{i}",
        marks=[pytest.mark.xfail(strict=True, reason=FULL_GAPS[line])]
        if (line := text.splitlines()[0]) in FULL_GAPS
        else [],
    )
    for q, fu in FOLLOW_UPS
    for i, text in enumerate(_as_list(FULL[f"{q.id}/{fu.id}"]))
]


@pytest.mark.parametrize(("question", "follow_up", "text"), FULL_CASES)
def test_a_full_correct_answer_in_a_candidates_words_passes_high_and_is_called_wrong_nowhere(
    question: Question, follow_up: FollowUp, text: str
) -> None:
    report = grade_written(question.follow_up_question(follow_up), text)
    assert report.passed, [c.message for c in report.checks if c.points == 0]
    assert report.score >= FULL_ANSWER_SCORE, [k["id"] for k in report.extra["key_points"] if not k["covered"]]
    assert report.extra["misconceptions"] == []
    assert [k["id"] for k in report.extra["key_points"] if k["contradicted"]] == []


def test_every_follow_up_has_two_wrong_answers_and_a_full_answer_and_no_stale_one() -> None:
    assert set(WRONG) == set(IDS)
    assert all(len(texts) >= 2 for texts in WRONG.values())
    assert set(FULL) == set(IDS)


# Wrong answers the written grader itself cannot yet tell from right ones (no rubric phrasing can): strict
# xfails with the reason, for the grader's owner. Keyed by the answer's text.
WRONG_GAPS: dict[str, str] = {
    "It is O(n log n) because each interval is compared with log n others in a binary search, and the sort is free "
    "because Python's sort is linear.": (
        "a right bound for a wrong reason: 'n log n' earns the core point whichever step it is said of, and a phrase "
        "for 'the sort is linear' would also match 'after the sort, merging is linear'"
    ),
    "Each iteration is O(n k d) only for the first iteration; afterwards it is O(n), so the whole run is O(n).": (
        "'n k d' earns the core point, and 'afterwards it is O(n)' says no 'per iteration' for the misconception to"
        " match"
    ),
    "The merge pass is O(n log n), since each interval is compared with the others, and the sort is linear because "
    "the input is almost sorted, so the space for the output is O(1).": (
        "'n log n' earns the sort point whichever step it is said of, and no phrase says the merge pass is not"
        " O(n log n)"
    ),
}
WRONG_CASES = [
    pytest.param(
        q,
        fu,
        text,
        id=f"{q.id}/{fu.id}-{i}",
        marks=[pytest.mark.xfail(strict=True, reason=WRONG_GAPS[text])] if text in WRONG_GAPS else [],
    )
    for q, fu in FOLLOW_UPS
    for i, text in enumerate(WRONG[f"{q.id}/{fu.id}"])
]


@pytest.mark.parametrize(("question", "follow_up", "wrong"), WRONG_CASES)
def test_a_wrong_answer_to_a_follow_up_does_not_pass(question: Question, follow_up: FollowUp, wrong: str) -> None:
    report = grade_written(question.follow_up_question(follow_up), wrong)
    assert not report.passed, (report.score, [k["id"] for k in report.extra["key_points"] if k["covered"]])


@pytest.mark.parametrize(("question", "follow_up"), FOLLOW_UPS, ids=IDS)
def test_every_follow_up_point_has_a_probe_and_every_misconception_a_challenge(
    question: Question, follow_up: FollowUp
) -> None:
    assert all(kp.probe for kp in follow_up.rubric.key_points)
    assert all(mc.challenge for mc in follow_up.rubric.misconceptions)
    assert follow_up.rubric.misconceptions, "a follow-up names at least one wrong answer an interviewer hears"


@pytest.mark.parametrize("question", [q for q in BANK.questions if q.is_coding], ids=lambda q: q.id)
def test_every_coding_question_has_at_least_two_follow_ups(question: Question) -> None:
    assert len(question.follow_ups) >= 2, question.id


@pytest.mark.parametrize(("question", "follow_up"), FOLLOW_UPS, ids=IDS)
def test_no_follow_up_phrase_is_one_the_grader_can_never_match(question: Question, follow_up: FollowUp) -> None:
    # The grader never matches a phrase across a hard boundary of the answer ("(", ")", ":", ";", " - "), so a
    # phrase such as "pop(0) is slow" or "p - y" can never match: it only looks like coverage. A big-O bound
    # is one word ("each iteration is o(n)" can match).
    from interview_prep.grading.written.segments import tokenize  # here: a rename in the grader breaks only this test

    rubric = follow_up.rubric
    texts = [p for kp in rubric.key_points for p in (*kp.phrases, *kp.terms)]
    texts += [p for mc in rubric.misconceptions for p in mc.phrases]
    assert [p for p in texts if len(set(tokenize(p.lower())[2])) > 1] == []
    # Nor is a denying adverb ever a content word of the answer: "hardly matters" as a phrase never matches.
    assert [p for p in texts if {"hardly", "barely", "rarely", "seldom", "scarcely"} & set(p.lower().split())] == []
