"""Issue 10: readings added on 2026-12-04 (second session) for true sentences of the two independent reviews
(tests/written/reviews/) that were called wrong.

Each rule is tested on the review's kind of sentence, in other words than the review's, and against the
sentences of the same shape that it must leave alone.
"""

from __future__ import annotations

import pytest

from tests.written.verdicts import verdicts as _verdicts


@pytest.mark.parametrize(
    ("qid", "text", "kp_id", "verdict"),
    [
        # in a story, a denied attitude ("didn't trust", "wasn't sure") is what the candidate felt, not a step skipped
        (
            "debugging-story",
            "I didn't trust my first hypothesis, so I tested it with a small experiment.",
            "hypothesis",
            "missing",
        ),
        (
            "debugging-story",
            "I didn't believe the numbers, so I checked the metric on a case I knew.",
            "specifics",
            "missing",
        ),
        ("learning-quickly", "I never trusted a blog post over the official documentation.", "sources", "missing"),
        # ... while a denied step is still denied, and outside a story a denied belief still denies
        ("debugging-story", "I didn't test my hypothesis; I just changed the code.", "experiment", "contradicted"),
        ("debugging-story", "I never formed a hypothesis.", "hypothesis", "contradicted"),
        (
            "batchnorm",
            "I don't believe batch norm uses running averages at inference.",
            "running-stats",
            "contradicted",
        ),
        # what a thing cannot capture or represent is a limit of it: here, what a shallow tree's bias is
        (
            "bias-variance",
            "A stump cannot capture an interaction, so its error is mostly bias.",
            "shallow-tree-bias",
            "asserted",
        ),
        (
            "bias-variance",
            "A stump cannot represent an interaction, so its error is mostly bias.",
            "shallow-tree-bias",
            "asserted",
        ),
        ("bias-variance", "A stump cannot do anything useful.", "shallow-tree-bias", "contradicted"),
    ],
)
def test_reading(qid: str, text: str, kp_id: str, verdict: str) -> None:
    assert _verdicts(qid, text)[kp_id] == verdict


@pytest.mark.parametrize(
    ("qid", "text", "kp_id"),
    [
        (
            "debugging-story",
            "I wasn't really sure whether the problem came from the features or the model, so I swapped "
            "in a simpler model.",
            "isolate",
        ),
        (
            "debugging-story",
            "I wasn't confident the fix was right, so I reran the evaluation on the same data.",
            "fix-verify",
        ),
        ("learning-quickly", "I wasn't comfortable with the math, so I worked through the derivation by hand.", "gap"),
        # "no X fixes Y" says what X cannot remedy, as "X cannot fix Y" does
        ("learning-rate", "No warm-up schedule rescues a learning rate that is far too large.", "schedules"),
        ("learning-rate", "No schedule can fix a rate that diverges in the first steps.", "schedules"),
        ("spam-pipeline", "No threshold can fix a leaky split.", "threshold"),
    ],
)
def test_not_called_wrong(qid: str, text: str, kp_id: str) -> None:
    assert _verdicts(qid, text)[kp_id] != "contradicted"


@pytest.mark.xfail(
    strict=True, reason="the step is skipped through a pronoun ('skipped it'), which is not followed back"
)
def test_a_step_skipped_after_an_attitude() -> None:
    text = "I didn't trust the experiment, so I skipped it and changed the code."
    assert _verdicts("debugging-story", text)["experiment"] == "contradicted"


@pytest.mark.parametrize(
    ("qid", "text", "kp_id"),
    [
        ("learning-rate", "No schedule is needed.", "schedules"),
        ("learning-rate", "No schedule fixes anything.", "schedules"),
        ("spam-pipeline", "No threshold tuning is needed.", "threshold"),
    ],
)
def test_still_denied(qid: str, text: str, kp_id: str) -> None:
    assert _verdicts(qid, text)[kp_id] == "contradicted"
