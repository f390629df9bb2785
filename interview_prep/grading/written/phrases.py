"""Rubric phrases found in an answer's clauses, and whether the clause around each one denies it.

A phrase's content stems must appear in order, close together, in one part of a segment; a denial
counts when it is in the match's clause (before it, or as a negated predicate after it), and a
phrase's own "not" is part of what it says. Also: which clauses describe something the sentence
sets against its subject ("unlike a stack, ...").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from interview_prep.grading.written import claims, lexicon, similarity
from interview_prep.grading.written import denial_scope as scope
from interview_prep.grading.written.occurrences import clause_start
from interview_prep.grading.written.segments import (
    AUXILIARIES,
    DENIAL_AFTER,
    NEGATION_BIGRAMS,
    NUMBER_PLACEHOLDER,
    NUMBER_STEM,
    OBJECT_JUDGING_VERBS,
    RELATIVE_WORDS,
    STOPWORDS,
    SUBJECT_PRONOUNS,
    VERB_WORDS,
    Segment,
    is_notation,
    stem_all,
    stem_seq,
    tokenize,
)

# A phrase's words must appear in order, with at most this many other content words between
# two of them: "memorizes the whole training set" still shows "memorizes the training set".
MAX_GAP = 3
# A negation cue this many tokens (or fewer) before a match, in the same clause, voids it:
# "does not reduce variance", "I don't go back to verify that the fix worked".
NEGATION_WINDOW = 12
# Only stems at least this long are fuzzy-matched; shorter ones collide too easily
# ("batch" vs "match"). The ratio threshold admits typos and British spellings
# ("varience", "regularisation") but not different words.
FUZZY_MIN_LEN = 6
FUZZY_MIN_RATIO = 85.0
# A negated predicate this many words after a match, in its clause, denies it ("AUC is not useful").
NEGATION_AFTER_WINDOW = 12


@dataclass(frozen=True)
class Phrase:
    """A rubric phrase as content stems, with how many denials it spells out itself (e.g. its own "not")."""

    text: str
    stems: tuple[str, ...]
    denials: int = 0


@lru_cache(maxsize=4096)
def compile_phrase(text: str) -> Phrase:
    """Content stems of a rubric phrase; "{number}" stands for any number."""
    marked = text.lower().replace(NUMBER_PLACEHOLDER, " 0 ")
    words, _, _ = tokenize(marked)
    content = [w for w in words if w not in STOPWORDS]
    # A privative the phrase says ("insert and remove") is a word to match, not a denial.
    own = [i for i in denial_positions(words, 0, len(words)) if words[i] not in lexicon.PRIVATIVES]
    return Phrase(text, tuple(stem_all(content)), len(own))


@lru_cache(maxsize=4096)
def compile_claim(text: str) -> claims.Claim | None:
    """A rubric sentence as a claim: two or more concepts with directions, or None."""
    words, clauses, _ = tokenize(text.lower())
    stems = stem_all(words)
    occs = claims.occurrences(stems, words, [1] * len(words), stem_seq)
    claim = claims.claim_of(occs)
    if claim is not None and len(claims.negation_positions(words, 0, len(words))) % 2:
        claim = tuple((c, -s) for c, s in claim[:1]) + claim[1:]  # "deep trees do not have low variance"
    return claim


@dataclass(frozen=True)
class Match:
    phrase: str
    segment: Segment
    start: int  # word index of the first matched word
    end: int  # word index of the last matched word
    positions: frozenset[int]
    negated: bool


class Matcher:
    """Finds rubric phrases in one answer; fuzzy equality of stems is computed once per pair."""

    def __init__(self, segments: Sequence[Segment]) -> None:
        self.segments = segments
        self.vocab = {s for seg in segments for s in seg.stems}
        self._equal: dict[str, frozenset[str]] = {}

    def same(self, phrase_stem: str, synonyms: bool = False) -> frozenset[str]:
        """The answer's stems that count as this phrase stem: itself, near-spellings of long ones, and
        with `synonyms` the words of its synonym class ("inserted" for "added")."""
        hit = self._equal.get(phrase_stem + "\x00" * synonyms)
        if hit is None:
            found = {phrase_stem} if phrase_stem in self.vocab else set()
            if phrase_stem in DENIAL_STEMS:  # a phrase's "does not matter" is said by "no longer matters" too
                found |= self.vocab & DENIAL_STEMS
            if synonyms:
                names = similarity.synonym_names(stem_seq)
                if phrase_stem in names:
                    found |= {s for s in self.vocab if names.get(s) == names[phrase_stem]}
            if len(phrase_stem) >= FUZZY_MIN_LEN and phrase_stem != NUMBER_STEM and not is_notation(phrase_stem):
                from rapidfuzz import fuzz  # lazily, like the stemmer

                found |= {
                    s
                    for s in self.vocab
                    if len(s) >= FUZZY_MIN_LEN - 1
                    and s[0] == phrase_stem[0]
                    and fuzz.ratio(s, phrase_stem) >= FUZZY_MIN_RATIO
                }
            hit = frozenset(found)
            self._equal[phrase_stem + "\x00" * synonyms] = hit
        return hit

    def find(
        self, phrase: Phrase, segment: Segment, said: frozenset[str] = frozenset(), done: frozenset[str] = frozenset()
    ) -> list[Match]:
        """Where the phrase is in the segment; `said` holds the stems of what the point says of it, `done` the
        privatives its own words use ("remove duplicate copies"), which do the point rather than deny it."""
        if not phrase.stems:
            return []
        # A synonym stretches a phrase of several words, never a one-word one ("put it" is not "insert").
        allowed = [self.same(p, len(phrase.stems) >= 2) for p in phrase.stems]
        if any(not a for a in allowed):
            return []
        # A denying adverb is never one of the phrase's content words: "rarely" is not "rare".
        content = [i for i, w in enumerate(segment.words) if w not in STOPWORDS and w not in DENYING_ADVERBS]
        matches: list[Match] = []
        for k, i in enumerate(content):
            if segment.stems[i] not in allowed[0]:
                continue
            picked = [i]
            cursor = k
            for want in allowed[1:]:
                nxt = next(
                    (
                        j
                        for j in range(cursor + 1, min(len(content), cursor + 2 + MAX_GAP))
                        if segment.stems[content[j]] in want
                    ),
                    None,
                )
                if nxt is None:
                    break
                picked.append(content[nxt])
                cursor = nxt
            if len(picked) == len(allowed) and segment.parts[picked[0]] == segment.parts[picked[-1]]:
                positions = frozenset(picked)
                if phrase.denials and _only_says_when(segment, picked[0], picked[-1]):
                    continue  # "I don't think you've learned it until you've built it" admits no gap ("never learned")
                if _spans_a_subordinate(segment, picked):
                    continue  # "splitting at random when mail arrives over time" is no "split by time"
                if not phrase.denials and _straddles_a_denied_verb(segment, picked):
                    continue  # "weight decay does not change the learning rate" is no "decay the learning rate"
                if _after_a_denied_implication(segment, picked[0]):
                    continue  # "good ranking doesn't imply good calibration" neither says nor denies calibration
                negated = _negated(segment, picked[0], picked[-1], phrase.denials, positions, said, done)
                matches.append(Match(phrase.text, segment, picked[0], picked[-1], positions, negated))
        return matches


# Cues that deny a phrase (not a claim) they precede: "it is a myth that", "we skip the".
PHRASE_ONLY_CUES = frozenset({"myth", "skip", "skips", "skipping", "skipped", "ignore"})
DENYING_ADVERBS = frozenset({"rarely", "hardly", "seldom", "barely", "scarcely"})
# The stems of the plain denials, which say the same thing in a rubric phrase and in an answer.
DENIAL_STEMS = frozenset({"not", "no", "never"})
# "AUC does not depend on a threshold": a denied predicate that describes the match, rather than
# judging it ("is not useful", "does not matter"), does not deny the match.
DESCRIPTIVE_PREDICATES = frozenset(
    "depend depends rely relies require requires vary varies assume assumes change changes".split()
)
# A denied predicate after a match denies it only when it judges the match's worth or truth: "AUC is not
# useful", "the confusion matrix would not add anything", "the coefficients do not show which words".
EVALUATIVE = frozenset(
    """matter matters useful helpful needed necessary required important relevant worth help helps work works add
    adds show shows tell tells say says informative meaningful reliable trustworthy good enough sufficient fast
    quick cheap easy right appropriate valid make exist happen apply improve improves change matter
    interpretable explain explainable need affect""".split()
)
# "anything the accuracy doesn't": an indefinite followed by a new subject opens a relative clause without "that".
INDEFINITES = frozenset("anything something everything nothing".split())
OPENS_A_SUBJECT = frozenset("the a an this that my our your its their i we you it they he she".split())
PREDICATE_ADVERBS = frozenset("really even always necessarily very that so too particularly much".split())
# "a single split and nothing more", "counts words and nothing else": a limit, "only", no denial.
ONLY_THIS = frozenset("more else beyond besides".split())
# "The size of the dataset makes no difference": "no" before one of these judges the match worthless.
NO_WORTH = frozenset("difference point use value sense effect impact bearing".split())


# Words that open a clause of their own inside a sentence: a phrase does not run on into one.
SUBORDINATE_OPENERS = frozenset("when whenever if unless because since while although whereas which who where".split())


def _spans_a_subordinate(segment: Segment, picked: Sequence[int]) -> bool:
    """True when a subordinate clause opens between two of the phrase's words."""
    words = segment.words
    return any(words[k] in SUBORDINATE_OPENERS for k in range(picked[0] + 1, picked[-1]) if k not in picked)


def _straddles_a_denied_verb(segment: Segment, picked: Sequence[int]) -> bool:
    """True when an auxiliary and its denial stand between two of the phrase's words: the words belong to two
    sides of a denied predicate, not to one phrase."""
    words = segment.words
    inside = set(picked)
    return any(
        words[k] in {"not", "never"} and words[k - 1] in AUXILIARIES and k not in inside and k - 1 not in inside
        for k in range(picked[0] + 1, picked[-1])
    )


def denial_positions(words: Sequence[str], lo: int, hi: int) -> list[int]:
    """Positions in [lo, hi) that deny what follows: claims.negation_positions plus "myth", "skip"..."""
    out = claims.negation_positions(words, lo, hi)
    out += [i for i in range(lo, hi) if words[i] in PHRASE_ONLY_CUES]
    # "rather than X", "instead of X", "even if X": a bigram denies only what comes after it.
    out += [i for i in range(lo, hi - 1) if (words[i], words[i + 1]) in NEGATION_BIGRAMS and i + 1 < hi - 1]
    return sorted(set(out))


def _denial_window(clauses: Sequence[int], start: int) -> int:
    """Where the denials that may reach a match starting at `start` begin: its clause, at most NEGATION_WINDOW back."""
    return max(clause_start(clauses, start), start - NEGATION_WINDOW)


def _after_a_denied_implication(segment: Segment, start: int) -> bool:
    """True when the match follows "doesn't imply/mean/guarantee" in its clause: what would follow is not said."""
    lo = _denial_window(segment.clauses, start)
    return any(scope.denies_an_implication(segment, i, start) for i in denial_positions(segment.words, lo, start))


def _only_says_when(segment: Segment, start: int, end: int) -> bool:
    """True when every denial before or in the match, in its clause, is a "not ... until" that says when."""
    lo = _denial_window(segment.clauses, start)
    cues = denial_positions(segment.words, lo, end + 1)
    return bool(cues) and all(scope.not_until(segment, i) for i in cues)


# "a learning rate schedule cannot rescue a rate that diverges", "ROC-AUC cannot tell you which threshold to use":
# what a thing cannot remedy or tell is a limit of it, not a denial of its worth ("cannot tell you anything" is).
LIMITING_VERBS = frozenset("rescue fix save replace remove undo compensate cure solve".split())
# ...and what it cannot tell is a limit when it is a question: "cannot tell you which threshold to use", not "cannot
# tell you a good learning rate".
TELLING = frozenset("tell show".split())
QUESTION_WORDS = frozenset("which what whether how why when where".split())
# "class imbalance cannot be ignored" insists on it: two denials.
IGNORED = frozenset({("be", "ignored"), ("be", "overlooked"), ("be", "neglected"), ("be", "skipped")})


def _limits(words: Sequence[str], i: int) -> bool:
    following = words[i + 1] if i + 1 < len(words) else ""
    if any(w in INDEFINITES or w in {"any", "much"} for w in words[i + 2 : i + 5]):
        return False
    if following in TELLING:
        return any(w in QUESTION_WORDS for w in words[i + 2 : i + 5])
    return following in LIMITING_VERBS


# "centring removes the batch mean": removing a mean is subtracting it, arithmetic done, not a thing left out.
SUBTRACTED = frozenset("mean means average averages".split())


# What may stand between the privative and the mean: "removes the mini-batch mean", "removes each feature's mean".
DROPPED_FROM = frozenset("computation calculation formula equation pipeline".split())
MEAN_MODIFIERS = frozenset("the each its a batch mini mini-batch minibatch per feature feature's per-feature".split())


def _subtracts(words: Sequence[str], i: int) -> bool:
    """True when a privative's object is a mean ("removes the batch mean"), not "the need for the mean", "average
    precision", or a mean dropped "from the computation"."""
    k = i + 1
    while k < len(words) and words[k] in MEAN_MODIFIERS:
        k += 1
    if k >= len(words) or words[k] not in SUBTRACTED:
        return False
    after = words[k + 1 : k + 4]
    dropped = bool(after) and after[0] == "from" and any(w in DROPPED_FROM for w in after[1:])
    return not (after and after[0] == "precision") and not dropped


MODALS = frozenset("can could will would".split())


def _none_can_remedy(words: Sequence[str], clauses: Sequence[int], i: int, start: int, end: int) -> bool:
    """True when a "no" just before the match makes it the subject of a limiting verb: "no schedule fixes a rate
    that is ten times too large", "no threshold can rescue a leaky split" say what the thing cannot remedy."""
    if words[i] != "no" or not 0 < start - i <= 3 or end + 1 >= len(words) or clauses[end + 1] != clauses[i]:
        return False
    k = end + 1
    if words[k] in MODALS:
        k += 1
    if k >= len(words) or any(w in INDEFINITES or w in {"any", "much"} for w in words[k + 1 : k + 4]):
        return False
    verb = words[k]  # "fixes", "rescues", "fix"
    if not any(form in LIMITING_VERBS for form in (verb, verb[:-1], verb[:-2] if verb.endswith("es") else "")):
        return False
    # only a case the sentence qualifies is beyond the remedy ("a rate that is ten times too large", "a model
    # evaluated on a leaky split"): "no regularization can fix overfitting" denies what the thing is for
    obj = words[k + 1 : k + 8]
    return any(w in {"that", "which", "who"} or (w.endswith("ed") and len(w) > 4) for w in obj)


def _negated(
    segment: Segment,
    start: int,
    end: int,
    own: int = 0,
    matched: frozenset[int] = frozenset(),
    said: frozenset[str] = frozenset(),
    done: frozenset[str] = frozenset(),
) -> bool:
    """True when the denials in the match's clause (before and inside it) outnumber the phrase's own by an odd count.

    A privative among the matched words ("removes" for "removed from the front") is what the phrase
    says, not a denial of it. A match that runs on into a later clause opened by a bare "not" or "never"
    counts that denial too: "returns the address of the variable, not the value" does not say "returns
    the value"."""
    words, clauses = segment.words, segment.clauses
    clause = clauses[start]
    lo = _denial_window(clauses, start)
    cues = [
        i
        for i in denial_positions(words, lo, end + 1)
        if (
            clauses[i] == clause
            or i in matched  # the phrase's own "instead of", which opens a clause of its own
            or (clauses[i] <= clauses[end] and scope.opens_elliptical_denial(segment, i))
        )
        and not (words[i] in lexicon.PRIVATIVES and (i in matched or segment.stems[i] in done or _subtracts(words, i)))
        and not scope.sets_a_condition(segment, i)
        and not (
            i not in matched
            and (scope.denies_the_manner(segment, i, matched) or scope.denies_the_setting(segment, i, start, end))
        )
        and not (own == 0 and i not in matched and scope.denies_a_stop_or_a_first(segment, i))
        and not scope.not_until(segment, i)
        and not scope.denies_a_likeness(segment, i, start)
        and not _in_a_bare_relative(words, i, start)
        and not _in_a_relative_after(words, clauses, i, start)
        and not _denies_a_kind(words, i, start)
        and not (i not in matched and scope.denies_leaving_it(segment, i, start))
        and not scope.denies_another_predicate(segment, i, start, end, said)
        and not scope.second_predicate_between(words, i, min((k for k in matched if k > i), default=start))
        and not _none_can_remedy(words, clauses, i, start, end)
    ]
    # "I didn't pick a neural network because the data was tabular": a phrase that runs on into its reason
    # ("picked it because") gives the reason for a choice, whichever way the choice went.
    gives_reason = any(
        clauses[k] != clauses[k - 1] and words[k] in {"because", "since"} for k in range(start + 1, end + 1)
    )
    if (len(cues) - own) % 2 and not gives_reason:
        # "Skipping the baseline would be a mistake": a judgement of the denied match affirms it, and so does a
        # denied judgement of its worth: "skipping the baseline isn't a time saver".
        return not (
            scope.judged_worthless(segment, end)
            or _worth_denied_after(segment, end, said)
            or scope.subject_judged_worthless(segment, start, end)
        )
    if (
        own % 2
        and not gives_reason
        and (scope.judged_worthless(segment, end) or scope.subject_judged_worthless(segment, start, end))
    ):
        return True  # the same of a phrase that says the skipping itself: "skip the baseline" "is a false economy"
    # A denied predicate after the match only denies the match when the match is its subject:
    # "the task depends on context the n-grams can't capture" does not deny "context", and in "you keep
    # track of the last item and do not ...", "you" is the subject.
    if not (len(cues) - own) % 2 and not own % 2 and scope.subject_judged_worthless(segment, start, end):
        return True  # "Saying you should always use a transformer, whatever the budget, is a mistake"
    opens = clause_start(clauses, start)
    before = words[opens:start]
    if any(w in AUXILIARIES or w in VERB_WORDS or w in SUBJECT_PRONOUNS or w in RELATIVE_WORDS for w in before):
        return False  # "a model that always predicts the majority class is useless" judges the model
    # "The running averages are stored but never affect predictions": a clause of the same sentence
    # with no subject of its own, opened by a denial, denies the predicate of the match's subject.
    nxt = next((i for i in range(end + 1, len(words)) if clauses[i] != clause), None)
    if nxt is not None:
        head = words[nxt : nxt + 3]
        if head and head[0] in {"but", "and", "yet"}:
            head = head[1:]
        if head and (head[0] == "never" or (head[0] in AUXILIARIES and head[1:2] in (("not",), ("never",)))):
            return True
    for i in range(end + 1, min(len(words), end + 1 + NEGATION_AFTER_WINDOW)):
        word = words[i]
        following = words[i + 1] if i + 1 < len(words) else ""
        if clauses[i] != clause or word in RELATIVE_WORDS:
            break  # "assumptions that don't match the data" does not deny the assumptions
        if word == "with" and following in DETERMINERS:
            break  # "..., with the extra accuracy often irrelevant": what is judged is the accuracy
        if word == "and" and (following in AUXILIARIES or following in VERB_WORDS or following in {"it", "i", "we"}):
            break  # "uses the running average and does not need a batch": a second predicate
        # "monitoring makes a daily retrain unnecessary" judges the retrain
        of_an_object = any(w in OBJECT_JUDGING_VERBS for w in words[end + 1 : i])
        attributive = _attributive(words[i - 1], word, following) and not (i >= 2 and words[i - 2] in COPULAS)
        if (word in DENIAL_AFTER and not of_an_object and not attributive) or (word == "never" and i == end + 1):
            return True  # "adding features never reduces bias"
        if scope.judged_worse(segment, i) and not any(w in scope.PREPOSITIONS for w in before):
            return True  # "decaying the rate makes the final model worse", "X is no better than Y"
        if ((word, following) in SET_ASIDE_AFTER or word == "discarded") and not of_an_object and end > start:
            return True  # "the running averages are thrown away" (a lone word: "the baseline was discarded" early)
        if word == "only" and _only_for_show(words, clauses, i):
            return True  # "the running averages are only kept for logging": for nothing that counts
        if word == "nothing" and following in ONLY_THIS and words[i - 1] in {"and", "or"}:
            break  # "can make a single split and nothing more": only that, no denial of it
        if (word == "no" and following in NO_WORTH) or word == "nothing":
            return True  # "makes no difference", "adds nothing"
        if word == "cannot" and (_limits(words, i) or tuple(words[i + 1 : i + 3]) in IGNORED):
            break  # "a schedule cannot rescue a rate that diverges" limits it; "cannot be ignored" insists on it
        if word == "cannot" and following not in DESCRIPTIVE_PREDICATES:
            return True  # "class imbalance cannot explain it"
        if word in AUXILIARIES and following in {"not", "never"}:
            if not _judges(segment, i + 2, said):
                return False  # "Adam does not need as much tuning", "TF-IDF is not context-aware": a description
            # "Adam does not remove the need to tune": two denials in the predicate affirm it.
            clause_end = i
            # "won't show you anything that the accuracy doesn't already": a relative clause's denial is its own
            # and so does "won't tell me anything the accuracy doesn't already", with no "that"
            while (
                clause_end + 1 < len(words)
                and clauses[clause_end + 1] == clause
                and words[clause_end + 1] != "that"
                and not (words[clause_end] in INDEFINITES and words[clause_end + 1] in OPENS_A_SUBJECT)
            ):
                clause_end += 1
            denied = denial_positions(words, i, clause_end + 1)
            judged = [k for k in range(i, clause_end + 1) if words[k] in DENIAL_AFTER]  # "not ... irrelevant"
            return (len(denied) + len(judged)) % 2 == 1
    return False


# "unlike a stack": what the clause says is said of the other thing.
CONTRAST_OPENERS = frozenset({"unlike"})
# "like a stack, except ...": a likeness the sentence goes on to qualify is not an identity.
LIKENESS_WORDS = frozenset({"like", "similar", "similarly", "resembles"})
QUALIFIERS = frozenset({"but", "except", "however", "yet", "though", "although", "only"})
# "A queue is FIFO, whereas a stack is LIFO": a clause set against one that earns a key point.
CONTRASTING = frozenset({"unlike", "whereas", "while", "except"})


def _clause_openers(segment: Segment) -> dict[int, str]:
    """The first word of each clause of the segment."""
    out: dict[int, str] = {}
    for word, clause in zip(segment.words, segment.clauses, strict=True):
        out.setdefault(clause, word)
    return out


def about_the_other(segment: Segment, start: int, end: int) -> bool:
    """True when the words start..end describe something the sentence sets against its subject."""
    openers = _clause_openers(segment)
    clause = segment.clauses[start]
    if openers[clause] in CONTRAST_OPENERS:
        return True
    earlier = [c for c in openers if c < clause]
    if openers[clause] in RELATIVE_WORDS and earlier and openers[max(earlier)] in CONTRAST_OPENERS:
        return True  # "unlike a stack which is LIFO"
    lo = max(0, start - 1)
    if any(w in LIKENESS_WORDS for w in segment.words[lo : end + 1]):
        return any(c > segment.clauses[end] and w in QUALIFIERS for c, w in openers.items())
    return False


def set_against(segment: Segment, one: int, other: int) -> bool:
    """True when a contrast ("whereas", "unlike", "except") opens a clause from clause one to clause other."""
    lo, hi = sorted((one, other))
    return lo != hi and any(lo < c <= hi and w in CONTRASTING for c, w in _clause_openers(segment).items())


MAKES_WORTH = frozenset({("a", "difference"), ("any", "difference"), ("much", "difference"), ("much", "sense")})
CONCERNS = frozenset("factor concern issue problem consideration priority constraint bottleneck differentiator".split())
# "isn't a time saver", "is not a real advantage": nouns of worth, denied.
WORTH_NOUNS = frozenset("saver advantage benefit gain win".split())
SAVED = frozenset("time money cost effort labour labor".split())
CONCERN_DEGREES = frozenset("real big major serious significant huge practical".split())
SETTINGS = frozenset("for with in at on when during".split())
# ... and whose advantage it is not: "is not an advantage of the transformer", "not a gain over TF-IDF"
WHOSE = SETTINGS | frozenset("of over to around from".split())
CONCERN_CONDITIONS = frozenset("if when for unless while".split())


# "thrown away": set aside, after the match.
SET_ASIDE_AFTER = frozenset({("thrown", "away"), ("thrown", "out"), ("tossed", "away")})
# What a thing kept only for show is kept for.
FOR_SHOW = frozenset("logging monitoring plotting display show dashboards debugging".split())


def _only_for_show(words: Sequence[str], clauses: Sequence[int], i: int) -> bool:
    """True for "only (there|kept|tracked) for logging": kept for show, not used."""
    rest = [w for k, w in enumerate(words[i + 1 : i + 5], start=i + 1) if clauses[k] == clauses[i]]
    if "for" not in rest:
        return False
    after_for = rest[rest.index("for") + 1 :]
    return bool(after_for) and after_for[0] in FOR_SHOW


# Judgements that are nouns ("a waste", "a mistake", "overkill"); the rest are adjectives.
JUDGEMENT_NOUNS = frozenset({"waste", "mistake", "overkill"})


DETERMINERS = frozenset("a an the this that any some".split())
# "is a useless detour": after a copula, the judged noun phrase is what the subject is said to be.
COPULAS = scope.COPULAS | frozenset("seems seemed looks looked felt feels".split())


def _in_a_bare_relative(words: Sequence[str], i: int, start: int) -> bool:
    """True when the match sits in a relative clause with no "that" after the denial at i: in "won't tell you
    anything a confusion matrix doesn't", the denial is of the telling, not of the confusion matrix. "There wasn't
    anything I didn't know" denies that anything fits the relative clause: the denial reaches it."""
    return "there" not in words[max(0, i - 2) : i] and any(
        words[k] in INDEFINITES and words[k + 1] in OPENS_A_SUBJECT for k in range(i + 1, start)
    )


def _in_a_relative_after(words: Sequence[str], clauses: Sequence[int], i: int, start: int) -> bool:
    """True when a relative "that" or "which" after a noun stands between the denial and the match: "won't rescue
    a run that has already diverged" denies the rescue, not the divergence. ("I never checked that the fix
    worked" is a verb's "that", which the denial reaches.)"""
    for k in range(i + 2, start):
        if words[k] in {"that", "which", "who"} and clauses[k] == clauses[i]:
            before = words[k - 1]
            noun_phrase = any(w in DETERMINERS for w in words[max(i + 1, k - 3) : k - 1])
            if noun_phrase and before not in STOPWORDS and before not in VERB_WORDS and not before.endswith("ed"):
                return True
    return False


def _denies_a_kind(words: Sequence[str], i: int, start: int) -> bool:
    """True for "X is not a <match>": "weight decay is not a learning-rate schedule" says what weight decay is
    not, not that schedules are not used."""
    return (
        i >= 2
        and words[i - 1] in COPULAS
        and words[i - 2] not in STOPWORDS
        and words[i - 2] not in SUBJECT_PRONOUNS  # "I was not a quick learner" says what I was not
        and i + 1 < len(words)
        and words[i + 1] in {"a", "an"}
        and i + 2 <= start <= i + 4
    )


def _attributive(before: str, word: str, following: str) -> bool:
    """True for a judging adjective between a determiner and the noun it describes: "gives you 95% with a useless
    model" judges the model; "is useless" or "a waste of time" judge what they are said of."""
    return (
        before in DETERMINERS
        and word not in JUDGEMENT_NOUNS
        and bool(following)
        and following not in STOPWORDS
        and following.isalpha()
    )


def _worth_denied_after(segment: Segment, end: int, said: frozenset[str]) -> bool:
    """True when the match's predicate denies its worth: "... isn't a time saver", "... is not useful"."""
    words, clauses = segment.words, segment.clauses
    for i in range(end + 1, min(len(words) - 2, end + 1 + JUDGEMENT_REACH)):
        if clauses[i] != clauses[end] or words[i] in RELATIVE_WORDS:
            return False
        if words[i] in AUXILIARIES and words[i + 1] in {"not", "never"}:
            return _judges(segment, i + 2, said)
    return False


# A predicate this many words after the match can judge it.
JUDGEMENT_REACH = 6


def _limited(segment: Segment, k: int, prepositions: frozenset[str]) -> bool:
    """True when the noun at k goes on, in its clause, with one of these prepositions: a judgement limited to a
    setting or a holder ("not a problem for TF-IDF", "not an advantage of the transformer")."""
    words = segment.words
    return k + 1 < len(words) and segment.clauses[k + 1] == segment.clauses[k] and words[k + 1] in prepositions


def _judges(segment: Segment, at: int, said: frozenset[str]) -> bool:
    """True when the predicate from word `at` judges what it is said of ("is not useful", "does not matter"),
    or says what the point says of it (`said`: "gamma and beta are not learned")."""
    words = segment.words
    while at < len(words) and words[at] in PREDICATE_ADVERBS:
        at += 1
    if at >= len(words) or tuple(words[at + 1 : at + 3]) in (("as", "much"), ("as", "many")):
        return False  # "does not need as much tuning as SGD" compares, it does not deny
    if words[at] in {"make", "makes"}:  # "does not make sense"; "doesn't make the rate a free choice" is causative
        return tuple(words[at + 1 : at + 3]) in MAKES_WORTH or words[at + 1 : at + 2] == ("sense",)
    if words[at] in {"use", "uses", "used"}:  # "is not used by the layer"; "never used for tuning" says what for
        return at + 1 >= len(words) or words[at + 1] not in {"for", "to", "in", "during", "as"}
    # "serving cost isn't a real factor", "is not a big concern": it is judged not to count
    k = at + 1 if words[at] in {"a", "an"} else at
    while k < len(words) and words[k] in CONCERN_DEGREES:
        k += 1
    if k > at and k + 1 < len(words) and words[k] in SAVED and words[k + 1] in WORTH_NOUNS:
        k += 1  # "skipping the baseline isn't a time saver": judged not worth it
    if k > at and k < len(words) and words[k] in WORTH_NOUNS:
        # "isn't a time saver"; "is not an advantage of the transformer" says whose advantage it is not
        return not _limited(segment, k, WHOSE)
    if k > at and k < len(words) and words[k] in CONCERNS:
        if words[0] in CONCERN_CONDITIONS or "if" in words:
            return False  # "for a prototype, GPU cost is not a real constraint": no concern in that case only
        # "latency is not a problem for TF-IDF" says where it is no problem, which the point may well say
        return not _limited(segment, k, SETTINGS)
    if words[at] in EVALUATIVE and at + 1 < len(words) and words[at + 1] in {"if", "unless"}:
        return False  # "a decay schedule does not help if the initial rate already diverges": only in that case
    return words[at] in EVALUATIVE or any(segment.stems[at].startswith(x) for x in said if len(x) >= 4)
