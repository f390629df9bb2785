"""Issue 10: readings added on 2026-12-04 (second session) for true sentences of the two independent reviews
(tests/written/reviews/) and of the eleventh independent set (tests/written/independent-11/) that were called
wrong.

Each rule is tested on the review's kind of sentence, in other words than the review's, and against the
sentences of the same shape that it must leave alone.
"""

from __future__ import annotations

import pytest

from tests.written.verdicts import misconceptions as _misconceptions
from tests.written.verdicts import verdicts as _verdicts


@pytest.mark.parametrize(
    ("qid", "text", "kp_id", "verdict"),
    [
        # in a story, a doubt the candidate then checks ("wasn't sure whether", "didn't trust the numbers", "didn't
        # trust my first hypothesis") is no step skipped
        ("debugging-story", "I didn't trust my first hypothesis, so I tested it with a small experiment.", "hypothesis",
         "missing"),
        ("debugging-story", "I didn't believe the numbers, so I checked the metric on a case I knew.", "specifics",
         "missing"),
        # ... while a doubt about the step itself still denies it (the third review's inversions), and outside a
        # story a denied belief still denies
        ("debugging-story", "I didn't believe in forming a hypothesis, so I just started changing the code.",
         "hypothesis", "contradicted"),
        ("debugging-story", "I didn't trust experiments, so I went with my gut and changed the code.", "experiment",
         "contradicted"),
        ("debugging-story", "I didn't trust the experiment, so I skipped it and changed the code.", "experiment",
         "contradicted"),
        ("debugging-story", "I didn't test my hypothesis; I just changed the code.", "experiment", "contradicted"),
        ("debugging-story", "I never formed a hypothesis.", "hypothesis", "contradicted"),
        ("batchnorm", "I don't believe batch norm uses running averages at inference.", "running-stats",
         "contradicted"),
        # "cannot capture/represent" is read as a denial of a thing's own job (the review showed it is one)
        ("beyond-accuracy", "The confusion matrix cannot represent which kinds of errors the model makes.",
         "confusion-matrix", "contradicted"),
        ("bias-variance", "A stump cannot do anything useful.", "shallow-tree-bias", "contradicted"),
    ],
)  # fmt: skip
def test_reading(qid: str, text: str, kp_id: str, verdict: str) -> None:
    assert _verdicts(qid, text)[kp_id] == verdict


@pytest.mark.parametrize(
    ("qid", "text", "kp_id"),
    [
        ("debugging-story", "I wasn't really sure whether the problem came from the features or the model, so I "
         "swapped in a simpler model.", "isolate"),
        ("debugging-story", "I wasn't sure whether the fix was right, so I reran the evaluation on the same data.",
         "fix-verify"),
        # "no X fixes Y" says what X cannot remedy when Y is a case the sentence qualifies
        ("learning-rate", "No warm-up schedule rescues a learning rate that is far too large.", "schedules"),
        ("learning-rate", "No schedule can fix a rate that diverges in the first steps.", "schedules"),
        ("spam-pipeline", "No threshold can fix a model that was evaluated on a leaky split.", "threshold"),
    ],
)  # fmt: skip
def test_not_called_wrong(qid: str, text: str, kp_id: str) -> None:
    assert _verdicts(qid, text)[kp_id] != "contradicted"


@pytest.mark.parametrize(
    ("qid", "text", "kp_id"),
    [
        ("learning-rate", "No schedule is needed.", "schedules"),
        ("learning-rate", "No schedule fixes anything.", "schedules"),
        ("spam-pipeline", "No threshold tuning is needed.", "threshold"),
        # what the thing is for, unqualified, is denied: the third review's inversions
        ("bias-variance", "No regularization can fix overfitting.", "reduce-variance"),
        ("batchnorm", "Batch norm removes the need for batch means.", "batch-statistics"),
        # a bare verb after "and" shares the denied auxiliary in a claim
        ("learning-rate", "A too-large learning rate doesn't overshoot the minimum and make the loss diverge; it just "
         "slows training down.", "loss-curve"),
    ],
)  # fmt: skip
def test_still_denied(qid: str, text: str, kp_id: str) -> None:
    assert _verdicts(qid, text)[kp_id] == "contradicted"


@pytest.mark.parametrize(
    ("qid", "text"),
    [
        ("bias-variance", "That regularization reduces bias is a claim I would not make."),
        ("bias-variance", "Regularization reduces bias, a claim I do not accept."),
    ],
)
def test_a_claim_denied_in_a_relative_clause_is_no_misconception(qid: str, text: str) -> None:
    assert _misconceptions(qid, text) == []


KNOWN_FALSE_WRONGS = {
    # true sentences the narrower rules give up (each reading was net harmful on the third review's inversions)
    ("learning-quickly", "I never trusted a blog post over the official documentation."): "a doubt about a source "
    "reads as skipping the source, as 'I didn't trust the documentation, so I never opened it' is",
    ("bias-variance", "A stump cannot capture an interaction, so its error is mostly bias."): "'cannot capture' is "
    "read as a denial, as 'the confusion matrix cannot represent which errors ...' is",
    ("learning-quickly", "I wasn't comfortable with the math, so I worked through the derivation by hand."): "'not "
    "comfortable' reads as skipping, as 'I wasn't comfortable forming a hypothesis' is",
}


@pytest.mark.parametrize(
    ("qid", "text"),
    [pytest.param(q, t, marks=pytest.mark.xfail(strict=True, reason=r)) for (q, t), r in KNOWN_FALSE_WRONGS.items()],
)
def test_known_false_wrongs(qid: str, text: str) -> None:
    assert "contradicted" not in _verdicts(qid, text).values()


# The eleventh set's five correct statements called wrong at its first run, each read in other words too.
SET_11_CORRECT = [
    # removing a mean is subtracting it
    (
        "batchnorm",
        "Centring removes the batch mean, then dividing by the batch standard deviation rescales every feature.",
    ),
    (
        "batchnorm",
        "The layer removes the mini-batch mean from each feature, then divides by the batch standard deviation.",
    ),
    # a denial does not reach past "and it ..." to a second predicate
    (
        "bias-variance",
        "a shallow tree, say depth 2, has at most four leaves, so it cant carve out the boundary and it underfits",
    ),
    ("bias-variance", "A stump can't draw a curved boundary and it underfits badly."),
    # an example set off by "e.g." describes its own noun ("a smaller lambda"), not the clause's concepts
    (
        "bias-variance",
        "Weakening the regularization, e.g. a smaller lambda, also reduces bias, since it frees the model.",
    ),
    (
        "bias-variance",
        "Loosening the regularisation, e.g. a smaller alpha, also reduces bias, since it frees the model to fit more.",
    ),
    # a denial in a relative clause with a subject of its own ("it previously had no way to see") is its own
    (
        "bias-variance",
        "Adding informative features lowers bias, because the model can now express relationships it "
        "previously had no way to see.",
    ),
    (
        "bias-variance",
        "More informative features lower bias, because the model can now express patterns it had no way "
        "to express before.",
    ),
    # the trees an ensemble keeps are its material, and a relative clause that says what trees have is said of them
    ("bias-variance", "Random forests keep the deep trees but decorrelate and average them, so variance falls."),
    ("bias-variance", "Random forests keep the deep trees and average them, so variance goes down."),
    ("bias-variance", "Bagging averages deep trees, which have high variance on their own."),
]


@pytest.mark.parametrize(("qid", "text"), SET_11_CORRECT)
def test_set_11_correct_statement_not_called_wrong(qid: str, text: str) -> None:
    verdicts = _verdicts(qid, text)
    assert "contradicted" not in verdicts.values()
    assert _misconceptions(qid, text) == []


@pytest.mark.parametrize(
    ("qid", "text", "kp_id"),
    [
        ("batchnorm", "Batch norm removes the need for the batch mean.", "batch-statistics"),
        ("bias-variance", "A shallow tree can't follow the boundary, so it doesn't underfit.", "shallow-tree-bias"),
        ("bias-variance", "Adding features does not lower bias.", "reduce-bias"),
        ("bias-variance", "Deep trees have lower variance.", "deep-tree-variance"),
    ],
)
def test_set_11_guards_still_denied(qid: str, text: str, kp_id: str) -> None:
    assert _verdicts(qid, text)[kp_id] == "contradicted"


# A short tail that only denies ("..., which it does not", "..., but they don't", "..., which they rarely do")
# takes back what the clause before it says: the third review's misconceptions reported and then denied.
TAKEN_BACK = [
    ("bias-variance", "People assume regularization reduces bias, which it does not."),
    ("bias-variance", "Many people think deeper trees have lower variance, which they do not."),
    ("bias-variance", "Some think a bigger model increases bias, but it does not."),
    ("batchnorm", "Some assume batch norm uses the batch statistics at inference, which it does not."),
    ("beyond-accuracy", "Stakeholders assume false positives and false negatives cost the same, which they rarely do."),
    ("spam-pipeline", "Juniors often think a random split is fine for email, which it is not."),
]


@pytest.mark.parametrize(("qid", "text"), TAKEN_BACK)
def test_a_tail_that_takes_it_back(qid: str, text: str) -> None:
    assert "contradicted" not in _verdicts(qid, text).values()
    assert _misconceptions(qid, text) == []


@pytest.mark.parametrize(
    ("qid", "text", "kp_id", "verdict"),
    [
        ("bias-variance", "People say bagging reduces variance, which it does not.", "reduce-variance", "contradicted"),
        # a tail with a predicate of its own is no taking back
        ("bias-variance", "Bagging reduces variance, but it does not reduce bias.", "reduce-variance", "asserted"),
        ("bias-variance", "Deeper trees have higher variance, which they do.", "deep-tree-variance", "asserted"),
    ],
)
def test_a_tail_only_takes_back_when_it_only_denies(qid: str, text: str, kp_id: str, verdict: str) -> None:
    assert _verdicts(qid, text)[kp_id] == verdict


# The fourth review: what a tail does not take back, and the truth-value tails it does.
@pytest.mark.parametrize(
    ("qid", "text", "kp_id"),
    [
        # a hedge ("not always") is no taking back
        ("bias-variance", "Deep trees tend to overfit, but they don't always.", "deep-tree-variance"),
        ("spam-pipeline", "Retraining monthly is usually enough, but it isn't always.", "monitoring"),
        # the candidate's own guess was wrong, the step was still taken
        ("debugging-story", "I thought it was the learning rate, but it wasn't.", "hypothesis"),
        ("debugging-story", "I suspected the labels were shifted by one row, but they were not.", "hypothesis"),
        # a tail that agrees with a denial keeps it
        ("bias-variance", "Deeper trees do not have lower variance, which they never do.", "deep-tree-variance"),
    ],
)
def test_what_a_tail_does_not_take_back(qid: str, text: str, kp_id: str) -> None:
    assert _verdicts(qid, text)[kp_id] != "contradicted"


@pytest.mark.parametrize(
    ("qid", "text", "misconception"),
    [
        ("spam-pipeline", "Many argue spam does not change over time, which it doesn't.", "spam-is-static"),
        ("learning-rate", "Some say Adam does not need a learning rate, which it does not.", "adam-needs-no-tuning"),
    ],
)
def test_a_tail_that_agrees_keeps_the_misconception(qid: str, text: str, misconception: str) -> None:
    assert misconception in _misconceptions(qid, text)


@pytest.mark.parametrize(
    ("qid", "text"),
    [
        ("bias-variance", "Regularization reduces bias, which is false."),
        ("bias-variance", "Some claim a bigger model increases bias, but that is not the case."),
        ("spam-pipeline", "Some say a random split is fine for email, which isn't true because it leaks future spam."),
        ("project-deep-dive", "It would be easy to say nothing went wrong, but that isn't true."),
        # a point only named in what is taken back is neither said nor denied
        ("learning-rate", "It's tempting to think Adam removes the need to tune the learning rate, but it does not."),
    ],
)
def test_a_truth_value_tail_takes_it_back(qid: str, text: str) -> None:
    assert "contradicted" not in _verdicts(qid, text).values()
    assert _misconceptions(qid, text) == []


# Found in the new-user trial: without a comma, "and a deep tree has ..." is a second clause with its own subject.
@pytest.mark.parametrize(
    ("qid", "text", "kp_id", "verdict"),
    [
        ("bias-variance", "A shallow tree has high bias and a deep tree has high variance.", "deep-tree-variance",
         "asserted"),
        ("bias-variance", "A shallow tree has high bias and a deep tree has high variance.", "shallow-tree-bias",
         "asserted"),
        ("bias-variance", "A stump has high bias and a fully grown tree has high variance.", "deep-tree-variance",
         "asserted"),
        pytest.param("bias-variance", "A stump underfits and a fully grown tree has high variance.",
                     "deep-tree-variance", "asserted",
                     marks=pytest.mark.xfail(strict=True, reason="'underfits' is no verb the clause reader knows")),
        # no second verb, or no first one: still one clause, and its denial reaches both
        ("batchnorm", "In training it computes the batch mean and the batch variance.", "batch-statistics",
         "asserted"),
        ("batchnorm", "During training it does not use the batch mean and the batch variance.", "batch-statistics",
         "contradicted"),
    ],
)  # fmt: skip
def test_and_with_a_second_subject_and_verb_opens_a_clause(qid: str, text: str, kp_id: str, verdict: str) -> None:
    assert _verdicts(qid, text)[kp_id] == verdict
    if verdict == "asserted":
        assert _misconceptions(qid, text) == []
