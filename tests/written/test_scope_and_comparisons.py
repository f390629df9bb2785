"""Issue 10: how far a denial reaches, which word a direction binds to, and comparisons between two models.

Each case failed on the grader of commit 635b1f4: a correct sentence called wrong, or a fluent inversion
passed over. They come from the first independent set (tests/written/independent/), which this work
read and so turned into development data; tests/written/independent-2/ measures the change instead.
"""

from __future__ import annotations

import pytest

from interview_prep.bank import load_bank
from interview_prep.grading.written import grade_written


def _report(qid: str, text: str) -> dict[str, object]:
    data: dict[str, object] = grade_written(load_bank().get(qid), text).to_json()
    return data


def verdict(qid: str, text: str, kp_id: str) -> str:
    points = _report(qid, text)["key_points"]
    assert isinstance(points, list)
    return next(kp["verdict"] for kp in points if kp["id"] == kp_id)


def misconceptions(qid: str, text: str) -> list[str]:
    found = _report(qid, text)["misconceptions"]
    assert isinstance(found, list)
    return [m["id"] for m in found]


def contradicted(qid: str, text: str) -> list[str]:
    points = _report(qid, text)["key_points"]
    assert isinstance(points, list)
    return [kp["id"] for kp in points if kp["verdict"] == "contradicted"]


# --- correct sentences that were called wrong ---


@pytest.mark.parametrize(
    ("qid", "text"),
    [
        # a denial does not reach into a "whose" clause
        ("learning-rate", "Waiting longer will not rescue a run whose step size is too big."),
        # a denial inside an "if" clause supposes it, to warn of it
        ("spam-pipeline", "The model will degrade over time if we never retrain it."),
        # removing duplicates is the cleaning step itself, which the point's own words say
        ("spam-pipeline", "First I'd remove duplicate emails, since spam campaigns send thousands of them."),
        # the shallow learners of a participle clause are what boosting adds, not a claim about their bias
        ("bias-variance", "Boosting mainly attacks bias, adding shallow learners one after another."),
        # "than a linear model on TF-IDF": TF-IDF is what the transformer is compared with (a guard on the
        # comparative claims of the tfidf-vs-transformer rubric, which an old grader did not have)
        ("tfidf-vs-transformer", "BERT is slower and costlier than a linear model on TF-IDF."),
    ],
)
def test_a_correct_sentence_is_not_called_wrong(qid: str, text: str) -> None:
    assert contradicted(qid, text) == []
    assert misconceptions(qid, text) == []


def test_removing_duplicates_earns_the_cleaning_point() -> None:
    assert verdict("spam-pipeline", "First I'd remove duplicate emails.", "data-cleaning") == "asserted"


def test_a_participle_clause_keeps_its_concept_when_the_participle_moves_it() -> None:
    # "increasing variance" is a second claim of the same subject: the deeper tree
    assert verdict("bias-variance", "A deeper tree reduces bias, increasing variance.", "deep-tree-variance") == (
        "asserted"
    )


# --- inversions that were passed over ---


@pytest.mark.parametrize(
    ("qid", "text", "kp_id"),
    [
        # "lowers" is a verb moving its object, though it stems to the adjective "lower"
        ("bias-variance", "Growing the tree deeper lowers its variance.", "deep-tree-variance"),
        # a noun of the subject ("loss curve") between the concept and its verb
        (
            "learning-rate",
            "When the learning rate is too large, the loss curve decreases smoothly and steadily.",
            "loss-curve",
        ),
        # "and never formed a theory": a second denial with its own verb, not a double negation
        ("debugging-story", "I had no idea what the cause might be and never formed a theory about it.", "hypothesis"),
        # "did not ... anything" admits no act at all; it tells no choice
        ("debugging-story", "I didn't test anything.", "experiment"),
        # "does not depend on" denies the relation the point states
        (
            "bias-variance",
            "A model's variance does not depend at all on which training sample you happen to draw.",
            "variance-definition",
        ),
        # comparisons between the two models
        (
            "tfidf-vs-transformer",
            "A fine-tuned transformer is easier to interpret and debug than logistic regression on TF-IDF.",
            "interpretability",
        ),
        (
            "tfidf-vs-transformer",
            "Fine-tuning a transformer is quicker to iterate on than training logistic regression on TF-IDF.",
            "iteration-speed",
        ),
        ("tfidf-vs-transformer", "Serving a transformer costs about the same as a TF-IDF model.", "latency-cost"),
        # a lone word of the point ("iterate") in a sentence whose claim says the opposite earns nothing
        (
            "tfidf-vs-transformer",
            "Fine-tuning BERT is quicker than fitting logistic regression on TF-IDF, so it's the one to iterate on.",
            "iteration-speed",
        ),
        # "before and after" is a pair of times inside the denied clause, not a clause of its own
        ("project-deep-dive", "I never measured the error before and after the fix.", "fix-verified"),
        # one global step size for every parameter is the opposite of a step per parameter
        ("learning-rate", "Adam uses one global step size shared by every parameter.", "adaptive"),
        (
            "tfidf-vs-transformer",
            "Training logistic regression on TF-IDF takes longer than fine-tuning BERT.",
            "iteration-speed",
        ),
        # a denial in a relative clause ("that the accuracy doesn't already") is that clause's own
        (
            "beyond-accuracy",
            "The confusion matrix won't show you anything that the accuracy number doesn't already.",
            "confusion-matrix",
        ),
        # "redundant" judges it worthless
        ("beyond-accuracy", "Checking calibration is redundant once the AUC is high.", "calibration"),
        # "is not a real factor" judges it not to count
        ("tfidf-vs-transformer", "Serving cost isn't a real factor when you pick between them.", "latency-cost"),
        # what was done instead is no step of the story, so the denial is no choice made for a reason
        (
            "debugging-story",
            "I didn't design any test of my idea; I rewrote the loader and kept going.",
            "experiment",
        ),
        # the verb five words after its subject, every one of them a word that may stand between
        (
            "bias-variance",
            "As you keep adding depth the variance of the tree steadily falls until the leaves are pure.",
            "deep-tree-variance",
        ),
    ],
)
def test_an_inversion_is_a_contradiction(qid: str, text: str, kp_id: str) -> None:
    assert verdict(qid, text, kp_id) == "contradicted"


@pytest.mark.parametrize(
    ("text", "kp_id"),
    [
        ("A transformer is harder to debug than TF-IDF with logistic regression.", "interpretability"),
        ("TF-IDF is less expensive than a transformer.", "latency-cost"),
        ("Logistic regression on TF-IDF retrains in minutes, much faster than fine-tuning BERT.", "iteration-speed"),
    ],
)
def test_a_comparison_the_right_way_round_earns_the_point(text: str, kp_id: str) -> None:
    assert verdict("tfidf-vs-transformer", text, kp_id) == "asserted"


@pytest.mark.parametrize(
    ("qid", "text", "misconception"),
    [
        # the consequence clause ("so it memorises ... and overfits") takes the cause from the clause before it
        (
            "learning-rate",
            "A learning rate that is too large makes the model learn too fast, so it memorises the training data "
            "and overfits.",
            "large-lr-overfits",
        ),
        ("spam-pipeline", "I'd shuffle all the emails together and split them at random.", "random-split-fine"),
    ],
)
def test_a_misconception_in_other_words_is_found(qid: str, text: str, misconception: str) -> None:
    assert misconception in misconceptions(qid, text)


def test_a_denied_manner_that_is_the_misconception_denies_it() -> None:
    # "I never changed two things at once" denies a manner; "I wouldn't split randomly" denies the random split
    assert misconceptions("spam-pipeline", "I wouldn't split randomly, since that leaks future spam.") == []


# --- read from the second independent set (tests/written/independent-2/), which is development data since ---


@pytest.mark.parametrize(
    ("qid", "text"),
    [
        # what pruning is applied to is cut down, not grown: the fully grown tree becomes shallower
        (
            "bias-variance",
            "Pruning a fully grown tree, or capping its max depth, usually brings its variance back down.",
        ),
        # the main clause after a mid-sentence "without" phrase is not denied by it
        ("beyond-accuracy", "To compare models without committing to a threshold I'd use ROC-AUC."),
        # the consequence of a mistake supposed in an "if" clause describes the bug, not how batch norm works
        ("batchnorm", "If you forget to call model.eval(), the layer keeps using batch statistics at test time."),
        # "it was X rather than Y" says what a thing was
        ("debugging-story", "That would have ruled my guess out, so it was a real test rather than a confirmation."),
        # a misconception phrase must not match a denied need ("does not remove the need to pick")
        (
            "learning-rate",
            "Adam does not remove the need to pick a learning rate; set it to 10 and it will diverge too.",
        ),
    ],
)
def test_a_correct_sentence_of_the_second_set_is_not_called_wrong(qid: str, text: str) -> None:
    assert contradicted(qid, text) == []
    assert misconceptions(qid, text) == []


def test_pruning_a_fully_grown_tree_earns_the_depth_point() -> None:
    text = "Pruning a fully grown tree, or capping its max depth, usually brings its variance back down."
    assert verdict("bias-variance", text, "deep-tree-variance") == "asserted"


def test_the_same_words_without_the_mistake_state_the_misconception() -> None:
    assert "bn-batch-stats-at-inference" in misconceptions(
        "batchnorm", "At test time the layer keeps using batch statistics."
    )


@pytest.mark.parametrize(
    ("text", "kp_id"),
    [
        # "examples" for "sample", "crude" for "simple": each definition given to the other subject
        (
            "Bias is the error that comes from the model being too sensitive to the particular examples it was "
            "trained on.",
            "bias-definition",
        ),
        (
            "Variance is the error caused by the model's assumptions being too crude for the true pattern.",
            "variance-definition",
        ),
    ],
)
def test_a_definition_given_to_the_other_subject_contradicts_it(text: str, kp_id: str) -> None:
    assert verdict("bias-variance", text, kp_id) == "contradicted"


def test_a_comparison_borrows_neither_side_from_another_clause() -> None:
    # tried as a new user: "so iteration is fast" took the transformer and TF-IDF of the clause before it,
    # the wrong way round, and the iteration point read as the opposite of what was said
    text = (
        "I would start with TF-IDF and logistic regression as a baseline, measure it on held-out data, and only "
        "move to a transformer if there is headroom. A transformer is harder to debug than TF-IDF with logistic "
        "regression, whose coefficients show which n-grams drive a prediction, and the simple model retrains in "
        "minutes, so iteration is fast."
    )
    assert contradicted("tfidf-vs-transformer", text) == []
    assert verdict("tfidf-vs-transformer", text, "iteration-speed") == "asserted"
