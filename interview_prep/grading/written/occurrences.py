"""Concept terms in a segment and the direction its clause gives each: the words claims are made of.

A concept word may carry a direction ("deeper" is capacity up, "overfits" is variance up); a generic
direction word ("higher", "reduces", "prevents", ...) binds to the nearest concept term of its clause, so
"lower bias but higher variance" gives bias down and variance up; a word of worth ("worse", "improves")
moves only a harm ("makes variance worse" is variance up); an action ("regularization", "bagging") counts
as applied (+1) when nothing else moves it. claims.py reads claims from them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from interview_prep.grading.written.lexicon import (
    BIND_DISTANCE,
    CONCEPTS,
    DEGREE_WORDS,
    DIRECTION_ADJECTIVES,
    DOWN_WORDS,
    FIXED_KINDS,
    HARMFUL,
    LINKING_VERBS,
    NEGATION_BIGRAMS,
    NEGATION_EXCEPTIONS,
    NEGATORS,
    PASSIVE,
    SUBJECT_GAP,
    UP_WORDS,
    WORTH_WORDS,
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
def _worth(stem: Callable[[Sequence[str]], list[str]]) -> dict[str, int]:
    """The stems of the words of worth, +1 for better, -1 for worse."""
    return {stem([w])[0]: v for w, v in WORTH_WORDS.items()}


# Matched as written, not by stem: "lowers" and "lowered" are verbs although they stem to the adjective "lower".
ADJECTIVE_WORDS = frozenset(DIRECTION_ADJECTIVES.split())


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
    return len(between) <= 4 and all(w in SUBJECT_GAP for w in between)


KEEP_WORDS = frozenset("keep keeps kept keeping".split())
# What turns "keep X" from holding on to X into holding X down: "in check", "under control", "at bay".
RESTRAINTS = (("in", "check"), ("under", "control"), ("at", "bay"))


def _restrains(words: Sequence[str], clauses: Sequence[int], i: int) -> bool:
    """True when a "keep" at `i` ends in a restraint within its clause: "keeps the tree's variance in check"."""
    tail = [w for w, c in zip(words[i + 1 : i + 8], clauses[i + 1 : i + 8], strict=True) if c == clauses[i]]
    return any(tuple(tail[j : j + 2]) in RESTRAINTS for j in range(len(tail) - 1))


TREATING = frozenset({"for", "against", "combat", "fight", "treat", "fix", "cure"})


def _names_the_trouble(
    words: Sequence[str], clauses: Sequence[int], i: int, found: Sequence[tuple[tuple[str, int], int, int]]
) -> bool:
    """ "For high variance, ...", "to fix high bias": a harm named as the trouble a remedy is for. "For"/"against"
    only open their clause and end with the harm: "notorious for high variance" says what a model has, and "for
    high-variance models like deep trees" which models are meant."""
    if i == 0 or words[i - 1] not in TREATING or words[i] not in ADJECTIVE_WORDS:
        return False
    harm = next(
        (b for (concept, _), a, b in found if a == i + 1 and clauses[a] == clauses[i] and concept in HARMFUL), None
    )
    if harm is None:
        return False
    if words[i - 1] not in {"for", "against"}:
        return True
    opening = i == 1 or clauses[i - 2] != clauses[i - 1]
    # (the tokens keep no commas: "for high variance, dropout ..." and "for high variance models" differ by the noun)
    return opening and (harm + 1 >= len(words) or words[harm + 1] not in MODEL_NOUNS)


# What "for high-variance models like deep trees" names after the harm: the models that have it.
MODEL_NOUNS = frozenset(
    "model models tree trees network networks learner learners estimator estimators like such".split()
)


def _is_object(words: Sequence[str], verb: int, term: int) -> bool:
    """True when the term after a direction verb is its object, not a new subject or a setting:
    "reduces the variance", not "decreases and variance ...", "increases with depth"."""
    if term == verb + 1 and words[term].endswith("ly"):
        return False  # "the loss falls slowly": a manner adverb says how the verb goes, it is not moved
    between = words[verb + 1 : term]
    return not any(w in {"and", "or", "with", "as", "when"} for w in between)


# "L2 regularisation shrinks the weights": a direction verb with an object of its own moves that object, not its
# subject, whatever the object is ("the loss drops a little", "falls the most" are degrees, not objects).
OBJECT_OPENERS = frozenset("the a an its their our your my his her each every all".split())
DEGREE_OBJECTS = frozenset("lot bit little few touch most least same fastest".split())


def _has_its_own_object(words: Sequence[str], clauses: Sequence[int], verb: int) -> bool:
    nxt = verb + 1
    if nxt + 1 >= len(words) or clauses[nxt] != clauses[verb] or clauses[nxt + 1] != clauses[verb]:
        return False
    return words[nxt] in OBJECT_OPENERS and words[nxt + 1] not in DEGREE_OBJECTS


# What may stand between "than" and the thing compared: "than a linear model on TF-IDF".
COMPARAND_WORDS = frozenset(
    """a an the plain simple simpler linear model models on with training fitting using serving running sparse small
    smaller tiny lightweight classic classical traditional basic old school fine tuned pretrained large big bigger
    deep single one lone individual""".split()
)


def _comparand_opener(words: Sequence[str], clauses: Sequence[int], a: int) -> int | None:
    """The word before the term at `a` and the plain words that lead up to it ("than a linear model on"), when
    it is in the term's clause."""
    j = a - 1
    while j >= 0 and clauses[j] == clauses[a] and words[j] in COMPARAND_WORDS and a - j <= 6:
        j -= 1
    return j if j >= 0 and clauses[j] == clauses[a] else None


def _compared_with(words: Sequence[str], clauses: Sequence[int], a: int) -> bool:
    """True when the term at `a` is what a comparison is made with: "better than a transformer", "than a linear
    model on TF-IDF", "the same as a TF-IDF model" ("rather than X" is a choice, not a comparison)."""
    j = _comparand_opener(words, clauses, a)
    if j is None:
        return False
    if words[j] == "than":
        return j == 0 or words[j - 1] != "rather"
    return words[j] == "as" and "same" in words[max(0, j - 3) : j]


def _matched_with(words: Sequence[str], clauses: Sequence[int], a: int) -> bool:
    """True when the term at `a` is what something is said to equal: "just as well as a transformer"."""
    j = _comparand_opener(words, clauses, a)
    return j is not None and j >= 2 and words[j] == "as" and words[j - 2] == "as"


# Actions that cut down what they are applied to: "pruning a fully grown tree".
CUTTING = frozenset({"pruning", "prune", "prunes", "pruned"})
_OBJECT_GAP = frozenset({"a", "an", "the", "its", "their", "back", "this", "that"})


def _pruned(found: Sequence[tuple[tuple[str, int], int, int]], k: int, words: Sequence[str]) -> bool:
    """True when the term k is the object of a cutting action just before it."""
    if k == 0:
        return False
    _, a, _ = found[k]
    _, pa, pb = found[k - 1]
    return words[pa] in CUTTING and pb < a and all(w in _OBJECT_GAP for w in words[pb + 1 : a])


# Words after a direction adjective that are no noun it could describe.
NOT_NOUNS = frozenset(
    "than and or but so the a an of to in on for with is are was were be been it its their this that as".split()
)


def _modifies_its_own_noun(words: Sequence[str], clauses: Sequence[int], taken: set[int], i: int) -> bool:
    """True when a direction adjective stands before a noun of no concept ("a smaller lambda", "a larger C"),
    set off from the clause by "e.g." or "say": it describes that noun, not a concept of the clause."""
    lo = clause_start(clauses, i)
    aside = any(w in {"e.g", "eg", "i.e", "ie", "say"} for w in words[max(lo, i - 3) : i])
    nxt = i + 1
    return (
        aside
        and nxt < len(words)
        and clauses[nxt] == clauses[i]
        and nxt not in taken
        and words[nxt] not in NOT_NOUNS
        and words[nxt] not in ADJECTIVE_WORDS
    )


def clause_start(clauses: Sequence[int], at: int) -> int:
    """The index of the first word of the clause that word `at` is in."""
    lo = at
    while lo > 0 and clauses[lo - 1] == clauses[at]:
        lo -= 1
    return lo


# "a small rise", "a big fall": how much a move moves.
SIZE_WORDS = frozenset("small big large larger bigger smaller little huge slight tiny sharp modest massive".split())
# A concept -> the concept of its exceptions: decay schedules lower the rate, restarts and warmup raise it.
EXCEPTIONS = {"decay-schedule": "rising-schedule"}
# Categories that say something only with both their values named: the two sides of a split.
PAIRED = {
    "split-side": {
        1: frozenset("train training trained".split()),
        -1: frozenset("test testing tested evaluate evaluating evaluation".split()),
    }
}
# "it stops converging": what stops is no longer so.
CEASING = frozenset("stop stops stopped cease ceases ceased".split())


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


# "leaves its variance unchanged", "the bias stays the same", "leaves variance exactly where it was"
UNMOVED = frozenset("unchanged unaffected untouched".split())
STAYING = frozenset("stays stay stayed remains remain remained".split())


def _not_moved(words: Sequence[str], clauses: Sequence[int], b: int) -> bool:
    """True when the words after a quantity say it does not move."""
    after = [w for k, w in enumerate(words[b + 1 : b + 5], start=b + 1) if clauses[k] == clauses[b]]
    while after and after[0] in {"roughly", "exactly", "basically", "essentially", "just", "pretty", "much"}:
        after = after[1:]
    if after[:1] and after[0] in UNMOVED:
        return True
    if after[:1] and after[0] in STAYING:
        rest = [w for w in after[1:] if w not in {"roughly", "exactly", "basically", "essentially", "about"}]
        return rest[:1] in (["unchanged"], ["put"], ["flat"], ["constant"]) or rest[:2] == ["the", "same"]
    return after[:3] in (["where", "it", "was"], ["where", "they", "were"], ["where", "it", "is"])


# "stops X from", "keeps X from", "prevents X from": what follows "from" does not happen.
PREVENTING = frozenset("stop stops stopped stopping prevent prevents prevented keep keeps kept".split())


def _from_before(words: Sequence[str], clauses: Sequence[int], a: int) -> int | None:
    """Where a "from" stands in the three words before the term at `a`, in its clause."""
    lo = max(clause_start(clauses, a), a - 3)
    return next((k for k in range(a - 1, lo - 1, -1) if words[k] == "from"), None)


def _prevented(words: Sequence[str], clauses: Sequence[int], a: int) -> bool:
    """True for a concept just after "from", itself a few words after a verb of preventing in its clause."""
    at = _from_before(words, clauses, a)
    if at is None:
        return False
    return any(words[k] in PREVENTING for k in range(max(clause_start(clauses, a), at - 4), at))


def _left_behind(words: Sequence[str], clauses: Sequence[int], a: int, b: int) -> bool:
    """True for a concept named as where a move starts: "from the high-variance end toward the middle", "away
    from high variance"."""
    at = _from_before(words, clauses, a)
    if at is None:
        return False
    after = [w for k, w in enumerate(words[b + 1 : b + 7], start=b + 1) if clauses[k] == clauses[a]]
    return (at > 0 and words[at - 1] == "away") or any(w in {"to", "toward", "towards", "into"} for w in after)


def _undone(
    found: Sequence[tuple[tuple[str, int], int, int]],
    direction: dict[int, int],
    words: Sequence[str],
    clauses: Sequence[int],
    i: int,
    move: int,
) -> int | None:
    """The concept an "and then <move>" at word i moves back the other way, if any. "then" may open a clause of
    its own, which goes on with the subject of the one before."""
    own = clauses[i] - 1 if words[clause_start(clauses, i)] == "then" else clauses[i]
    earlier = [k for k in direction if own <= clauses[found[k][1]] <= clauses[i] and found[k][2] < i]
    return max(earlier) if earlier and direction[max(earlier)] != move else None


def occurrences(
    stems: Sequence[str], words: Sequence[str], clauses: Sequence[int], stem: Callable[[Sequence[str]], list[str]]
) -> list[Occurrence]:
    """Concept terms of a segment with the direction their clause gives each."""
    table, lengths, up, down = _lexicon(stem)
    worth = _worth(stem)
    found: list[tuple[tuple[str, int], int, int]] = []  # ((concept, inherent), first word, last word)
    taken: set[int] = set()
    for i in range(len(stems)):
        for n in lengths:
            term = table.get(tuple(stems[i : i + n])) if i + n <= len(stems) else None
            if term is not None and not taken & set(range(i, i + n)):
                found.append((term, i, i + n - 1))
                taken.update(range(i, i + n))
                break
    # "cosine annealing lowers it towards zero": an object pronoun after a direction verb is the sentence's first
    # quantity
    for i, w in enumerate(words):
        if w in {"it", "them"} and i > 0 and (stems[i - 1] in up or stems[i - 1] in down) and i not in taken:
            before = [f for f in found if f[2] < i and CONCEPTS[f[0][0]][0] == "quantity" and f[0][1] == 0]
            if (
                before
            ):  # the sentence's first such noun is its topic: "... until the validation loss plateaus, then cuts it"
                found.append(((min(before, key=lambda f: f[1])[0][0], 0), i, i))
                taken.add(i)
    # "a smaller learning rate is safer; a larger one is quicker", "a shallow tree ...; a larger one ...": "one"
    # after a direction word repeats the quantity a clause before opened with, and takes the word's direction
    for i, w in enumerate(words):
        if w in {"one", "ones"} and i > 0 and words[i - 1] in ADJECTIVE_WORDS and i not in taken:
            # only a subject repeats: "a shallow tree has high bias; a larger one ..." is a larger tree
            before = [
                f
                for f in found
                if f[2] < i
                and CONCEPTS[f[0][0]][0] == "quantity"
                and f[1] - clause_start(clauses, f[1]) <= 2
                and any(w in {"a", "an", "the"} for w in words[max(0, f[1] - 2) : f[1]])
            ]
            if before:
                last = max(before, key=lambda f: f[2])
                found.append(((last[0][0], 0), i, i))
                taken.add(i)
    found.sort(key=lambda f: f[1])
    direction: dict[int, int] = {}  # index in found -> product of bound direction words
    bound_at: dict[int, int] = {}  # word index of a direction word -> index in found it moves
    undone: set[int] = set()  # index in found whose move a later "then ..." reverses
    for i, s in enumerate(stems):
        if i in taken or (s not in up and s not in down and s not in worth):
            continue
        if words[i] in PREVENTING and "from" in words[i + 1 : i + 5]:
            continue  # "pruning stops the tree from growing deeper": what is prevented is moved, below
        if i + 1 < len(stems) and (stems[i + 1] in up or stems[i + 1] in down) and words[i] in SIZE_WORDS:
            continue  # "a small rise in bias", "a big fall in variance": the size of the move, not a move
        if words[i] in ADJECTIVE_WORDS and _modifies_its_own_noun(words, clauses, taken, i):
            continue  # "weakening the regularization, e.g. a smaller lambda, reduces bias": the lambda is smaller
        move = 1 if s in up else -1
        if words[i] in KEEP_WORDS and _restrains(words, clauses, i):
            move = -1  # "keeps the variance in check" holds it down
        if move == 1 and _names_the_trouble(words, clauses, i, found):
            move = -1  # "for high variance, use dropout": what the clause prescribes brings it down
        best: tuple[int, int] | None = None  # (distance with tie-break, index in found)
        passive = i > 0 and words[i - 1] in PASSIVE and i + 1 < len(words) and words[i + 1] == "by"
        # "bias goes down", "variance is higher": a direction adjective after a linking verb says how its
        # subject is, so it moves the concept before it; "higher variance" moves the one after it.
        adjective = words[i] in ADJECTIVE_WORDS
        predicative = adjective and _after_linking_verb(words, i)
        # "full depth reduces its variance": a direction verb moves its object, not its subject...
        verb = not adjective and not passive
        for k, (_, a, b) in enumerate(found):
            if clauses[a] != clauses[i] or CONCEPTS[found[k][0][0]][0] in FIXED_KINDS:
                continue  # a category or an anchor is never moved by a direction word
            if s in worth and s not in up and found[k][0][0] not in HARMFUL:
                continue  # "worse" says nothing of a quantity that is no harm
            dist = (a - i) * 2 if a > i else (i - b) * 2 + 1  # a following term wins a tie...
            if passive:  # ...except in "is reduced by X", where the subject moves
                dist = (a - i) * 2 + 1 if a > i else (i - b) * 2
            if dist > BIND_DISTANCE * 2 + 1 and not (verb and a < i and _is_subject(words, b, i)):
                continue
            behind = BIND_DISTANCE * 4
            if predicative and a == i + 1:
                rank = 0  # "is less expensive", "is more interpretable": a degree of the adjective after it
            elif predicative:
                rank = dist + behind if a > i else dist
            elif verb and a < i:
                # "variance increases" is moved by its verb; "the depth and stop" is not the verb's subject
                if not _is_subject(words, b, i) or _has_its_own_object(words, clauses, i):
                    continue
                rank = dist + behind
            elif verb and not _is_object(words, i, a):
                continue  # ...and what follows after "and" is not its object: "the error falls and the variance rises"
            elif adjective and a < i and words[b + 1] != "of" and any(w in OBJECT_OPENERS for w in words[b + 1 : i]):
                # "early stopping keeps the weights small": the adjective says how the weights are kept ("makes the bias
                # of the ensemble worse" is still the bias)
                continue
            else:
                rank = dist
            if best is None or rank < best[0]:
                best = (rank, k)
        undoes = _undone(found, direction, words, clauses, i, move) if "then" in words[max(0, i - 3) : i] else None
        if undoes is not None:
            undone.add(undoes)  # "the loss drops for a few iterations and then shoots upward": it moved back
            continue
        if best is not None:
            if s in worth and found[best[1]][0][0] in HARMFUL:
                move = -worth[s]  # a harm made worse goes up; a loss that improves goes down
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
            b < i < found[j][1] and words[i] not in ADJECTIVE_WORDS and _is_subject(words, b, i)
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
        elif kind == "action" and _matched_with(words, clauses, a):
            sign = None  # "TF-IDF reads word order just as well as a transformer": a yardstick, no claim of its own
        elif kind == "action" and (_compared_with(words, clauses, a) or _compared_against(words, clauses, a)):
            sign = -1  # "TF-IDF captures word order better than a transformer": what it is compared with does less
        elif kind == "quantity" and _pruned(found, k, words):
            sign = -1  # "pruning a fully grown tree" makes it shallower
        elif k in undone:
            sign = None  # it moved both ways: which one the claim is about cannot be told
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
        if sign and kind == "quantity" and _material_of(found, words, k):
            sign = None  # "bagging deep trees reduces variance": the trees are what bagging works on, no driver
        if sign and kind == "quantity" and _compared_against(words, clauses, a):
            sign = None  # "random forests reduce variance compared with a single deep tree": the yardstick
        if sign and kind == "quantity" and _owns_a_moved_object(found, bound_at, words, a):
            sign = None  # "bagging reduces the variance of a deep tree": the tree owns the variance, bagging moves it
        if sign and kind not in FIXED_KINDS and _prevented(words, clauses, a):
            # "stops the tree from growing deeper": that it does not grow says nothing of which way the subject
            # moves it ("clipping prevents the loss from exploding" is no claim about the learning rate)
            sign = None
        if kind == "quantity" and _not_moved(words, clauses, b):
            sign = 0  # "leaves its variance unchanged", "the variance stays where it was": no move at all
        if sign and kind not in FIXED_KINDS and a > 0 and words[a - 1] in CEASING and (a - 1) not in bound_at:
            sign = -sign  # "until it stops converging": it no longer converges
        if sign and kind == "quantity" and _left_behind(words, clauses, a, b):
            sign = -sign  # "moves it from the high-variance end toward the middle": away from high variance
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


ENSEMBLE_CONCEPTS = frozenset({"ensemble", "boosting"})
# What may stand between an ensemble and the trees it is made of: "a random forest of deep trees", "averages many
# deep, decorrelated trees", "boosting with shallow trees".
MATERIAL_GAP = frozenset(
    "of many a an the few hundreds hundred several lots lot its their with on over together averages combines keep "
    "keeps".split()
)


def _material_of(found: Sequence[tuple[tuple[str, int], int, int]], words: Sequence[str], k: int) -> bool:
    """True when found[k] follows an ensemble's name with only a few linking words between: the learners the
    ensemble is built from ("bagging deep trees", "boosting shallow trees", "a random forest of deep trees")."""
    a = found[k][1]
    for (concept, _), _, b in found[:k]:
        if concept in ENSEMBLE_CONCEPTS and b < a and a - b <= 4:
            between = words[b + 1 : a]
            if all(w in MATERIAL_GAP for w in between):
                return True
    return False


def _compared_against(words: Sequence[str], clauses: Sequence[int], a: int) -> bool:
    """True when the term at `a` follows "compared with/to", "relative to" or "versus": what the clause's claim is
    measured against, no claim of its own."""
    j = _comparand_opener(words, clauses, a)
    if j is None:
        return False
    if words[j] in {"versus", "vs", "compared"}:
        return True  # ("with" is a comparand word of its own, so the walk back stops at "compared")
    return words[j] in {"with", "to"} and j > 0 and words[j - 1] in {"compared", "relative"}


def _owns_a_moved_object(
    found: Sequence[tuple[tuple[str, int], int, int]], bound_at: dict[int, int], words: Sequence[str], a: int
) -> bool:
    """True when the term at `a` is the "of" owner of a quantity a verb before it moves: "reduces the variance of a
    deep tree", "lowers the bias of an ensemble of stumps" (not "the variance of a deep tree is high", where the
    tree's variance is what the clause is about)."""
    at = a
    for _ in range(3):  # up an "of" chain: stumps -> ensemble -> bias
        of = at - 1 if at >= 1 and words[at - 1] == "of" else at - 2
        if of < 1 or words[of] != "of" or (of != at - 1 and words[at - 1] not in {"a", "an", "the", "its", "their"}):
            return False
        owned = next((j for j, (_, _, b) in enumerate(found) if b == of - 1), None)
        if owned is not None and any(j == owned and v < found[owned][1] for v, j in bound_at.items()):
            return True
        at = found[owned][1] if owned is not None else of - 1  # a plain noun ("an ensemble of") may own it too
    return False


def excepted(occs: Sequence[Occurrence]) -> list[Occurrence]:
    """A concept named beside its exception has no direction of its own: in "with warm restarts, cosine annealing
    raises the rate again", which schedule moves the rate which way cannot be told."""
    named = {o.concept for o in occs}
    return [replace(o, sign=None) if EXCEPTIONS.get(o.concept) in named and o.sign is not None else o for o in occs]


def paired(occs: Sequence[Occurrence], words: Sequence[str]) -> list[Occurrence]:
    """An answer's occurrences without a lone side of a split: "train on the latest months and redeploy" is
    no split, since a side of one is a side only beside the other ("never test on emails older than the
    training emails" names both). A rubric's claim names one side."""
    out = list(occs)
    for concept, sides in PAIRED.items():
        signs = {o.sign for o in out if o.concept == concept and o.sign is not None}
        if len(signs) == 1 and not set(words) & sides[-next(iter(signs))]:
            out = [o for o in out if o.concept != concept]
    return out
