"""Issue 10: readings added after the ninth independent set's inversions and the tenth set's correct statements
called wrong were read (2026-12-04).

Each rule is tested in the set's wording's kind, in other words than the set's, and against the true
sentences of the same shape that it must leave alone.
"""

from __future__ import annotations

import pytest

from tests.written.verdicts import misconceptions as _misconceptions
from tests.written.verdicts import verdicts as _verdicts


@pytest.mark.parametrize(
    ("qid", "text", "kp_id", "verdict"),
    [
        # the point's words named, its claim then said the wrong way round in the same sentence
        ("spam-pipeline", "I'd split by time, but train on the newest mail and test on the oldest.", "temporal-split",
         "contradicted"),
        ("spam-pipeline", "We'd use a time-based split, but train on the latest month and evaluate on the earliest ones.",
         "temporal-split", "contradicted"),
        ("spam-pipeline", "I'd split by time: train on the older mail and test on the newest.", "temporal-split",
         "asserted"),
        ("spam-pipeline", "I'd split by time, training on the older mail and testing on the newer mail.",
         "temporal-split", "asserted"),
        # a direction verb with an object of its own moves the object, not its subject
        ("bias-variance", "L2 regularisation shrinks the weights towards zero, which lowers variance.", "reduce-variance",
         "asserted"),
        ("bias-variance", "Weight decay shrinks the coefficients, and that lowers variance.", "reduce-variance",
         "asserted"),
        ("bias-variance", "With more data the variance drops a lot.", "reduce-variance", "asserted"),
        # the "of" owner of a quantity a verb moves is no driver of the move
        ("bias-variance", "Bagging reduces the variance of a deep tree.", "deep-tree-variance", "unclear"),
        ("bias-variance", "Bagging cuts the variance of deep trees a lot.", "reduce-variance", "asserted"),
        ("bias-variance", "Increasing the depth of a tree raises its variance.", "deep-tree-variance", "asserted"),
        # "and nothing more" limits, it does not deny
        ("bias-variance", "A stump makes one split and nothing else, so it has high bias.", "shallow-tree-bias",
         "asserted"),
        ("bias-variance", "A depth-1 stump can make a single split and nothing more, so its error is mostly bias.",
         "shallow-tree-bias", "asserted"),
        ("bias-variance", "A stump does nothing useful.", "shallow-tree-bias", "contradicted"),
        # what a comparison is made with, past the words that describe it
        ("tfidf-vs-transformer", "Serving a transformer can cost far more compute per prediction than a sparse n-gram "
         "model.", "latency-cost", "asserted"),
        ("tfidf-vs-transformer", "A transformer costs far more to serve than a classic TF-IDF pipeline.", "latency-cost",
         "asserted"),
        ("tfidf-vs-transformer", "A transformer is cheaper to serve than a sparse TF-IDF model.", "latency-cost",
         "contradicted"),
        # a claim about inference is neither said nor denied by a clause about training
        ("batchnorm", "With a batch of one during training, the batch variance is zero and batch norm breaks down.",
         "single-example", "missing"),
        ("batchnorm", "For a layer trained with a single example per batch, the batch variance is zero.",
         "single-example", "missing"),
        ("batchnorm", "At inference a single example cannot be processed, because there is no batch.", "single-example",
         "contradicted"),
        ("batchnorm", "At inference a single example can't be processed.", "single-example", "contradicted"),
        # British spellings of the verbs of use
        ("batchnorm", "During training it normalises with the running averages.", "running-stats", "contradicted"),
        ("batchnorm", "In training mode the layer updates its running averages each step but normalises with the batch "
         "statistics.", "running-stats", "asserted"),
        # "without <doing> any" denies any such act; "without any change" says what a success did not need
        ("project-deep-dive", "I moved on without forming any theory about the odd residuals.", "debugging",
         "contradicted"),
        ("debugging-story", "I fixed the bug without any change to the data.", "specifics", "missing"),
        ("spam-pipeline", "I'd train without any future data, on mail received before the cutoff.", "temporal-split",
         "missing"),
        # a denied check that is a point's own act names that point
        ("project-deep-dive", "I never reran the evaluation to see whether the errors came down.", "fix-verified",
         "contradicted"),
        # choices, and good practice, stay what they are (an independent review's true sentences)
        ("project-deep-dive", "We skipped the usual grid search and kept the library defaults, which were fine.",
         "evaluation", "missing"),
        ("debugging-story", "I skipped the metric dashboards and looked at the raw predictions.", "specifics",
         "missing"),
        ("spam-pipeline", "I wouldn't tune any threshold on the test month.", "monitoring", "missing"),
        ("project-deep-dive", "I didn't report any score from the validation folds as the final number.", "evaluation",
         "missing"),
        ("debugging-story", "I never reran the old buggy version after fixing it; the new run replaced it.",
         "fix-verify", "asserted"),
        ("batchnorm", "At inference, a single example cannot change the statistics the layer uses.", "single-example",
         "asserted"),
        # a denial does not reach past "and"/"so" into a second predicate...
        ("debugging-story", "I skipped the GPU and trained on the CPU because the model was tiny.", "situation",
         "asserted"),
        ("debugging-story", "I skipped the full dataset and reproduced the bug on a single example.", "isolate",
         "asserted"),
        # ...but does through "or", and over a plain list of objects
        ("learning-quickly", "I never built a prototype or tried to reproduce a result to check my understanding.",
         "validated", "contradicted"),
        ("learning-quickly", "I did not read any paper, documentation or source code.", "sources", "contradicted"),
        # a leak denied is good practice: held-out data kept out of tuning, fitting and training
        ("spam-pipeline", "I'd never tune the threshold on the test set; I'd tune it on a validation month.",
         "threshold", "missing"),
        ("project-deep-dive", "I didn't tune any hyperparameters on the held-out data.", "data", "missing"),
        ("project-deep-dive", "We didn't use any labels from the test month to build the features.", "data",
         "missing"),
        ("project-deep-dive", "I never touched the held-out data before the final evaluation.", "evaluation",
         "asserted"),
        ("spam-pipeline", "I'd never retrain on the test month before scoring it.", "monitoring", "missing"),
        # the held-out data itself denied is no leak
        ("project-deep-dive", "We never built a held-out set.", "data", "contradicted"),
        # "without" before a resource says what a success did not need; before a step, that the step was skipped
        ("project-deep-dive", "We improved recall without any extra labelled data, just by fixing the split.", "data",
         "missing"),
        ("learning-quickly", "I learned it without any course, from the official documentation and the source code.",
         "sources", "missing"),
        ("learning-quickly", "I validated my understanding without any help, by matching the reference outputs.",
         "validated", "missing"),
        ("debugging-story", "I changed the loader without testing it.", "experiment", "contradicted"),
        ("learning-quickly", "I built the full recommender in one go, without any smaller stepping stones.",
         "incremental", "contradicted"),
        # a suspicion that something was never done is no step left undone
        ("debugging-story", "My guess was that we never shuffled the data before splitting.", "specifics", "missing"),
        ("debugging-story", "My suspicion was that we never reran the evaluation after the last data change.",
         "fix-verify", "missing"),
        ("debugging-story", "I never shuffled the data.", "specifics", "contradicted"),
        # what a thing cannot remedy or tell is a limit of it; "cannot be ignored" insists on it
        ("learning-rate", "A learning rate schedule cannot rescue a learning rate that diverges from the first step.",
         "schedules", "asserted"),
        ("beyond-accuracy", "ROC-AUC cannot tell you which threshold to use in production.", "auc", "asserted"),
        ("beyond-accuracy", "Class imbalance cannot be ignored when you read an accuracy number.", "class-imbalance",
         "asserted"),
        ("beyond-accuracy", "ROC-AUC cannot tell you anything useful about the model.", "auc", "contradicted"),
        # a second predicate after "and" with a verb of its own
        ("learning-quickly", "I skipped the video courses and read the original paper and the official documentation.",
         "sources", "asserted"),
        ("spam-pipeline", "I'd skip the transformer at first and start with a linear model on n-grams.",
         "features-model", "asserted"),
        # what a claim is measured against, and an owner up an "of" chain, make no claim of their own
        ("bias-variance", "Random forests reduce variance compared with a single deep tree.", "deep-tree-variance",
         "unclear"),
        ("bias-variance", "A deep tree has high variance compared with a stump.", "deep-tree-variance", "asserted"),
        ("bias-variance", "Boosting lowers the bias of an ensemble of stumps.", "shallow-tree-bias", "asserted"),
        # an adjective after an object of its own describes the object ("keeps the weights small")
        ("bias-variance", "Early stopping keeps the weights small, which reduces variance.", "reduce-variance",
         "asserted"),
        ("bias-variance", "Pruning keeps the tree small, which reduces variance.", "reduce-variance", "asserted"),
        ("bias-variance", "Boosting makes the bias of the ensemble worse, not better.", "reduce-bias", "contradicted"),
        # the trees an ensemble is built from are its material, no driver of its move
        ("bias-variance", "Bagging deep trees reduces variance.", "reduce-variance", "asserted"),
        ("bias-variance", "A random forest averages many deep trees, which lowers the variance.", "reduce-variance",
         "asserted"),
        ("bias-variance", "Gradient boosting with shallow trees lowers bias step by step.", "reduce-bias", "asserted"),
        # "compared with X, Y ..." puts the yardstick first
        ("tfidf-vs-transformer", "Compared with a transformer, TF-IDF is cheaper to serve.", "latency-cost", "asserted"),
        ("tfidf-vs-transformer", "Relative to TF-IDF, a transformer costs more per request.", "latency-cost",
         "asserted"),
        ("tfidf-vs-transformer", "Compared with TF-IDF, a transformer is cheaper to serve.", "latency-cost",
         "contradicted"),
        # "never X without Y", "never X before Y": a rule the candidate keeps
        ("spam-pipeline", "I wouldn't roll out the new model without a shadow deployment first.", "deployment",
         "missing"),
        ("debugging-story", "I never reran the training without first writing down what I expected the loss to be.",
         "situation", "missing"),
        ("debugging-story", "I never changed anything before writing down a hypothesis.", "fix-verify", "missing"),
        ("debugging-story", "I never tested the fix.", "fix-verify", "contradicted"),
        ("spam-pipeline", "I'd deploy it without any monitoring.", "monitoring", "contradicted"),
        ("project-deep-dive", "I don't remember where the data came from, and I trained and evaluated on all of it "
         "without any split.", "data", "contradicted"),
        # a step not taken yet, or tried and failed, is told on the way
        ("debugging-story", "I had not formed a hypothesis yet, so I first isolated the failing step.", "hypothesis",
         "missing"),
        ("debugging-story", "I couldn't reproduce it on my laptop, so I logged the inputs on the server and replayed "
         "them locally.", "isolate", "missing"),
        ("debugging-story", "I couldn't tell you what the symptom was - things just felt off, so I started rewriting "
         "the model.", "situation", "contradicted"),
    ],
)  # fmt: skip
def test_what_a_clause_says_of_the_point(qid: str, text: str, kp_id: str, verdict: str) -> None:
    assert _verdicts(qid, text)[kp_id] == verdict


@pytest.mark.parametrize(
    "text",
    [
        "Bagging reduces the variance of a deep tree.",
        "Pruning lowers the variance of a fully grown tree.",
        "Random forests reduce variance compared with a single deep tree.",
        "Boosting lowers the bias of an ensemble of stumps.",
        "Bagging deep trees reduces variance.",
        "Boosting shallow trees reduces bias.",
        "A random forest of deep trees has lower variance than any one of its trees.",
        "Random forests reduce variance by averaging deep, decorrelated trees.",
    ],
)
def test_a_remedy_for_a_deep_trees_variance_states_no_misconception(text: str) -> None:
    assert _misconceptions("bias-variance", text) == []


@pytest.mark.parametrize(
    ("text", "kp_id", "verdict"),
    [
        # what a hypothesis says is what was suspected, no step left undone
        ("My hypothesis was that the loss wasn't comparing what I thought it compared.", "experiment", "missing"),
        ("My suspicion was that the labels weren't aligned with the audio, so I compared a few by hand.", "experiment",
         "asserted"),
        ("My theory was that the fix had never been deployed.", "fix-verify", "missing"),
        # "no X does Y" says what nothing does, in general
        ("No learning rate fixes a loss that compares the wrong things.", "fix-verify", "missing"),
        ("No amount of tuning fixes a loss that compares the wrong tensors.", "fix-verify", "missing"),
        ("No fix held for more than a day.", "fix-verify", "contradicted"),
        ("No real fix was ever verified.", "fix-verify", "contradicted"),
        # a copied fix denied is the misconception denied, not the fix
        ("I didn't search for an error and paste a fix; there wasn't even an error message.", "fix-verify", "missing"),
    ],
)  # fmt: skip
def test_a_story_clause_that_denies_no_step(text: str, kp_id: str, verdict: str) -> None:
    assert _verdicts("debugging-story", text)[kp_id] == verdict


@pytest.mark.parametrize(
    ("text", "stated"),
    [
        ("I searched the error, pasted a fix from a forum and it worked.", True),
        ("I just copied their code and it worked.", True),
        ("I didn't just copy their code; I worked out the cause first.", False),
        ("I didn't just copy a fix from Stack Overflow; I worked out the cause first.", False),
        ("I didn't search for an error and paste a fix; there wasn't even an error message.", False),
        # a temptation, someone else's proposal, or an act put off until the cause is known, is not what was done
        ("It's tempting to copy a fix from Stack Overflow, but I wanted to understand the cause first.", False),
        ("A colleague wanted to paste a fix from an old branch, but I first wrote a test to confirm the cause.", False),
        ("I don't paste a fix in until I can explain the cause.", False),
        # a verified fix that "started working" is no luck
        ("Once I fixed the mask, it started working, and the validation loss fell from 2.1 to 0.7.", False),
    ],
)
def test_a_copied_fix_is_the_googled_it_misconception_and_not_just_copying_denies_it(text: str, stated: bool) -> None:
    assert ("googled-it" in _misconceptions("debugging-story", text)) is stated


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("Precision here means the fraction of all spam that the filter catches.", "contradicted"),
        ("Precision is the fraction of the actual spam we catch.", "contradicted"),
        ("Recall is the share of mail flagged as spam that really is spam.", "contradicted"),
        ("Precision here means the share of flagged mail that is really spam.", "asserted"),
        ("Recall is the fraction of all the spam that the filter catches.", "asserted"),
    ],
)
def test_the_spam_pipelines_precision_and_recall_swapped_contradict_its_evaluation(text: str, verdict: str) -> None:
    assert _verdicts("spam-pipeline", text)["evaluation"] == verdict


def test_a_denied_leak_still_denies_the_misconception_of_tuning_on_the_test_set() -> None:
    text = "We did not tune any hyperparameters on the test set; we used a validation split."
    assert _misconceptions("project-deep-dive", text) == []
    assert "tuned-on-test" in _misconceptions("project-deep-dive", "We tuned the hyperparameters on the test set.")
