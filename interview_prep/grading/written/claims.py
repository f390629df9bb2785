"""Claims in clauses: which concepts a clause names, which way each one moves, and whether it is denied.

A claim is a list of (concept, direction): "deeper trees have higher variance" is
[(capacity, +1), (variance, +1)]. A clause asserts a claim when it names every concept of the claim
with a direction and the directions agree up to one overall flip ("shallow trees have lower
variance" says the same as "deeper trees have higher variance"); when they disagree it contradicts
it. A negation in the clause before the claim's last concept turns an assertion into a denial.

Directions come from the concept words and the direction words of the clause (occurrences.py).

Some concepts are two opposite values rather than an amount: training or inference, the batch's
statistics or the running averages. Such a "category" is never moved by a direction word; its terms
carry their value. A claim about categories ("at inference it uses the running averages") is
asserted by the same values, contradicted when one value is swapped ("at inference it uses the
batch statistics"), and says nothing when every value is swapped ("in training it uses the batch
statistics" is another true statement, not this one). An "anchor" is a concept a claim must name
but which has no direction ("accuracy" in "class imbalance makes accuracy misleading": the claim
is about accuracy, not about PR-AUC).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from interview_prep.grading.written.cases import KEPT, keeps_rather_than_uses
from interview_prep.grading.written.denial_scope import NEW_SUBJECTS, second_predicate_between
from interview_prep.grading.written.lexicon import (
    CONCEPTS,
    CONDITIONS,
    CONTRASTS,
    NEGATORS,
    PREDICATE_AUXILIARIES,
    PRESCRIBING,
    PRESCRIBING_OPENERS,
    RELATION_DENIALS,
    RELATION_DENYING_WORDS,
    SET_ASIDE,
)
from interview_prep.grading.written.occurrences import Occurrence, clause_start, negation_positions, occurrences

__all__ = ["Claim", "ClaimMatch", "Occurrence", "claim_of", "match_claim", "negation_positions", "occurrences"]


def denies_a_relation(words: Sequence[str], clauses: Sequence[int], clause: int) -> bool:
    """True when the clause says its subject has no bearing on what follows: "does not matter for",
    "makes no difference to", "has nothing to do with", "is unrelated to", "is irrelevant to", "the same ... as"."""
    own = [w for w, c in zip(words, clauses, strict=True) if c == clause]
    # "..., with the extra accuracy often irrelevant": an absolute phrase says its own thing of its own noun
    cut = next((k for k in range(len(own) - 1) if own[k] == "with" and own[k + 1] in {"the", "a", "an", "its"}), None)
    own = own[:cut] if cut is not None else own
    negators = sum(1 for w in own if w in NEGATORS)
    if set(zip(own, own[1:], strict=False)) & RELATION_DENIALS:
        return negators == 1  # "it is not true that X has nothing to do with Y" is no plain denial
    # "a shallow tree has the same bias as a deep one": no difference, so no relation ("not the same" is one)
    same_as = any(w == "same" and "as" in own[k + 1 : k + 4] for k, w in enumerate(own))
    return negators == 0 and (same_as or any(w in RELATION_DENYING_WORDS for w in own))


Claim = tuple[tuple[str, int], ...]
# A claim of this many concepts compares two things on a third.
COMPARISON_SIZE = 3


def claim_of(occs: Sequence[Occurrence]) -> Claim | None:
    """A claim from a rubric phrase: two or more concepts, each with a direction."""
    seen: dict[str, int] = {}
    for o in occs:
        if o.sign is not None and o.concept not in seen:
            seen[o.concept] = o.sign
    # "memorizes the training set" is a claim about variance, "at inference dropout is off" one about
    # dropout, with the phase as their setting: categories make a claim only among themselves ("at
    # inference it uses the running averages").
    if sum(1 for c in seen if CONCEPTS[c][0] == "category") < 2:
        seen = {c: v for c, v in seen.items() if CONCEPTS[c][0] != "category"}
    directed = sum(1 for c in seen if CONCEPTS[c][0] != "anchor")
    return tuple(seen.items()) if directed >= 2 else None


REPLACING = frozenset("replace replaces replacing replaced".split())


def _locally_denied(o: Occurrence, words: Sequence[str], clauses: Sequence[int]) -> bool:
    """A denial just before the term, in its clause: "instead of the batch statistics"."""
    lo = max(0, o.start - 3)
    while clauses[lo] != clauses[o.start]:
        lo += 1
    return bool(negation_positions(words, lo, o.start)) or any(w in SET_ASIDE for w in words[lo : o.start])


# The verbs of a relative clause that describes a plural noun before it ("trees, which have high variance"); "which
# is" and "which lowers" may be said of the whole clause before them.
STATIVE = frozenset("have had are were tend suffer".split())
# A relative clause about a proposition denies that proposition: "regularization reduces bias, a claim I do not
# accept", "that deeper trees have lower variance is something I don't believe".
PROPOSITION_HEADS = frozenset("claim idea something one view thing belief statement myth notion assertion".split())
ASSENTING = frozenset("believe accept share make buy agree think hold endorse say claim support".split())


def _in_a_relative_of_its_own(words: Sequence[str], end: int, i: int) -> bool:
    """True when the denial at i sits in a relative clause with a subject of its own after the concepts (which end
    at `end`): "express relationships it previously had no way to see" denies nothing of the claim."""
    subject = next((k for k in range(end + 1, i) if words[k] in NEW_SUBJECTS), None)
    if subject is None:
        return False
    about_a_proposition = words[subject - 1] in PROPOSITION_HEADS or any(w in ASSENTING for w in words[i + 1 : i + 3])
    return not about_a_proposition


def _next_concept(picked: dict[str, Occurrence], i: int) -> int:
    """Where the first picked concept after word i starts (i itself when none follows)."""
    return min((o.start for o in picked.values() if o.start > i), default=i)


def _split_at_and(
    words: Sequence[str], clauses: Sequence[int], clause: int, own: Sequence[Occurrence]
) -> list[int] | None:
    """The clause numbers with `clause` cut in two at an "and" between its concept terms, or None."""
    first, last = min(o.start for o in own), max(o.end for o in own)
    cut = next((i for i in range(first + 1, last) if words[i] == "and" and clauses[i] == clause), None)
    if cut is None:
        return None
    # twice every number leaves room for the second half, numbered just after the first
    return [c * 2 + (1 if c == clause and i >= cut else 0) for i, c in enumerate(clauses)]


def _opener(words: Sequence[str], clauses: Sequence[int], clause: int) -> str:
    opening = [w for w, c in zip(words, clauses, strict=True) if c == clause][:2]
    if opening == ["if", "anything"]:
        return "anything"  # "if anything, it nudges bias up": a hedge on what follows, no condition
    return opening[0] if opening else ""


def _describes_an_object(own: Sequence[Occurrence], words: Sequence[str], clauses: Sequence[int], clause: int) -> bool:
    """True for a participle clause whose concept is a word with a direction of its own: in "boosting attacks
    bias, adding shallow learners", the shallow learners are what is added, not a second claim about bias
    ("reduces bias, increasing variance" is one: the participle moves the concept)."""
    opener = _opener(words, clauses, clause)
    if not opener.endswith("ing") or clause == clauses[0]:
        return False
    return any(CONCEPTS[o.concept][1].get(" ".join(words[o.start : o.end + 1]), 0) != 0 for o in own)


def _prescribes(words: Sequence[str], clauses: Sequence[int], clause: int) -> bool:
    """True when a clause tells what to do ("reduce the depth", "you should prune", "I would add data")."""
    own = [w for w, c in zip(words, clauses, strict=True) if c == clause]
    if own and own[0] in {"and", "so", "then"}:
        own = own[1:]
    if not own:
        return False
    return own[0] in PRESCRIBING_OPENERS or any(w in PRESCRIBING for w in own)


def _as_lent(o: Occurrence, words: Sequence[str], clauses: Sequence[int]) -> Occurrence:
    """A concept lent to another clause keeps the denial before it in its own clause: "shallow trees
    cannot capture complex patterns, so they have high bias" lends capacity down, not up."""
    if o.sign is None:
        return o
    lo = clause_start(clauses, o.start)
    # "it is not true that regularization reduces bias, it ...": the denial is of the proposition, not the concept
    lo = max([lo, *(k + 1 for k in range(lo, o.start) if words[k] == "that")])
    flipped = len(negation_positions(words, lo, o.start)) % 2 == 1
    return replace(o, sign=-o.sign) if flipped else o


# Verbs of curing: "decay does not fix a learning rate that is too large" says what the cure does to the trouble,
# not which way the trouble moves with it.
REMEDIES = frozenset("fix fixes rescue rescues rescued cure cures cured solve solves solved save saves".split())
# "step decay doesn't lower the rate smoothly but in sudden drops": a denial of how, not of whether.
MANNER_ADVERBS = frozenset(
    "smoothly gradually steadily linearly monotonically continuously suddenly abruptly immediately instantly".split()
)


def _denies_the_manner(words: Sequence[str], clauses: Sequence[int], i: int) -> bool:
    return any(w in MANNER_ADVERBS for k, w in enumerate(words[i + 1 : i + 8], start=i + 1) if clauses[k] == clauses[i])


def _unmoved_beside_a_move(everything: dict[str, Occurrence], occs: Sequence[Occurrence], wanted: set[str]) -> bool:
    """True when a concept of the claim is said not to move while the sentence moves another quantity: "beyond
    a moderate depth, a deeper tree leaves bias unchanged and only increases variance" is about a regime the
    point does not speak of, not a denial of it ("leaves its variance unchanged" alone is one)."""
    if not any(o.sign == 0 and CONCEPTS[o.concept][0] == "quantity" for o in everything.values()):
        return False
    return any(o.sign and o.concept not in wanted and CONCEPTS[o.concept][0] == "quantity" for o in occs)


@dataclass(frozen=True)
class ClaimMatch:
    verdict: str  # "asserted", "denied" or "unclear"
    start: int
    end: int
    clause: int


def match_claim(
    claim: Claim,
    occs: Sequence[Occurrence],
    words: Sequence[str],
    clauses: Sequence[int],
) -> list[ClaimMatch]:
    """Where a segment asserts, denies, or names without a direction, the claim; one result per clause."""
    wanted = {c for c, _ in claim}
    results: list[ClaimMatch] = []
    by_clause: dict[int, list[Occurrence]] = {}
    for o in occs:
        by_clause.setdefault(clauses[o.start], []).append(o)
    order = sorted(by_clause)
    for n, clause in enumerate(order):
        own = by_clause[clause]
        picked: dict[str, Occurrence] = {}
        for o in own:
            if o.concept in wanted and (o.concept not in picked or picked[o.concept].sign is None):
                picked[o.concept] = o
        if not picked:
            continue
        # "the batch statistics are replaced by the running averages": both values of a category in one
        # clause; the one not denied is meant, and when neither is denied the clause cannot be read.
        ambiguous = False
        for c in list(picked):
            if CONCEPTS[c][0] != "category":
                continue
            values = {x.sign for x in own if x.concept == c}
            if len(values) > 1:
                meant = {x.sign for x in own if x.concept == c and not _locally_denied(x, words, clauses)}
                if len(meant) != 1:
                    ambiguous = True
                else:
                    picked[c] = next(x for x in own if x.concept == c and x.sign in meant)
        for c in list(picked):
            o = picked[c]
            if CONCEPTS[c][0] == "category" and o.sign and len({x.sign for x in own if x.concept == c}) == 1:
                # "at inference they replace the batch statistics": the value replaced is the one not used
                # ("are replaced by the running averages": the passive's agent is the value used)
                if any(
                    words[k] in REPLACING and clauses[k] == clause and words[k + 1] != "by"
                    for k in range(max(0, o.start - 3), o.start)
                ):
                    picked[c] = replace(o, sign=-o.sign)
        if ambiguous:
            # "The running averages are used in training and the batch statistics at inference": each
            # value has its own setting, on either side of an "and"; read each side as its own clause.
            halves = _split_at_and(words, clauses, clause, own)
            if halves is not None:
                results += [replace(m, clause=clause) for m in match_claim(claim, occs, words, halves)]
            continue
        borrowed: dict[str, Occurrence] = {}
        # "A deeper tree has lower bias but higher variance": an elliptical clause with one concept
        # of its own takes the others from the clauses before it in the sentence. "As depth increases,
        # bias goes down", "bias goes up when you add capacity": a clause of condition lends its concepts
        # to the clause it conditions, before or after it.
        # ("while transformers only count words" is a whole clause set against the other, not an ellipsis)
        elliptical = (
            len({o.concept for o in own if o.sign is not None}) == 1  # "so it memorises the data and overfits"
            and _opener(words, clauses, clause) not in CONTRASTS
            and not _describes_an_object(own, words, clauses, clause)
        )
        # A prescription is no such consequence: "if it overfits, reduce the depth" says that less depth
        # cures overfitting, not that it causes it.
        conditioned = not _prescribes(words, clauses, clause)
        lenders = [
            c for c in reversed(order[:n]) if conditioned and (elliptical or _opener(words, clauses, c) in CONDITIONS)
        ]
        if conditioned and _opener(words, clauses, clause) not in CONDITIONS:
            lenders += [c for c in order[n + 1 :] if _opener(words, clauses, c) in CONDITIONS]
        # a comparison ("TF-IDF trains faster than a transformer") is made in one clause: which side is which
        # cannot be borrowed ("..., than TF-IDF with logistic regression, ... so iteration is fast")
        compares = sum(1 for c in wanted if CONCEPTS[c][0] != "anchor") >= COMPARISON_SIZE
        if len(picked) < len(wanted) and not compares:
            # "bagging averages deep trees, which have high variance": a relative clause that says what its noun is
            # or has is said of the noun before it ("..., which lowers the variance" may be said of the whole clause)
            opens_at = clause_start(clauses, own[0].start)
            relative = (
                _opener(words, clauses, clause) in {"which", "who"}
                and opens_at + 1 < len(words)
                and words[opens_at + 1] in STATIVE
            )
            for lender in lenders:
                for o in by_clause[lender]:
                    if (
                        not (relative and o.end < opens_at - 2)
                        and o.concept in wanted
                        and o.concept not in picked
                        and o.concept not in borrowed
                        and CONCEPTS[o.concept][0] != "category"  # "during training ..., and at inference"
                    ):
                        borrowed[o.concept] = _as_lent(o, words, clauses)
        everything = {**borrowed, **picked}
        if set(everything) != wanted or not set(picked) & wanted:
            continue
        start = min(o.start for o in picked.values())
        end = max(o.end for o in picked.values())
        kinds = {CONCEPTS[c][0] for c, _ in claim}
        if any((c, o.sign) in KEPT for c, o in picked.items()) and keeps_rather_than_uses(
            [w for w, c in zip(words, clauses, strict=True) if c == clause]
        ):
            continue  # "the running averages are not computed at inference" says how they are kept, not which is used
        if "category" not in kinds and len(picked) == len(wanted) and denies_a_relation(words, clauses, clause):
            # "depth does not matter for variance", "overshooting is unrelated to the step size": the link is
            # denied, whichever way either concept moves
            results.append(ClaimMatch("denied", start, end, clause))
            continue
        remedied = any(words[k] in REMEDIES for k in range(start, end))  # "decay does not fix a rate that is too large"
        if (
            any(o.sign is None for o in everything.values())
            or _unmoved_beside_a_move(everything, occs, wanted)
            or remedied
        ):
            results.append(ClaimMatch("unclear", start, end, clause))
            continue
        products = {everything[c].sign * s for c, s in claim if CONCEPTS[c][0] != "anchor"}  # type: ignore[operator]
        consistent = len(products) == 1
        lo = clause_start(clauses, start)
        # a denial of a category's value the clause picked over the other ("instead of") is not the clause's
        set_aside = [
            x
            for x in own
            if CONCEPTS[x.concept][0] == "category" and x.concept in picked and x.sign != picked[x.concept].sign
        ]
        denials = [
            i
            for i in negation_positions(words, lo, end)
            if not any(x.start - 3 <= i < x.start for x in set_aside)
            and not _denies_the_manner(words, clauses, i)
            # "it cant carve out the boundary and it underfits": the denial does not reach a second predicate
            and not second_predicate_between(words, i, _next_concept(picked, i), verbs=False)
        ]
        # "At inference the running mean is not used": a denied predicate after the concepts denies them too
        hi = end + 1
        while hi < len(words) and clauses[hi] == clause:
            hi += 1
        denials += [
            i
            for i in negation_positions(words, end + 1, hi)
            if (words[i - 1] in PREDICATE_AUXILIARIES and not _in_a_relative_of_its_own(words, end, i))
            # "a single example cannot be processed"; "cannot change the statistics" denies another verb
            or (words[i] == "cannot" and i == end + 1 and i + 1 < len(words) and words[i + 1] == "be")
        ]
        negated = len(denials) % 2 == 1
        if "category" in kinds and products == {-1}:
            continue  # every value swapped: a statement about the other case, not about this one
        if any(c == "phase" and everything[c].sign == -s for c, s in claim):
            # "trained with a single example per batch, the batch variance is zero" is about training; a claim about
            # inference is neither said nor denied by it (what training does is its own point's claim)
            continue
        if negated:
            consistent = not consistent
        # a claim read with a condition's concepts quotes the condition too: "If the classes are imbalanced,
        # accuracy is more trustworthy"
        lent = [o for c, o in borrowed.items() if _opener(words, clauses, clauses[o.start]) in CONDITIONS]
        span = (min([start, *(o.start for o in lent)]), max([end, *(o.end for o in lent)]))
        results.append(ClaimMatch("asserted" if consistent else "denied", *span, clause))
    return results
