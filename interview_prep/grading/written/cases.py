"""The wrong case: a point about one phase (training or inference) said of the other.

"At inference it uses the running averages" is a point about inference. A clause that says the point's
words of training with a verb of use ("the running averages are only used during training", "are used in
training, not at inference") contradicts it; one that says how they are kept ("are updated during
training") does not: the averages are maintained in training and used at inference. A clause that names
both phases and says they are the same ("at inference it behaves the same as in training") denies the
difference such a point is about.
"""

from __future__ import annotations

from collections.abc import Sequence

from interview_prep.grading.written.occurrences import Occurrence, negation_positions
from interview_prep.grading.written.segments import Segment

USE_VERBS = frozenset(
    """use uses used using normalize normalizes normalized normalise normalises normalised standardize standardizes
    standardized standardise standardises standardised applies applied apply rely relies""".split()
)
# How statistics are kept, which is no use of them: "the running averages are updated during training".
MAINTAIN_VERBS = frozenset(
    """compute computes computed computing collect collects collected update updates updated updating accumulate
    accumulates accumulated store stores stored track tracks tracked maintain maintains maintained estimate
    estimates estimated keep keeps kept""".split()
)
# The category values that are kept in one phase for use in the other: the running averages.
KEPT = frozenset({("bn-statistics", -1)})
KEPT_CONCEPTS = frozenset(c for c, _ in KEPT)
SAMENESS = frozenset("same identical identically".split())
SAME_ITEMS = frozenset(
    (w,) for w in "input inputs output outputs answer answers result results prediction predictions example".split()
)


def _clause_words(seg: Segment, clause: int) -> list[str]:
    return [w for w, c in zip(seg.words, seg.clauses, strict=True) if c == clause]


def phases(occs: Sequence[Occurrence], seg: Segment, clause: int | None = None) -> set[int]:
    """Training (+1) and inference (-1) as the clause (or, with None, the segment) names them."""
    return {
        o.sign
        for o in occs
        if o.concept == "phase" and o.sign is not None and (clause is None or seg.clauses[o.start] == clause)
    }


def used_in_the_other_phase(seg: Segment, clause: int, occs: Sequence[Occurrence], setting: int, at: int) -> bool:
    """True when the clause says the words at `at` are used in the phase the point is not about."""
    words = _clause_words(seg, clause)
    if phases(occs, seg, clause) != {-setting} or len(negation_positions(words, 0, len(words))) % 2:
        return False  # "during training the running averages are not used to normalize" agrees
    return _governing_verb(seg, clause, at) in USE_VERBS


def _governing_verb(seg: Segment, clause: int, at: int) -> str:
    """The verb of use or keeping the words at `at` are the object of, the nearest before them ("uses the
    batch statistics and updates the running averages": updates), else the subject of ("the running
    averages are only used"): the first after them in the clause."""
    verbs = USE_VERBS | MAINTAIN_VERBS
    here = [(i, w) for i, w in enumerate(seg.words) if seg.clauses[i] == clause and w in verbs]
    before = [w for i, w in here if i < at]
    after = [w for i, w in here if i >= at]
    return before[-1] if before else (after[0] if after else "")


def keeps_rather_than_uses(words: Sequence[str]) -> bool:
    """True when a clause's verb says how statistics are kept ("computed", "updated"), with no verb of use."""
    return any(w in MAINTAIN_VERBS for w in words) and not any(w in USE_VERBS for w in words)


def same_in_both(seg: Segment, clause: int, occs: Sequence[Occurrence]) -> bool:
    """True when the clause says the two phases are the same, naming both: "the same at inference as in training"."""
    words = _clause_words(seg, clause)
    # "the same input always gives the same output" says the layer is deterministic, not that phases agree
    said = [k for k, w in enumerate(words) if w in SAMENESS and tuple(words[k + 1 : k + 2]) not in SAME_ITEMS]
    if not said or phases(occs, seg) != {1, -1}:
        return False
    lo = seg.clauses.index(clause)
    return not negation_positions(seg.words, lo, lo + len(words))
