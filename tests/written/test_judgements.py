"""Issue 10: what a judgement after a point ("is a waste of time", "isn't a differentiator", "wouldn't tell me
anything ...") is of, and what a denial before it reaches.

The inversions are of the kinds the eighth independent set missed when it was read (2026-12-03, third
session); each is written here in other words as well, so a rule is tested, not a sentence. The true
sentences were written to probe each rule and the pre-existing errors the probing found: a judgement of the
noun a relative clause describes ("a model that always predicts the majority class is useless"), of a
causative verb's object ("makes a daily retrain unnecessary"), and a denial that does not reach into a
relative clause without "that" ("won't tell you anything a confusion matrix doesn't").
"""

from __future__ import annotations

import pytest

from tests.written.verdicts import misconceptions as _misconceptions
from tests.written.verdicts import verdicts as _verdicts


@pytest.mark.parametrize(
    ("qid", "text", "kp_id"),
    [
        # a judgement a dozen words after a gerund subject still judges it
        (
            "debugging-story",
            "Testing the idea on a handful of clips seemed like a waste of time, so I went with my gut.",
            "experiment",
        ),
        (
            "debugging-story",
            "Testing my hunch against a few of the failing recordings first always struck me as pointless.",
            "experiment",
        ),
        # "no differentiator": the thing is judged not to count, like "not a real factor"
        ("tfidf-vs-transformer", "Serving cost isn't a differentiator between the two.", "latency-cost"),
        # "anything the accuracy figure doesn't": the second denial is the relative clause's own
        (
            "beyond-accuracy",
            "A confusion matrix wouldn't tell me anything the accuracy figure doesn't already.",
            "confusion-matrix",
        ),
        ("beyond-accuracy", "The confusion matrix won't show you anything the accuracy doesn't.", "confusion-matrix"),
        # "settled on" is a choice: never settling on one is not choosing it
        (
            "project-deep-dive",
            "We never settled on a metric, and the model looked fine on the training images.",
            "evaluation",
        ),
    ],
)
def test_a_judged_or_denied_point_is_contradicted(qid: str, text: str, kp_id: str) -> None:
    assert _verdicts(qid, text)[kp_id] == "contradicted"


@pytest.mark.parametrize(
    ("qid", "text", "kp_id"),
    [
        # the judgement is of the model the relative clause describes, not of the majority class
        (
            "beyond-accuracy",
            "A model that always predicts the majority class is useless, but it still scores 95%.",
            "class-imbalance",
        ),
        # the denial is of what accuracy tells; the confusion matrix is the relative clause's subject
        ("beyond-accuracy", "Accuracy won't tell you anything a confusion matrix doesn't.", "confusion-matrix"),
        # "makes X unnecessary", "made X pointless", "showed that X was unnecessary" judge X
        (
            "spam-pipeline",
            "Monitoring precision and recall on fresh mail every week makes a full retrain from scratch every day "
            "unnecessary.",
            "monitoring",
        ),
        (
            "debugging-story",
            "I tested my guess on twenty clips, which showed the resampling bug and made further guessing pointless.",
            "experiment",
        ),
        # "a useless model": an adjective between a determiner and its noun describes the noun
        ("beyond-accuracy", "Class imbalance can give you 95% accuracy with a useless model.", "class-imbalance"),
        # "there wasn't anything I didn't know": the existential denial reaches the relative clause
        ("learning-quickly", "There was plenty I didn't know, so I listed the gaps before reading anything.", "gap"),
        # "didn't settle for the first fix" is still a stop denied
        (
            "project-deep-dive",
            "I didn't settle for the first fix; I reran the evaluation on the new split.",
            "fix-verified",
        ),
    ],
)
def test_a_true_sentence_with_a_judgement_of_something_else_earns_its_point(qid: str, text: str, kp_id: str) -> None:
    verdicts = _verdicts(qid, text)
    assert "contradicted" not in verdicts.values()
    assert _misconceptions(qid, text) == []
    assert verdicts[kp_id] == "asserted"


def test_a_denial_of_having_no_gap_in_a_relative_clause_is_still_read() -> None:
    # "there wasn't anything I didn't know" claims no gap: it must not earn the gap point
    assert _verdicts("learning-quickly", "There wasn't anything I didn't already know.")["gap"] != "asserted"


# Correct statements of the eighth and ninth sets that were called wrong (the ninth: read for these alone), each
# with a variant in other words, and the rule that reads it.
@pytest.mark.parametrize(
    ("qid", "text"),
    [
        # "the same input gives the same output" is determinism, not "the same in both phases"
        (
            "batchnorm",
            "Unlike in training mode, eval-mode BN is deterministic: the same input always gives the same output.",
        ),
        ("batchnorm", "In eval mode, which differs from training, the same example always gets the same prediction."),
        # "a small rise in bias": the size of a move is no move
        ("bias-variance", "Pruning a deep tree trades a small rise in bias for a big fall in variance."),
        ("bias-variance", "Regularization buys a large drop in variance for a slight increase in bias."),
        # "stops converging" does not converge
        ("learning-rate", "A larger rate is quicker right up until it crosses the point where it stops converging."),
        # "from the high-variance end toward the middle": away from high variance
        (
            "bias-variance",
            "Capping max depth moves the tree from the high-variance end toward the middle of the tradeoff.",
        ),
        ("bias-variance", "Pruning moves a tree away from high variance."),
        # "what it was meant for" is no outcome denied
        ("learning-quickly", "It wasn't meant for shipping; the prototype was there to prove the alignment worked."),
        # "drops ... and then shoots upward": the loss moves both ways, so neither is denied
        (
            "learning-rate",
            "If the loss drops for a handful of iterations and then shoots upward, a too-high rate is my first suspect.",
        ),
        # "even with X," concedes X: it is not the subject of the main clause
        (
            "learning-rate",
            "Even with an adaptive optimiser, the global learning rate is a hyperparameter worth sweeping.",
        ),
        # a denied worth of the skipping ("isn't a time saver") defends the baseline
        (
            "tfidf-vs-transformer",
            "Skipping the baseline isn't a time saver: it tells you whether the transformer is worth it.",
        ),
        (
            "tfidf-vs-transformer",
            "Interpretability is not an advantage of the transformer; TF-IDF weights can be read.",
        ),
    ],
)
def test_a_correct_statement_of_these_shapes_is_not_called_wrong(qid: str, text: str) -> None:
    assert "contradicted" not in _verdicts(qid, text).values()
    assert _misconceptions(qid, text) == []


def test_a_trade_of_bias_for_variance_earns_both_depth_points() -> None:
    verdicts = _verdicts("bias-variance", "Pruning a deep tree trades a small rise in bias for a big fall in variance.")
    assert verdicts["reduce-variance"] == "asserted"
    assert verdicts["deep-tree-variance"] == "asserted"


def test_skipping_the_baseline_judged_no_time_saver_earns_the_baseline_point() -> None:
    text = "Skipping the baseline is not a time saver."
    assert _verdicts("tfidf-vs-transformer", text)["baseline-first"] == "asserted"


@pytest.mark.parametrize(
    ("qid", "text", "kp_id"),
    [
        # a quantity said not to move denies the claim that it moves
        ("bias-variance", "Growing a tree out to full depth leaves its variance unchanged.", "deep-tree-variance"),
        (
            "bias-variance",
            "Averaging many bootstrapped trees leaves their variance exactly where it was.",
            "reduce-variance",
        ),
        ("bias-variance", "Making the tree deeper, the variance stays the same.", "deep-tree-variance"),
        # "just as well as a transformer": the transformer is the yardstick, and TF-IDF is said to read word order
        (
            "tfidf-vs-transformer",
            "TF-IDF captures word order and context just as well as a transformer.",
            "transformer-wins",
        ),
    ],
)
def test_no_move_and_an_equal_comparison_contradict_the_point(qid: str, text: str, kp_id: str) -> None:
    assert _verdicts(qid, text)[kp_id] == "contradicted"


@pytest.mark.parametrize(
    ("qid", "text"),
    [
        # what stays unchanged is another quantity than the one the claim moves
        ("bias-variance", "Bagging reduces variance and leaves bias roughly unchanged."),
        ("bias-variance", "Adding more data lowers variance; the bias stays where it was."),
        ("bias-variance", "Regularization leaves bias nearly unchanged but lowers variance a lot."),
        # an equality with something else, or a denied equality
        (
            "tfidf-vs-transformer",
            "A transformer captures word order about as well as a human reader, which TF-IDF cannot.",
        ),
        ("tfidf-vs-transformer", "Fine-tuned BERT reads word order, and TF-IDF does not capture it as well as BERT."),
    ],
)
def test_a_true_sentence_with_no_move_or_an_equality_is_not_called_wrong(qid: str, text: str) -> None:
    assert "contradicted" not in _verdicts(qid, text).values()
    assert _misconceptions(qid, text) == []


@pytest.mark.parametrize(
    "text",
    [
        # each term given the other's definition (the precision-recall point's `defines`)
        "Precision is the share of actual positives that the model manages to catch.",
        "Recall is the fraction of the model's positive predictions that turn out to be correct.",
        "Precision is TP / (TP + FN).",
        "Recall tells you what fraction of the flagged cases were real.",
    ],
)
def test_precision_and_recall_swapped_contradict_the_point(text: str) -> None:
    assert _verdicts("beyond-accuracy", text)["precision-recall"] == "contradicted"


@pytest.mark.parametrize(
    "text",
    [
        "Precision is the share of flagged cases that are real positives; recall is the share of real positives we caught.",
        "Recall is more important than precision when a missed fraud costs more than a false alarm.",
        "Recall is the true positive rate: of all actual positives, the share predicted positive.",
        "Precision is high if few of the flagged cases are wrong, even if we miss many real positives.",
        "Precision is not the share of actual positives we catch; that is recall.",
    ],
)
def test_precision_and_recall_defined_the_right_way_earn_the_point(text: str) -> None:
    verdicts = _verdicts("beyond-accuracy", text)
    assert "contradicted" not in verdicts.values()
    assert verdicts["precision-recall"] == "asserted"


@pytest.mark.parametrize(
    "text",
    [
        "I'd train on the newest emails and test on the oldest ones.",
        "I'd use the most recent months for training and the older mail for testing.",
    ],
)
def test_a_split_by_time_the_wrong_way_round_contradicts_the_temporal_split(text: str) -> None:
    assert _verdicts("spam-pipeline", text)["temporal-split"] == "contradicted"


@pytest.mark.parametrize(
    "text",
    [
        "Train on the older months and test on the most recent one.",
        "Use the older mail for training and the latest month for testing.",
        # a warning of the wrong way round, supposed or with its harm named, is no plan to do it
        "If you train on newer mail and test on older mail, you leak the future into training.",
        "Training on recent emails and testing on old ones would leak future spam campaigns into the model.",
        "Never train on the newest mail and evaluate on the oldest.",
    ],
)
def test_a_split_by_time_the_right_way_round_or_a_warning_is_not_called_wrong(text: str) -> None:
    verdicts = _verdicts("spam-pipeline", text)
    assert verdicts["temporal-split"] != "contradicted"
    assert _misconceptions("spam-pipeline", text) == []


def test_a_plan_question_with_a_claim_still_reads_denied_steps() -> None:
    # spam-pipeline now holds a claim; as a design plan it is still read like a story
    text = "Once the model is trained it gets pushed to every mail server; versioning and a rollout aren't needed."
    assert _verdicts("spam-pipeline", text)["deployment"] == "contradicted"


@pytest.mark.parametrize(
    "text",
    [
        "Cosine annealing gradually pushes the learning rate up, so the final epochs take the largest steps.",
        "Step decay raises the learning rate every thirty epochs.",
    ],
)
def test_a_decay_schedule_said_to_raise_the_rate_contradicts_the_point(text: str) -> None:
    assert _verdicts("learning-rate", text)["schedules"] == "contradicted"


@pytest.mark.parametrize(
    "text",
    [
        "Cosine annealing lowers the learning rate smoothly to near zero.",
        "Step decay cuts the learning rate by 10x every 30 epochs.",
        # warmup and restarts raise the rate on purpose
        "Cosine annealing with warm restarts raises the learning rate back up every few epochs.",
        "Warmup raises the learning rate over the first thousand steps, then cosine decay brings it down.",
        # the words of a phrase on both sides of a denied verb are no phrase ("decay the learning rate")
        "Weight decay does not change the learning rate.",
    ],
)
def test_a_schedule_read_the_right_way_is_not_called_wrong(text: str) -> None:
    assert "contradicted" not in _verdicts("learning-rate", text).values()
    assert _misconceptions("learning-rate", text) == []


@pytest.mark.parametrize(
    "text",
    [
        "ROC-AUC is measured at one fixed threshold, so it has the same blind spots as accuracy.",
        "AUC depends on the decision threshold, so you can only compare models once you've picked one.",
    ],
)
def test_auc_said_to_hang_on_one_threshold_contradicts_the_point(text: str) -> None:
    assert _verdicts("beyond-accuracy", text)["auc"] == "contradicted"


@pytest.mark.parametrize(
    "text",
    [
        "ROC-AUC summarises ranking quality across every threshold.",
        # the single threshold is recall's, in a list or a contrast
        "I'd report ROC-AUC, plus recall at a fixed threshold for the operating point.",
        "ROC-AUC and recall at a fixed threshold tell different stories.",
        "Accuracy is read at a single threshold, while ROC-AUC covers all thresholds.",
        "AUC doesn't depend on the threshold, unlike precision and recall.",
        "PR-AUC is threshold-free, which makes it good for comparing models before picking a cutoff.",
    ],
)
def test_auc_read_the_right_way_is_not_called_wrong(text: str) -> None:
    verdicts = _verdicts("beyond-accuracy", text)
    assert "contradicted" not in verdicts.values()
    assert verdicts["auc"] == "asserted"


@pytest.mark.parametrize(
    "text",
    [
        "The running averages collected during training are thrown away; inference never uses them.",
        "The running averages are only kept for logging; nothing reads them.",
    ],
)
def test_running_averages_thrown_away_or_kept_for_show_contradict_the_point(text: str) -> None:
    assert _verdicts("batchnorm", text)["running-stats"] == "contradicted"


@pytest.mark.parametrize(
    "text",
    [
        "The running averages are used at inference; the batch statistics are thrown away after each step.",
        "In training the running averages are only updated, for use at inference.",
    ],
)
def test_what_else_is_thrown_away_or_only_updated_is_not_called_wrong(text: str) -> None:
    verdicts = _verdicts("batchnorm", text)
    assert "contradicted" not in verdicts.values()
    assert verdicts["running-stats"] == "asserted"


# True sentences an independent review (2026-12-03) found today's rules calling wrong, each now read right.
@pytest.mark.parametrize(
    ("qid", "text"),
    [
        # "leaves X redundant" judges X
        (
            "tfidf-vs-transformer",
            "A TF-IDF baseline trained in minutes often leaves a big fine-tuned transformer redundant for this task.",
        ),
        # a lone word set aside ("the baseline was discarded") is no point denied
        (
            "project-deep-dive",
            "I measured macro F1 on held-out data, and the tutorial baseline we started from was discarded.",
        ),
        # "not a shortcut to ..." and "not a benefit over X" do not deny the thing or X
        (
            "learning-rate",
            "An LR finder is not a shortcut to a final learning rate, only a starting point for the sweep.",
        ),
        (
            "batchnorm",
            "Running averages are not a shortcut: they are the only way a single example can be processed at inference.",
        ),
        # "stops" bound as a direction word is not flipped twice
        ("learning-rate", "A too large learning rate stops converging."),
        (
            "learning-rate",
            "Once the learning rate is too large, gradient descent stops converging and the loss diverges.",
        ),
        ("bias-variance", "Limiting max_depth stops overfitting, which is a way to reduce variance."),
        # "unchanged" beside a quantity that moves describes a regime, not a denial
        (
            "bias-variance",
            "Beyond a moderate depth, making the tree deeper leaves bias essentially unchanged and only increases variance.",
        ),
        (
            "bias-variance",
            "Once the tree is deep enough, bias stays roughly the same while variance keeps climbing with depth.",
        ),
        # a rate counts among what follows "of": flagged, detected or found cases are precision's, in any words
        ("beyond-accuracy", "Precision is the fraction of detected cases that are actually fraud."),
        ("beyond-accuracy", "Recall is the fraction of real fraud cases that the model flags."),
        ("beyond-accuracy", "Precision is blind to false negatives, which is why I always report recall next to it."),
        (
            "beyond-accuracy",
            "Recall is indifferent to false positives: a model that flags everything has perfect recall.",
        ),
        # one side of a split is no split: retraining on recent mail is a plan, not a swapped evaluation
        ("spam-pipeline", "Spammers adapt, so every month I'd train on the latest three months of mail and redeploy."),
        (
            "spam-pipeline",
            "After launch I would retrain weekly and train on the most recent mail, because spam drifts.",
        ),
        # the swapped split described as what goes wrong
        (
            "spam-pipeline",
            "A random split mixes the months, so you end up training on newer mail and testing on older mail.",
        ),
        (
            "spam-pipeline",
            "Training on the newest emails and testing on the oldest would overstate how well the filter works.",
        ),
        # restarts and cyclical schedules raise the rate on purpose; a denied manner; a cure
        (
            "learning-rate",
            "With restarts, cosine annealing increases the learning rate again at the start of every cycle.",
        ),
        ("learning-rate", "Step decay doesn't lower the learning rate smoothly but in sudden drops."),
        ("learning-rate", "A cyclical learning rate goes up and down between two bounds instead of decaying."),
        (
            "learning-rate",
            "Rather than decaying, a cyclical schedule raises and lowers the learning rate periodically.",
        ),
        ("learning-rate", "Decay alone does not fix a learning rate that is too large at the start."),
        # "without X" opening a sentence of fact is a condition; "is not a <kind>" says what the subject is not
        ("learning-rate", "Without a schedule the learning rate stays constant for the whole run."),
        ("learning-rate", "Weight decay is not a learning-rate schedule: it shrinks the weights."),
        ("learning-rate", "A decay schedule does not help if the initial rate already makes the loss diverge."),
        ("learning-rate", "Decaying the learning rate won't rescue a run that has already diverged to NaN."),
    ],
)
def test_a_true_sentence_the_review_found_is_not_called_wrong(qid: str, text: str) -> None:
    assert "contradicted" not in _verdicts(qid, text).values()
    assert _misconceptions(qid, text) == []


@pytest.mark.parametrize(
    ("qid", "text", "kp_id"),
    [
        # after a copula, "a useless detour" judges the subject
        ("tfidf-vs-transformer", "Building a TF-IDF baseline first is a useless detour.", "baseline-first"),
        # a harm the plan means to prevent ("to avoid any leakage") is no warning against the plan
        (
            "spam-pipeline",
            "To avoid any leakage, I'd train on the newest mail and test on the oldest.",
            "temporal-split",
        ),
    ],
)
def test_an_inversion_the_review_found_credited_is_contradicted(qid: str, text: str, kp_id: str) -> None:
    assert _verdicts(qid, text)[kp_id] == "contradicted"


@pytest.mark.parametrize(
    ("qid", "text"),
    [
        # a gerund subject judged a mistake states no misconception; what its inner clause says is its setting
        (
            "batchnorm",
            "Using the batch statistics at inference, as some hand-written implementations do, is a mistake.",
        ),
        ("spam-pipeline", "Shuffling all the emails and splitting at random when mail arrives over time is a mistake."),
        (
            "tfidf-vs-transformer",
            "Saying you should always use a transformer, whatever the data size or the latency budget, is a mistake.",
        ),
        (
            "beyond-accuracy",
            "Reporting accuracy alone on a dataset where 95% of the rows are negatives is a classic mistake.",
        ),
        # an absolute phrase ("with the extra accuracy often irrelevant") judges its own noun
        (
            "tfidf-vs-transformer",
            "A transformer is more expensive to serve than TF-IDF on a CPU, with the extra accuracy often irrelevant.",
        ),
    ],
)
def test_a_judged_gerund_subject_or_an_absolute_phrase_is_not_called_wrong(qid: str, text: str) -> None:
    assert "contradicted" not in _verdicts(qid, text).values()
    assert _misconceptions(qid, text) == []


def test_a_gerund_subject_judged_a_mistake_denies_its_own_act() -> None:
    # the act judged is the misconception's, so the misconception is denied, and the truth it hides is not lost
    text = "Using the batch statistics at inference is a mistake."
    assert _misconceptions("batchnorm", text) == []
    assert _verdicts("batchnorm", text)["running-stats"] != "contradicted"


@pytest.mark.parametrize(
    ("qid", "text", "kp_id"),
    [
        # what a verb of preventing keeps "from" happening does not happen
        ("bias-variance", "Pruning stops the tree from growing deeper, which reduces variance.", "reduce-variance"),
        ("bias-variance", "Regularization keeps the model from overfitting.", "reduce-variance"),
        # "a large reduction in variance" is variance brought down
        (
            "bias-variance",
            "Regularization gives a slight increase in bias in exchange for a large reduction in variance.",
            "reduce-variance",
        ),
        # "lowers it": the object pronoun is the quantity named before
        (
            "learning-rate",
            "Without a schedule the learning rate stays constant for the whole run; cosine annealing lowers it towards zero.",
            "schedules",
        ),
    ],
)
def test_prevented_moves_nouns_of_moving_and_object_pronouns_earn_the_point(qid: str, text: str, kp_id: str) -> None:
    verdicts = _verdicts(qid, text)
    assert "contradicted" not in verdicts.values()
    assert _misconceptions(qid, text) == []
    assert verdicts[kp_id] == "asserted"


@pytest.mark.parametrize(
    ("qid", "text"),
    [
        # what is prevented says nothing of which way the subject moves it
        (
            "learning-rate",
            "Gradient clipping prevents the loss from exploding, but it does not fix a learning rate that is too large.",
        ),
        (
            "learning-rate",
            "Clipping the gradients stops the loss from exploding, but the learning rate is still too large.",
        ),
        # "cuts it": the sentence's topic, not the last quantity named
        (
            "learning-rate",
            "Reduce on plateau keeps the learning rate unchanged until the validation loss plateaus, then cuts it by 10x.",
        ),
        # an act judged a mistake in one case only denies no point
        ("bias-variance", "Adding capacity when you are already overfitting is a mistake."),
        # "a larger one" repeats the subject the clause before opened with
        ("bias-variance", "A shallow tree has high bias; a larger one has lower bias but higher variance."),
    ],
)
def test_a_true_sentence_the_second_review_found_is_not_called_wrong(qid: str, text: str) -> None:
    assert "contradicted" not in _verdicts(qid, text).values()
    assert _misconceptions(qid, text) == []


def test_a_misconception_judged_a_mistake_in_a_case_is_not_stated() -> None:
    text = "Shuffling all the emails and splitting at random when mail arrives over time is a mistake."
    assert _misconceptions("spam-pipeline", text) == []
