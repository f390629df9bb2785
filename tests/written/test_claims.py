"""Issue 10: the grader judges what each clause asserts. Each test failed on the word-matching grader."""

from __future__ import annotations

from pathlib import Path

from interview_prep.bank import load_bank
from interview_prep.grading.report import GradeReport
from interview_prep.grading.written import grade_written
from interview_prep.models import KeyPoint, Misconception

from .test_written_grader import make_question

TEXTBOOK = (
    "Bias is error from wrong assumptions, a model too simple that underfits. Variance is error from "
    "sensitivity to the training set, a model too complex that overfits. Regularization reduces variance; "
    "adding features or a bigger model reduces bias. A deeper decision tree has lower bias but higher "
    "variance. Bagging also reduces variance."
)


def grade(qid: str, text: str) -> GradeReport:
    return grade_written(load_bank().get(qid), text)


def verdicts(report: GradeReport) -> dict[str, str]:
    return {kp["id"]: kp["verdict"] for kp in report.extra["key_points"]}


def test_the_textbook_bias_variance_answer_passes_and_nothing_is_wrong() -> None:
    report = grade("bias-variance", TEXTBOOK)
    assert report.passed and report.score >= 90
    assert report.extra["misconceptions"] == [] and report.extra["contradictions"] == []
    v = verdicts(report)
    assert v["variance-definition"] == v["deep-tree-variance"] == "asserted"
    flat = " ".join(TEXTBOOK.split())
    for kp in report.extra["key_points"]:
        if kp["verdict"] == "asserted":
            assert kp["quote"].removesuffix("...") in flat


def test_increasing_depth_reduces_bias_and_increases_variance_is_not_wrong() -> None:
    report = grade("bias-variance", "Increasing depth reduces bias and increases variance.")
    assert report.extra["misconceptions"] == []
    assert verdicts(report)["deep-tree-variance"] == "asserted"


def test_direction_words_bind_to_their_own_noun() -> None:
    wrong = grade("bias-variance", "A deeper decision tree has higher bias but lower variance.")
    assert "depth-reduces-variance" in {m["id"] for m in wrong.extra["misconceptions"]}
    right = grade("bias-variance", "A deeper decision tree has lower bias but higher variance.")
    assert right.extra["misconceptions"] == []


def test_swapped_definitions_fail_with_the_contradictions_quoted() -> None:
    text = (
        "Variance is error from wrong assumptions in a model too simple to capture the pattern. "
        "Bias is error from sensitivity to the training data, the model fits the noise. "
        "Regularization reduces bias, and bagging reduces variance. A deeper tree has higher variance."
    )
    report = grade("bias-variance", text)
    assert not report.passed
    v = verdicts(report)
    assert v["bias-definition"] == "contradicted" and v["variance-definition"] == "contradicted"
    quotes = {c["id"]: c["quote"] for c in report.extra["contradictions"]}
    assert quotes["bias-definition"].startswith("Variance is error from wrong assumptions")
    assert "regularization-reduces-bias" in {m["id"] for m in report.extra["misconceptions"]}


def test_denying_a_misconception_is_not_reported_as_it() -> None:
    report = grade("learning-rate", "Adam does not remove the need to tune the learning rate.")
    assert report.extra["misconceptions"] == []
    assert report.extra["denied_misconceptions"][0]["id"] == "adam-needs-no-tuning"


FLUENT_WRONG_BN = (
    "Batch norm normalizes each activation with per-example statistics: every example is normalized with its "
    "own mean and variance, then scaled by gamma and shifted by beta. No gradient flows through the mean and "
    "variance, so the examples never interact. The running averages are stored in the layer but never "
    "affect predictions. Batch norm is easiest to understand if you follow one example through it."
)


def test_a_fluent_wrong_batchnorm_answer_fails_and_the_denial_earns_nothing() -> None:
    report = grade("batchnorm", FLUENT_WRONG_BN)
    assert not report.passed
    kp = {k["id"]: k for k in report.extra["key_points"]}
    assert kp["running-stats"]["verdict"] != "asserted"
    assert kp["backward-coupling"]["verdict"] != "asserted"
    blind = Path(__file__).parent / "blind" / "batchnorm-fluent-but-wrong.md"
    assert not grade("batchnorm", blind.read_text(encoding="utf-8")).passed


def test_contradicting_a_core_point_fails_whatever_else_is_covered() -> None:
    core = KeyPoint(
        "core",
        "Deep trees overfit.",
        2,
        ("fully grown tree",),
        claims=("deeper trees have higher variance",),
        core=True,
    )
    other = KeyPoint("other", "Bagging.", 1, ("bagging helps",))
    question = make_question([core, other, KeyPoint("third", "Pruning.", 1, ("pruning helps",))], pass_mark=40)
    report = grade_written(question, "Bagging helps a lot. Pruning helps too. Deeper trees have lower variance.")
    assert report.score >= 40 and not report.passed
    assert report.extra["key_points"][0]["verdict"] == "contradicted"


def test_a_negated_if_clause_does_not_negate_its_main_clause() -> None:
    point = KeyPoint("default", "The compiler provides a default constructor.", 1, ("compiler provides one",))
    report = grade_written(make_question([point]), "If no constructor is provided, the compiler provides one.")
    assert report.checks[0].status.value == "pass"


def test_apostrophe_less_negations_deny() -> None:
    point = KeyPoint("r", "Regularization reduces variance.", 1, ("reduces variance",))
    report = grade_written(make_question([point]), "Regularization doesnt reduce variance in any model.")
    assert report.extra["key_points"][0]["verdict"] == "contradicted"


def test_a_misconception_stated_as_a_claim_is_wrong_only_when_asserted() -> None:
    mc = Misconception("m", "Deep trees have low variance.", ("deeper trees have lower variance",), 10)
    question = make_question([KeyPoint("k", "x", 1, ("bagging helps",))], [mc])
    said = grade_written(question, "Deeper trees have lower variance than shallow ones.")
    denied = grade_written(question, "It is not true that deeper trees have lower variance.")
    assert said.extra["misconceptions"] and not denied.extra["misconceptions"]


def test_learning_rate_imbalance_and_word_order_are_concepts_with_directions() -> None:
    from interview_prep.grading.written.grader import compile_claim

    assert compile_claim("a too large learning rate makes the loss diverge") == (
        ("learning-rate", 1),
        ("divergence", 1),
    )
    # converging is the opposite of diverging; accuracy is what the claim is about (an anchor, no direction)
    assert compile_claim("a small learning rate converges slowly") == (
        ("learning-rate", -1),
        ("divergence", -1),
        ("speed", -1),
    )
    assert compile_claim("class imbalance makes accuracy misleading") == (
        ("imbalance", 1),
        ("accuracy", 0),
        ("misleading", 1),
    )
    assert compile_claim("on balanced data accuracy is informative") == (
        ("imbalance", -1),
        ("accuracy", 0),
        ("misleading", -1),
    )
    assert compile_claim("TF-IDF ignores word order") == (("bag-of-words", 1), ("word-order", -1))
    assert compile_claim("transformers capture word order") == (("transformer", 1), ("word-order", 1))


def test_a_direction_word_after_an_action_moves_what_follows() -> None:
    # Was: "reduces" bound to "dropout" before it, so "dropout reduces the variance" said nothing of variance.
    from interview_prep.grading.written.grader import compile_claim

    assert compile_claim("dropout reduces the variance") == (("regularization", 1), ("variance", -1))
    assert compile_claim("TF-IDF ignores the order of the words") == (("bag-of-words", 1), ("word-order", -1))


def test_the_new_claims_are_read_the_right_way_round() -> None:
    right = grade("beyond-accuracy", "With imbalanced classes, accuracy is misleading, so I would not trust the 95%.")
    assert verdicts(right)["class-imbalance"] == "asserted"
    point = KeyPoint("order", "TF-IDF ignores word order.", 1, (), claims=("a bag of words model ignores word order",))
    question = make_question([point])
    said = grade_written(question, "A transformer helps here because TF-IDF ignores the word order entirely.")
    denied = grade_written(question, "A transformer is not needed since TF-IDF already captures the word order.")
    assert said.extra["key_points"][0]["verdict"] == "asserted"
    assert denied.extra["key_points"][0]["verdict"] == "contradicted"
