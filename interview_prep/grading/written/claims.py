"""Claims in clauses: which concepts a clause names, which way each one moves, and whether it is denied.

A claim is a list of (concept, direction): "deeper trees have higher variance" is
[(capacity, +1), (variance, +1)]. A clause asserts a claim when it names every concept of the claim
with a direction and the directions agree up to one overall flip ("shallow trees have lower
variance" says the same as "deeper trees have higher variance"); when they disagree it contradicts
it. A negation in the clause before the claim's last concept turns an assertion into a denial.

Directions come from three places: a concept word may carry one ("deeper" is capacity up,
"overfits" is variance up, "shallow" is capacity down); a generic direction word ("higher",
"reduces", "prevents", ...) binds to the nearest concept term of its clause, so "lower bias but
higher variance" gives bias down and variance up; an action ("regularization", "bagging") counts
as applied (+1) when nothing else moves it.

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

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from interview_prep.grading.written.lexicon import (
    BIND_DISTANCE,
    CONCEPTS,
    CONDITIONS,
    CONTRASTS,
    DEGREE_WORDS,
    DIRECTION_ADJECTIVES,
    DOWN_WORDS,
    FIXED_KINDS,
    LINKING_VERBS,
    NEGATION_BIGRAMS,
    NEGATION_EXCEPTIONS,
    NEGATORS,
    PASSIVE,
    PREDICATE_AUXILIARIES,
    PRESCRIBING,
    PRESCRIBING_OPENERS,
    SET_ASIDE,
    SUBJECT_GAP,
    UP_WORDS,
)


@dataclass(frozen=True)
class Occurrence:
    concept: str
    start: int  # word index in the segment
    end: int
    sign: int | None  # +1, -1, or None when the clause gives it no direction


# A surface term's stems -> (concept, inherent direction); the first concept to list a stemmed form keeps it.
TermTable = dict[tuple[str, ...], tuple[str, int]]
# The term table, its term lengths longest first, and the stems of the up and down direction words.
Lexicon = tuple[TermTable, tuple[int, ...], frozenset[str], frozenset[str]]


@lru_cache(maxsize=1)
def _lexicon(
    stem: Callable[[Sequence[str]], list[str]],
) -> tuple[TermTable, tuple[int, ...], frozenset[str], frozenset[str]]:
    table: TermTable = {}
    for concept, (_, surfaces) in CONCEPTS.items():
        for surface, inherent in surfaces.items():
            table.setdefault(tuple(stem(surface.split())), (concept, inherent))
    lengths = tuple(sorted({len(k) for k in table}, reverse=True))  # longest first: "more training data"
    return table, lengths, frozenset(stem(UP_WORDS.split())), frozenset(stem(DOWN_WORDS.split()))


@lru_cache(maxsize=1)
def _adjectives(stem: Callable[[Sequence[str]], list[str]]) -> frozenset[str]:
    return frozenset(stem(DIRECTION_ADJECTIVES.split()))


def _after_linking_verb(words: Sequence[str], i: int) -> bool:
    """True when word i follows a linking verb, past degree words: "goes down", "is much higher"."""
    j = i - 1
    while j >= 0 and words[j] in DEGREE_WORDS:
        j -= 1
    return j >= 0 and words[j] in LINKING_VERBS


def _is_subject(words: Sequence[str], term_end: int, verb: int) -> bool:
    """True when the term ending at term_end can be the subject of the verb: a few words apart, none of them
    a noun of its own ("the variance of the model increases", not "depth, the training error falls")."""
    between = words[term_end + 1 : verb]
    return len(between) <= 3 and all(w in SUBJECT_GAP for w in between)


def _is_object(words: Sequence[str], verb: int, term: int) -> bool:
    """True when the term after a direction verb is its object, not a new subject or a setting:
    "reduces the variance", not "decreases and variance ...", "increases with depth"."""
    between = words[verb + 1 : term]
    return not any(w in {"and", "or", "with", "as", "when"} for w in between)


def negation_positions(words: Sequence[str], lo: int, hi: int) -> list[int]:
    """Indices in [lo, hi) of words that deny what follows them."""
    out: list[int] = []
    for i in range(lo, hi):
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if words[i] in NEGATORS and (words[i], nxt) not in NEGATION_EXCEPTIONS:
            out.append(i)
        elif (words[i], nxt) in NEGATION_BIGRAMS:
            out.append(i)
    return out


def occurrences(
    stems: Sequence[str], words: Sequence[str], clauses: Sequence[int], stem: Callable[[Sequence[str]], list[str]]
) -> list[Occurrence]:
    """Concept terms of a segment with the direction their clause gives each."""
    table, lengths, up, down = _lexicon(stem)
    adjectives = _adjectives(stem)
    found: list[tuple[tuple[str, int], int, int]] = []  # ((concept, inherent), first word, last word)
    taken: set[int] = set()
    for i in range(len(stems)):
        for n in lengths:
            term = table.get(tuple(stems[i : i + n])) if i + n <= len(stems) else None
            if term is not None and not taken & set(range(i, i + n)):
                found.append((term, i, i + n - 1))
                taken.update(range(i, i + n))
                break
    found.sort(key=lambda f: f[1])
    direction: dict[int, int] = {}  # index in found -> product of bound direction words
    bound_at: dict[int, int] = {}  # word index of a direction word -> index in found it moves
    for i, s in enumerate(stems):
        if i in taken or (s not in up and s not in down):
            continue
        move = 1 if s in up else -1
        best: tuple[int, int] | None = None  # (distance with tie-break, index in found)
        passive = i > 0 and words[i - 1] in PASSIVE and i + 1 < len(words) and words[i + 1] == "by"
        # "bias goes down", "variance is higher": a direction adjective after a linking verb says how its
        # subject is, so it moves the concept before it; "higher variance" moves the one after it.
        predicative = s in adjectives and _after_linking_verb(words, i)
        # "full depth reduces its variance": a direction verb moves its object, not its subject...
        verb = s not in adjectives and not passive
        for k, (_, a, b) in enumerate(found):
            if clauses[a] != clauses[i] or CONCEPTS[found[k][0][0]][0] in FIXED_KINDS:
                continue  # a category or an anchor is never moved by a direction word
            dist = (a - i) * 2 if a > i else (i - b) * 2 + 1  # a following term wins a tie...
            if passive:  # ...except in "is reduced by X", where the subject moves
                dist = (a - i) * 2 + 1 if a > i else (i - b) * 2
            if dist > BIND_DISTANCE * 2 + 1:
                continue
            behind = BIND_DISTANCE * 4
            if predicative:
                rank = dist + behind if a > i else dist
            elif verb and a < i:
                # "variance increases" is moved by its verb; "the depth and stop" is not the verb's subject
                if not _is_subject(words, b, i):
                    continue
                rank = dist + behind
            elif verb and not _is_object(words, i, a):
                continue  # ...and what follows after "and" is not its object: "the error falls and the variance rises"
            else:
                rank = dist
            if best is None or rank < best[0]:
                best = (rank, k)
        if best is not None:
            direction[best[1]] = direction.get(best[1], 1) * move
            bound_at[i] = best[1]
    # "depth reduces variance": a quantity with no direction of its own, before a direction word that
    # moves another concept, is the driver and goes up.
    drivers = {
        k
        for k, (_, a, b) in enumerate(found)
        if k not in direction
        and any(
            j in direction
            and found[j][1] > b
            and found[j][1] - b <= BIND_DISTANCE * 2
            and clauses[found[j][1]] == clauses[a]
            for j in range(len(found))
        )
        and any(
            b < i < found[j][1] and stems[i] not in adjectives and _is_subject(words, b, i)
            for j in direction
            for i in bound_at
            if bound_at[i] == j
        )
    }
    out: list[Occurrence] = []
    for k, ((concept, inherent), a, b) in enumerate(found):
        kind = CONCEPTS[concept][0]
        sign: int | None
        if kind == "anchor":
            sign = 0
        elif kind == "category":
            sign = inherent
        elif kind == "action" and "than" in words[max(0, a - 2) : a] and "rather" not in words[max(0, a - 3) : a]:
            sign = -1  # "TF-IDF captures word order better than a transformer": what it is compared with does less
        elif k in direction:
            sign = (inherent or 1) * direction[k]
        elif inherent:
            sign = inherent
        elif kind == "action" or k in drivers:
            sign = 1
        elif a > 0 and words[a - 1] == "with" and any(o.sign is not None for o in out):
            sign = 1  # "variance increases with depth"
        else:
            sign = None
        if (
            concept == "phase"
            and a >= 2
            and words[a - 1] in {"during", "in"}
            and words[a - 2].endswith("ed")
            and words[a - 2] not in {"used", "applied"}  # "used in training" is the clause's own setting
        ):
            continue  # "averages accumulated during training": the setting of a participle, not of the clause
        out.append(Occurrence(concept, a, b, sign))
    return out


Claim = tuple[tuple[str, int], ...]


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


def _locally_denied(o: Occurrence, words: Sequence[str], clauses: Sequence[int]) -> bool:
    """A denial just before the term, in its clause: "instead of the batch statistics"."""
    lo = max(0, o.start - 3)
    while clauses[lo] != clauses[o.start]:
        lo += 1
    return bool(negation_positions(words, lo, o.start)) or any(w in SET_ASIDE for w in words[lo : o.start])


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
    return next((w for w, c in zip(words, clauses, strict=True) if c == clause), "")


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
    lo = o.start
    while lo > 0 and clauses[lo - 1] == clauses[o.start]:
        lo -= 1
    flipped = len(negation_positions(words, lo, o.start)) % 2 == 1
    return replace(o, sign=-o.sign) if flipped else o


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
        elliptical = sum(1 for o in own if o.sign is not None) == 1 and _opener(words, clauses, clause) not in CONTRASTS
        # A prescription is no such consequence: "if it overfits, reduce the depth" says that less depth
        # cures overfitting, not that it causes it.
        conditioned = not _prescribes(words, clauses, clause)
        lenders = [
            c for c in reversed(order[:n]) if conditioned and (elliptical or _opener(words, clauses, c) in CONDITIONS)
        ]
        if conditioned and _opener(words, clauses, clause) not in CONDITIONS:
            lenders += [c for c in order[n + 1 :] if _opener(words, clauses, c) in CONDITIONS]
        if len(picked) < len(wanted):
            for lender in lenders:
                for o in by_clause[lender]:
                    if (
                        o.concept in wanted
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
        if any(o.sign is None for o in everything.values()):
            results.append(ClaimMatch("unclear", start, end, clause))
            continue
        kinds = {CONCEPTS[c][0] for c, _ in claim}
        products = {everything[c].sign * s for c, s in claim if CONCEPTS[c][0] != "anchor"}  # type: ignore[operator]
        consistent = len(products) == 1
        lo = start
        while lo > 0 and clauses[lo - 1] == clause:
            lo -= 1
        # a denial of a category's value the clause picked over the other ("instead of") is not the clause's
        set_aside = [
            x
            for x in own
            if CONCEPTS[x.concept][0] == "category" and x.concept in picked and x.sign != picked[x.concept].sign
        ]
        denials = [
            i for i in negation_positions(words, lo, end) if not any(x.start - 3 <= i < x.start for x in set_aside)
        ]
        # "At inference the running mean is not used": a denied predicate after the concepts denies them too
        hi = end + 1
        while hi < len(words) and clauses[hi] == clause:
            hi += 1
        denials += [i for i in negation_positions(words, end + 1, hi) if words[i - 1] in PREDICATE_AUXILIARIES]
        negated = len(denials) % 2 == 1
        if "category" in kinds and products == {-1}:
            continue  # every value swapped: a statement about the other case, not about this one
        if negated:
            consistent = not consistent
        # a claim read with a condition's concepts quotes the condition too: "If the classes are imbalanced,
        # accuracy is more trustworthy"
        lent = [o for c, o in borrowed.items() if _opener(words, clauses, clauses[o.start]) in CONDITIONS]
        span = (min([start, *(o.start for o in lent)]), max([end, *(o.end for o in lent)]))
        results.append(ClaimMatch("asserted" if consistent else "denied", *span, clause))
    return results
