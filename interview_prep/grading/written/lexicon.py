"""The words claims are read with: each concept's surface terms and the direction each carries, the
generic direction words ("higher", "reduces") and the words that deny what follows them.

A "quantity" needs a direction word to say anything; an "action" is something done (applied = +1);
a "category" is one of two opposite values its terms carry (training or inference); an "anchor" is
named by a claim without a direction. See claims.py for how they are read.
"""

from __future__ import annotations

# concept -> (kind, {surface term: inherent direction}). A "quantity" needs a direction word to
# say anything; an "action" is something done (applied = +1). Surface terms may be several words.
CONCEPTS: dict[str, tuple[str, dict[str, int]]] = {
    "depth": (
        "quantity",
        {
            "depth": 0,
            "deep": 1,
            "deeper": 1,
            "deepest": 1,
            "fully grown": 1,
            "full depth": 1,
            "all the way out": 1,
            "unpruned": 1,
            "shallow": -1,
            "shallower": -1,
            "stump": -1,
            "depth one": -1,
            "depth two": -1,
            "one split": -1,
            "single split": -1,
        },
    ),
    "capacity": (
        "quantity",
        {
            "capacity": 0,
            "complexity": 0,
            "model size": 0,
            "number of parameters": 0,
            "complex": 1,
            "flexible": 1,
            "expressive": 1,
            "bigger model": 1,
            "larger model": 1,
            "more parameters": 1,
            "more layers": 1,
            "more features": 1,
            "features": 0,
            "simple": -1,
            "simpler": -1,
            "smaller model": -1,
        },
    ),
    "variance": ("quantity", {"variance": 0, "overfit": 1, "overfits": 1, "overfitting": 1, "memorizes": 1}),
    "bias": ("quantity", {"bias": 0, "underfit": 1, "underfits": 1, "underfitting": 1}),
    "regularization": (
        "action",
        {
            "regularization": 1,
            "regularize": 1,
            "dropout": 1,
            "weight decay": 1,
            "l2 penalty": 1,
            "penalty": 1,
            "weight penalty": 1,
            "pruning": 1,
            "prune": 1,
            "early stopping": 1,
        },
    ),
    "ensemble": ("action", {"bagging": 1, "random forest": 1, "ensemble": 1, "averaging": 1}),
    "boosting": ("action", {"boosting": 1}),
    "data": ("quantity", {"training data": 0, "more data": 1, "more training data": 1}),
    "learning-rate": ("quantity", {"learning rate": 0, "step size": 0}),
    # Schedules that bring the rate down over a run. Warmup and restarts raise it on purpose, so they are a
    # concept of their own that takes their words ("cosine annealing with warm restarts").
    "decay-schedule": (
        "action",
        {
            "cosine annealing": 1,
            "cosine decay": 1,
            "cosine schedule": 1,
            "step decay": 1,
            "exponential decay": 1,
            "linear decay": 1,
            "annealing": 1,
            "decay": 1,
            "decaying": 1,
            "reduce on plateau": 1,
        },
    ),
    "rising-schedule": (
        "action",
        {
            "cosine annealing with warm restarts": 1,
            "cosine annealing with restarts": 1,
            "warm restarts": 1,
            "warm restart": 1,
            "restarts": 1,
            "warmup": 1,
            "warm up": 1,
            "one cycle": 1,
            "cyclical": 1,
            "cyclic": 1,
        },
    ),
    "divergence": (
        "quantity",
        {
            "diverge": 1,
            "diverges": 1,
            "oscillate": 1,
            "oscillates": 1,
            "explodes": 1,
            "unstable": 1,
            "instability": 1,
            # the opposite: a loss that settles
            "stable": -1,
            "settle": -1,
            "settles": -1,
            "stably": -1,
            "converge": -1,
            "converges": -1,
            "converging": -1,
        },
    ),
    # Where a step lands: past the minimum (+1) or short of it (-1).
    "overshoot": (
        "quantity",
        {
            "overshoot": 1,
            "overshoots": 1,
            "overshooting": 1,
            "overshot": 1,
            "jumps past": 1,
            "jump past": 1,
            "steps over": 1,
            "stepping over": 1,
            "step over": 1,
            "falls short": -1,
            "fall short": -1,
            "stops short": -1,
            "undershoot": -1,
            "undershoots": -1,
        },
    ),
    "speed": (
        "quantity",
        {
            "speed": 0,
            "fast": 1,
            "faster": 1,
            "quick": 1,
            "quicker": 1,
            "quickly": 1,
            "slow": -1,
            "slower": -1,
            "slowly": -1,
            "takes longer": -1,
            "take longer": -1,
            "took longer": -1,
        },
    ),
    # What a model costs to serve: "a transformer needs a GPU and adds latency".
    "serving-cost": (
        "quantity",
        {"latency": 0, "cost": 0, "costs": 0, "expensive": 1, "costly": 1, "costlier": 1, "cheap": -1, "cheaper": -1},
    ),
    "interpretability": (
        "quantity",
        {
            # one stem, "interpret", for interpretable and interpretability: only whole phrases carry a direction
            "interpretability": 0,
            "easy to interpret": 1,
            "easier to interpret": 1,
            "easy to debug": 1,
            "easier to debug": 1,
            "hard to interpret": -1,
            "harder to interpret": -1,
            "hard to debug": -1,
            "harder to debug": -1,
            "black box": -1,
            "opaque": -1,
        },
    ),
    "loss": ("quantity", {"loss": 0, "training loss": 0, "validation loss": 0}),
    # How well a model fits the data it was trained on (not the loss curve of a run: "training loss" is that).
    "training-error": (
        "quantity",
        {"training error": 0, "train error": 0, "training set error": 0, "error on the training set": 0},
    ),
    # Class imbalance is a condition: naming it says it is there; "balanced" says it is not.
    "imbalance": ("quantity", {"imbalance": 1, "imbalanced": 1, "skewed": 1, "balanced": -1}),
    # What a metric is worth: "accuracy is misleading" is its misleadingness up.
    "misleading": (
        "quantity",
        {
            "misleading": 1,
            "meaningless": 1,
            "inflated": 1,
            "uninformative": 1,
            "informative": -1,
            "meaningful": -1,
            "reliable": -1,
            "trustworthy": -1,
        },
    ),
    "bag-of-words": (
        "action",
        {
            "tf idf": 1,
            "tfidf": 1,
            "bag of words": 1,
            "n grams": 1,
            "n gram": 1,
            "logistic regression": 1,
            "linear model": 1,
        },
    ),
    "transformer": ("action", {"transformer": 1, "transformers": 1, "bert": 1, "fine tuning": 1}),
    "word-order": ("quantity", {"word order": 0, "order of the words": 0, "context": 0, "negation": 0}),
    "accuracy": ("anchor", {"accuracy": 0}),
    # Which kind of metric: one that ranks over every threshold (+1) or one read at a single threshold (-1)...
    "metric-kind": (
        "category",
        {
            "auc": 1,
            "roc auc": 1,
            "pr auc": 1,
            "roc curve": 1,
            "pr curve": 1,
            "roc": 1,
            "area under the curve": 1,
            "average precision": 1,
            "precision": -1,
            "recall": -1,
            "f1": -1,
        },
    ),
    # ...and whether a metric is read at a single threshold (+1) or over all of them (-1).
    "threshold-reach": (
        "category",
        {
            "single threshold": 1,
            "one threshold": 1,
            "fixed threshold": 1,
            "single cutoff": 1,
            "one cutoff": 1,
            "fixed cutoff": 1,
            "depends on the threshold": 1,
            "depends on the decision threshold": 1,
            "depends on which threshold": 1,
            "depends on which decision threshold": 1,
            "depends entirely on the threshold": 1,
            "depends entirely on the decision threshold": 1,
            "changes with whatever threshold": 1,
            "at the single threshold": 1,
            "depends on the cutoff": 1,
            "changes with the threshold": 1,
            "every threshold": -1,
            "all thresholds": -1,
            "any threshold": -1,
            "every possible threshold": -1,
            "every cutoff": -1,
            "all cutoffs": -1,
            "across thresholds": -1,
            "threshold free": -1,
            "threshold independent": -1,
            "independent of the threshold": -1,
        },
    ),
    # When it happens: training (+1) or inference (-1).
    "phase": (
        "category",
        {
            "training": 1,
            "train time": 1,
            "backward pass": 1,
            "training time": 1,
            "inference": -1,
            # once training is over, it is the trained model's turn
            "after training": -1,
            "training ends": -1,
            "training finishes": -1,
            "training is over": -1,
            "training is done": -1,
            "test time": -1,
            "prediction time": -1,
            "serving time": -1,
            "eval mode": -1,
            "evaluation mode": -1,
        },
    ),
    # Which statistics batch norm normalizes with: the current batch's (+1) or the stored ones (-1).
    "bn-statistics": (
        "category",
        {
            "batch statistics": 1,
            "batch statistic": 1,
            "batch mean": 1,
            "batch variance": 1,
            "mean of the batch": 1,
            "statistics of the batch": 1,
            "statistics of the current batch": 1,
            "mini batch statistics": 1,
            "current batch": 1,
            "running average": -1,
            "running averages": -1,
            "running mean": -1,
            "running variance": -1,
            "running statistics": -1,
            "running estimates": -1,
            "moving average": -1,
            "moving averages": -1,
            "population statistics": -1,
            "stored statistics": -1,
            "population estimates": -1,
            "stored estimates": -1,
            "stored averages": -1,
        },
    ),
    # Whether an example's output (or gradient) depends on the rest of the batch.
    "batch-dependence": (
        "category",
        {
            "depends on the batch": 1,
            "depends on the other examples": 1,
            "depends on other examples": 1,
            "depends on every example": 1,
            "depends on the rest of the batch": 1,
            "coupled": 1,
            "couples": 1,
            "single example": -1,
            "one example at a time": -1,
            "independent of the batch": -1,
            "independent of the other examples": -1,
            "independent of the rest of the batch": -1,
        },
    ),
    # Which side of a split a set of examples goes to: training (+1) or testing (-1)...
    "split-side": (
        "category",
        {
            "train on": 1,
            "fit on": 1,
            "for training": 1,
            "test on": -1,
            "evaluate on": -1,
            "validate on": -1,
            "score on": -1,
            "for testing": -1,
            "for evaluation": -1,
        },
    ),
    # ...and how old those examples are: the older ones (+1) or the newer ones (-1).
    "data-age": (
        "category",
        {
            "older": 1,
            "oldest": 1,
            "earlier": 1,
            "earliest": 1,
            "historical": 1,
            "newer": -1,
            "newest": -1,
            "recent": -1,
            "most recent": -1,
            "latest": -1,
            "freshest": -1,
            "later": -1,
        },
    ),
    "adaptive": (
        "category",
        {"adam": 1, "rmsprop": 1, "adagrad": 1, "adaptive optimizer": 1, "adaptive optimizers": 1},
    ),
    # One step size for every parameter (-1), or each its own (+1).
    "per-parameter": (
        "category",
        {
            "per parameter": 1,
            "each parameter": 1,
            "its own step size": 1,
            "its own learning rate": 1,
            "own step size": 1,
            "own learning rate": 1,
            "single step size": -1,
            "one step size": -1,
            "same step size": -1,
            "single learning rate": -1,
            "one learning rate": -1,
            "same learning rate": -1,
            "global learning rate": -1,
            "global step size": -1,
            "shared by every parameter": -1,
            "shared by all parameters": -1,
            "same for every parameter": -1,
            "same for all parameters": -1,
        },
    ),
}

UP_WORDS = (
    "higher high highest more increase increases increased increasing raise raises raising larger large "
    "bigger big greater grow grows growing rise rises rising add adds adding boost boosts up capture captures "
    "captured capturing read reads keep keeps kept retain retains aware understand understands understood handle "
    "handles preserve preserves inflate inflates better climb climbs climbing amplify amplifies raised rose grew "
    "strengthen strengthens strengthening stronger heavier upward upwards"
)
DOWN_WORDS = (
    "lower low lowest less fewer reduce reduces reduced reducing reduction decrease decreases decreased decreasing cut "
    "cuts smaller small tiny drop drops shrink shrinks lowers lowering minimize minimizes limit limits "
    "limiting prevent prevents avoid avoids combat combats down fix fixes fixing cure cures tackle tackles counter "
    "counters ignore ignores ignored ignoring lose loses lost discard discards discarded stop stops stopped stopping "
    "suppress suppresses curb curbs dampen dampens mitigate mitigates diminish diminishes fall falls falling fell "
    "decline declines lowered attack attacks attacking cap caps capping capped weaken weakens weakening weakened "
    "loosen loosens loosening relax relaxes relaxing weaker lighter"
)
# The direction words that are adjectives or adverbs rather than verbs: "higher variance", "bias goes down".
DIRECTION_ADJECTIVES = (
    "higher high highest more larger large bigger big greater better up lower low lowest less fewer smaller small "
    "tiny down worse"
)
# Words of worth: "makes variance worse" is variance up, "the loss keeps improving" is the loss down. They move
# only a quantity that is a harm ("better" keeps its plain sense, up, for the others: "captures context better").
HARMFUL = frozenset({"variance", "bias", "loss", "divergence", "overshoot", "misleading"})
WORTH_WORDS = {
    **dict.fromkeys("better improve improves improved improving".split(), 1),
    **dict.fromkeys("worse worsen worsens worsened worsening hurt hurts degrade degrades degraded".split(), -1),
}
LINKING_VERBS = frozenset(
    "is are was were be been being am goes go going went gone gets get getting got becomes become became becoming "
    "stays stay remains remain seems".split()
)
DEGREE_WORDS = frozenset("too very much far even a lot way slightly quite so also still rather somewhat".split())
# Words that deny what follows them in their clause. "remove(s)"/"eliminate(s)" are privative:
# "does not remove the need to tune" is two denials, so it affirms the need.
NEGATORS = frozenset(
    "not no never nothing without nor neither cannot hardly rarely seldom remove removes eliminate eliminates".split()
)
# The privative ones: words with content of their own, which a rubric phrase may say ("removed from the front").
PRIVATIVES = frozenset("remove removes eliminate eliminates".split())
NEGATION_EXCEPTIONS = frozenset(
    {("not", "only"), ("not", "just"), ("not", "merely"), ("no", "matter"), ("no", "doubt"), ("not", "necessarily")}
)
# Two-word denials: "rather than X", "instead of X", "fails to X".
NEGATION_BIGRAMS = frozenset(
    {("rather", "than"), ("instead", "of"), ("fails", "to"), ("fail", "to"), ("failed", "to"), ("wrong", "that")}
)
BIND_DISTANCE = 4
# What may stand between a subject and its direction verb: "the variance of the model usually increases".
SUBJECT_GAP = frozenset(
    "the a an its their this that of model tree network usually often also typically generally can will may might "
    "could would tends to then quickly slowly further only always sharply steadily keeps keep kept curve curves".split()
)
# Words that open a clause of condition, whose concepts are the setting of the clause it conditions.
CONDITIONS = frozenset("as when whenever if once".split())
# Words that open a clause set against another, which borrows nothing from it.
CONTRASTS = frozenset("while whereas unlike".split())
# Words that make a clause a prescription rather than a consequence: "you should", "I would", "try", and a
# judgement of what to pick: "when the loss diverges, a smaller learning rate is better".
PRESCRIBING = frozenset(
    "i we you should would could try need needs recommend consider better best preferable safer".split()
)
# An imperative opens with its verb: "reduce the depth", "add more data", "use dropout".
PRESCRIBING_OPENERS = frozenset(
    "reduce lower increase raise add use apply prune limit cap collect get gather switch decrease cut grow train "
    "regularize stop choose pick tune give make swap strip shrink simplify drop remove expand widen deepen".split()
)
FIXED_KINDS = frozenset({"category", "anchor"})
# Words that set aside the value that follows them for the other one: "the stored averages replace the
# batch statistics".
SET_ASIDE = frozenset("replace replaces replacing replaced instead than".split())
# An auxiliary whose "not" denies the predicate of its clause: "is not used", "does not reduce".
PREDICATE_AUXILIARIES = frozenset("is are was were be do does did can could will would should has have had".split())
PASSIVE = frozenset("is are was were be been being gets get".split())
# A clause with one of these denies that its subject bears on what follows: "depth does not matter for variance".
RELATION_DENIALS = frozenset(
    {
        ("not", "matter"),
        ("no", "difference"),
        ("no", "effect"),
        ("no", "impact"),
        ("no", "bearing"),
        ("nothing", "to"),
        ("not", "caused"),
        ("not", "due"),
        ("not", "depend"),
    }
)
RELATION_DENYING_WORDS = frozenset({"unrelated", "irrelevant"})
