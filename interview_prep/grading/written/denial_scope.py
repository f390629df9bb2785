"""What a denial before a rubric phrase does not reach: where "not" or "never" in a match's clause is about
something else than the match.

"It is not true that regularization reduces bias" denies the proposition's predicate, not regularization;
"skipping the baseline would be a mistake" judges the denial itself; "never showed up until I shuffled"
says when; "without monitoring, the model degrades" sets a condition; "never changed two things at once"
denies the manner, "never evaluated on the test set" the setting, "didn't stop at the first fix" a stop,
"had never built one before" what came first. phrases.py counts only the denials none of these explains.
"""

from __future__ import annotations

from collections.abc import Sequence

from interview_prep.grading.written.segments import (
    AUXILIARIES,
    DENIAL_AFTER,
    RELATIVE_WORDS,
    STOPWORDS,
    SUBJECT_PRONOUNS,
    VERB_WORDS,
    Segment,
)

# A judgement this many words after a match, in its clause, can judge it ("is a mistake").
JUDGEMENT_WINDOW = 8

# "it is not true that ...", "it is not the case that ...": words between a denial and the "that" it denies.
PROPOSITION_WORDS = frozenset("true the case so correct right clear".split())


def judged_worthless(segment: Segment, end: int) -> bool:
    """True when the predicate after the match (with no denial of its own) judges it worthless: "is a mistake"."""
    words, clauses = segment.words, segment.clauses
    for i in range(end + 1, min(len(words), end + 1 + JUDGEMENT_WINDOW)):
        if clauses[i] != clauses[end] or words[i] in RELATIVE_WORDS or words[i] in {"not", "never", "no"}:
            return False
        if words[i] in DENIAL_AFTER or tuple(words[i : i + 2]) in WORTHLESS_PAIRS:
            return True
    return False


INNER_CLAUSES = frozenset("where when whenever which that if whatever because since while although unless".split())
# Words ending in -ing that open a sentence without being a gerund subject.
NOT_GERUNDS = frozenset("during nothing something anything everything thing things bring string king".split())


def subject_judged_worthless(segment: Segment, start: int, end: int, *, conditional: bool = False) -> bool:
    """True when the sentence opens with a gerund phrase that holds the match and its main verb judges that
    phrase: "Shuffling all the emails and splitting at random when mail arrives over time is a mistake". What
    a clause inside the phrase says ("when mail arrives over time", "on a dataset where 95% are negatives") is
    the setting of the act judged, not the act."""
    words = segment.words
    if not words or not words[0].endswith("ing") or words[0] in NOT_GERUNDS:
        return False
    if any(w in INNER_CLAUSES for w in words[:start]):
        return False
    for k in range(end + 1, len(words)):
        if words[k] in INNER_CLAUSES and not conditional:
            # "adding capacity when you already overfit is a mistake" judges the act in that case only: no
            # denial of a point (conditional=True: still no statement of a misconception)
            return False
        if words[k] in {"is", "was"} or (words[k] == "be" and words[k - 1] in {"would", "will"}):
            tail = words[k + 1 : k + 4]
            if "not" in tail or "never" in tail:
                return False
            pairs = set(zip(tail, tail[1:], strict=False))
            return any(w in DENIAL_AFTER for w in tail) or bool(pairs & WORTHLESS_PAIRS)
    return False


# Two-word judgements of the same kind: "skipping the baseline is a false economy".
WORTHLESS_PAIRS = frozenset({("false", "economy"), ("bad", "idea"), ("bad", "habit")})


def denies_another_predicate(segment: Segment, i: int, start: int, end: int, said: frozenset[str]) -> bool:
    """True for a denial of a proposition ("it is not true that X ...") whose predicate after the match is
    not what the point says of it: "it is not true that regularization reduces bias" denies that
    regularization reduces bias, not that regularization is a remedy for variance."""
    words, clauses = segment.words, segment.clauses
    if i >= start or "that" not in words[i + 1 : start]:
        return False
    that = words.index("that", i + 1)
    if any(w not in PROPOSITION_WORDS for w in words[i + 1 : that]):
        return False  # "I never checked that the fix worked" denies the checking
    after = words[end + 1] if end + 1 < len(words) and clauses[end + 1] == clauses[end] else ""
    if not (after in VERB_WORDS or after in AUXILIARIES or (after not in STOPWORDS and after.endswith(("s", "ed")))):
        return False  # the match is no subject with a predicate of its own: "a myth that it memorizes the data"
    predicate = [
        s
        for k, s in enumerate(segment.stems)
        if k > end and clauses[k] == clauses[end] and words[k] not in STOPWORDS and words[k] not in AUXILIARIES
    ]
    if not predicate:
        return False
    return sum(1 for s in predicate if s in said) * 2 <= len(predicate)


# "If we never retrain it, the model degrades": a denial inside a condition supposes, it does not say.
CONDITION_OPENERS = frozenset({"if", "unless"})
# ... and "whenever my numbers didn't match, I went back": a denial a "when" clause supposes. Not for a mistake
# (after_a_mistake): "when you don't have much data, a random split is fine" still states the misconception.
SUPPOSING = CONDITION_OPENERS | {"when", "whenever"}


def in_a_condition(segment: Segment, at: int) -> bool:
    """True when word `at` is in a clause opened by "if" or "unless": what it denies is supposed, not denied."""
    clause = segment.clauses[at]
    first = next(k for k, c in enumerate(segment.clauses) if c == clause)
    return segment.words[first] in SUPPOSING


# "If you forget to call model.eval(), the layer keeps using batch statistics": the consequence of a mistake.
MISTAKE_WORDS = frozenset(
    "forget forgets forgot forgotten forgetting fail fails failed accidentally mistakenly wrongly".split()
)
# Nouns that name a mistake as the subject of a sentence: "a classic bug is forgetting to call eval()".
MISTAKE_NOUNS = frozenset("bug bugs mistake mistakes pitfall pitfalls gotcha".split())


def after_a_mistake(segment: Segment, at: int) -> bool:
    """True when word `at` is in the main clause of a sentence opened by an "if" clause that supposes a mistake
    ("if you forget to ...", "if you don't switch to eval mode"), or by a clause that names the mistake ("a classic
    bug is forgetting to ..."): it says what goes wrong, not how things are."""
    if segment.clauses[at] == segment.clauses[0]:
        return False
    first = [w for w, c in zip(segment.words, segment.clauses, strict=True) if c == segment.clauses[0]]
    if segment.words[0] in CONDITION_OPENERS:
        return any(w in MISTAKE_WORDS or w in {"not", "never", "no"} for w in first)
    # "A classic bug is forgetting to call eval(): the model then normalises with batch statistics"
    return any(w in MISTAKE_NOUNS for w in first) and any(w in MISTAKE_WORDS for w in first)


# "Good ranking doesn't imply good calibration": what is denied is that one follows from the other.
IMPLYING = frozenset("imply implies guarantee guarantees entail entails mean means".split())


def denies_an_implication(segment: Segment, i: int, start: int) -> bool:
    """True for a denial of "imply"/"guarantee" before the match: "X doesn't imply Y" does not deny Y."""
    words = segment.words
    k = i + 1
    while k < len(words) and words[k] in {"necessarily", "automatically", "always", "really"}:
        k += 1
    return k < start and k < len(words) and words[k] in IMPLYING


# "I'd never leave the threshold at 0.5": a denial of leaving a thing as it is says it is changed.
LEAVING = frozenset("leave leaving left keep keeping stick".split())


def denies_leaving_it(segment: Segment, i: int, start: int) -> bool:
    """True for "never leave X at ...", "not keep X as ...": the match X is changed, not denied."""
    words, clauses = segment.words, segment.clauses
    if i + 1 >= len(words) or words[i + 1] not in LEAVING or start <= i + 1:
        return False
    return any(words[k] in {"at", "as"} and clauses[k] == clauses[i] for k in range(start, min(len(words), start + 6)))


def not_until(segment: Segment, i: int) -> bool:
    """True for a "not"/"never" whose clause is followed by an "until" (or "before I ...") clause: "the bug
    never showed up on the small case until I shuffled the rows" says when it did, not that it did not."""
    words, clauses = segment.words, segment.clauses
    if words[i] not in {"not", "never"}:
        return False
    after = next((k for k in range(i + 1, len(words)) if clauses[k] != clauses[i]), None)
    if after is None:
        return False
    # "did not change anything before I had a hypothesis"; "never used it before the internship" is a denial
    following = words[after + 1] if after + 1 < len(words) else ""
    return words[after] == "until" or (words[after] == "before" and following in SUBJECT_PRONOUNS | {"it"})


def sets_a_condition(segment: Segment, i: int) -> bool:
    """True for a "without" that opens the sentence and a clause of its own: "Without monitoring, the model
    degrades" says what monitoring is for; it does not deny it. So does one before a modal of consequence,
    with no comma: "without monitoring the model would silently degrade"."""
    # "With no regularization, a deep tree overfits": the same condition, said with "with no"
    opens_with_no = i == 1 and segment.words[:2] == ("with", "no")
    if not opens_with_no and (i != 0 or segment.words[0] != "without"):
        return False
    return segment.clauses[-1] != segment.clauses[0] or any(w in CONSEQUENCE_MODALS for w in segment.words[2:])


# "without X the model would degrade": the modal says what follows from the lack of X.
CONSEQUENCE_MODALS = frozenset({"would", "will", "could", "might"})
# "I never changed two things at once", "I didn't guess at random": the denial is of the manner, not the act.
MANNER_DENIED = frozenset({("at", "once"), ("at", "random"), ("same", "time")})
MANNER_WORDS = frozenset({"randomly", "blindly", "alone", "only"})
SETTING_PREPOSITIONS = frozenset({"on", "during", "in", "at"})


# "I didn't stop at the first fix": a denied stop is a double negation. "I had never built one before": what had
# not been done until then, not a denial of doing it in the story.
STOPPING = frozenset("stop stopped quit settle settled rest forget forgot avoid avoided".split())
EXPERIENCE_ENDS = frozenset({"before", "yet"})
PERCEIVING = frozenset("see saw seen notice noticed expect expected".split())


def settles_on(words: Sequence[str], k: int) -> bool:
    """ "We never settled on a metric" denies a choice; "I didn't settle for the first fix" denies a stop."""
    return words[k] in {"settle", "settled"} and k + 1 < len(words) and words[k + 1] == "on"


def denies_a_stop_or_a_first(segment: Segment, i: int) -> bool:
    words, clauses = segment.words, segment.clauses
    if any(
        (w in STOPPING and not settles_on(words, k)) or w in PERCEIVING
        for k, w in enumerate(words[i + 1 : i + 3], start=i + 1)
    ):
        return True  # "I did not see the problem on the training set" says what was seen
    last = max(k for k in range(len(words)) if clauses[k] == clauses[i])
    if last + 2 == len(words):  # "before" at the end opens a clause of its own
        last += 1
    return words[i] in {"never", "not"} and words[last] in EXPERIENCE_ENDS


def denies_the_setting(segment: Segment, i: int, start: int, end: int) -> bool:
    """True for a denied verb followed by where or when it was done: "we never evaluated on the test set during
    development" denies the setting, not the evaluating."""
    words, clauses = segment.words, segment.clauses
    verb = start == end and all(w in AUXILIARIES for w in words[i + 1 : start]) and words[start].endswith("ed")
    return verb and end + 1 < len(words) and clauses[end + 1] == clauses[end] and words[end + 1] in SETTING_PREPOSITIONS


def denies_the_manner(segment: Segment, i: int, matched: frozenset[int] = frozenset()) -> bool:
    """True for a denial whose clause ends on how it was done: "never changed two things at once". A manner
    that is part of the match is what is denied: "I wouldn't split randomly" denies "split at random"."""
    words, clauses = segment.words, segment.clauses
    own = [k for k in range(i + 1, len(words)) if clauses[k] == clauses[i] and k not in matched]
    tail = [words[k] for k in own]
    if set(zip(tail, tail[1:], strict=False)) & MANNER_DENIED:
        return True
    # "We did not rely on accuracy alone" denies how it was done; "it is not linear in n alone" denies a
    # state, which has no manner: the denial is of the claim.
    return any(w in MANNER_WORDS for w in tail) and not (i > 0 and words[i - 1] in COPULAS)


COPULAS = frozenset({"is", "are", "was", "were", "be", "been"})


def opens_elliptical_denial(segment: Segment, i: int) -> bool:
    """True when word i is a bare "not"/"never" opening its clause: "the address, not the value"."""
    return segment.words[i] in {"not", "never"} and (i == 0 or segment.clauses[i - 1] != segment.clauses[i])


# "With a rare positive class, accuracy is a worse guide": a match after one of these is no subject to judge.
PREPOSITIONS = frozenset("with for in on at during from by under".split())
# "A shallow tree is worse at fitting": an ability, not a judgement of worth.
_ABILITY = frozenset({"at", "in", "on"})
# A sentence that also says what gets better weighs a trade-off: "dropout makes the training loss worse but the
# test loss better".
TRADE_OFF = frozenset(
    "better improve improves improved lower less reduce reduces helps but while whereas though although cost".split()
)


def judged_worse(segment: Segment, i: int) -> bool:
    """True when word i, in a predicate after a match, judges the match worse: "makes the final model worse",
    "are worse than accuracy", "is no better than TF-IDF"."""
    words = segment.words
    prev = words[i - 1] if i else ""
    following = words[i + 1] if i + 1 < len(words) else ""
    if words[i] == "better":
        return prev in {"no", "not"} and following == "than"
    if words[i] != "worse" or prev in {"no", "not", "never"} or following in _ABILITY:
        return False
    return not any(w in TRADE_OFF for k, w in enumerate(words) if k != i)


# What a denial of a likeness denies: "is not the same as clipping", "is not equivalent to dropout".
LIKENESS_TAILS = (
    ("the", "same", "as"),
    ("same", "as"),
    ("equivalent", "to"),
    ("identical", "to"),
    # "is not a benefit over precision and recall": the comparand is not what is denied
    ("a", "benefit", "over"),
    ("an", "advantage", "over"),
    ("an", "improvement", "over"),
    ("a", "substitute", "for"),
    ("a", "replacement", "for"),
)


def denies_a_likeness(segment: Segment, i: int, start: int) -> bool:
    """True for a "not" that denies that one thing is the same as the match, not the match: "adding eps
    inside the log is not the same as clipping, so I clip p" says clipping is something else, not that
    it is not done."""
    words = segment.words
    if words[i] not in {"not", "never"}:
        return False
    return any(tuple(words[i + 1 : i + 1 + len(t)]) == t and i + len(t) < start for t in LIKENESS_TAILS)


# "I'd never tune the threshold on the test set", "we didn't use any labels from the test month": what is denied is
# a leak, an act done with held-out data that must not be, so the denial is good practice, not a step left undone.
# ("we never built a test set", "I didn't use a test set" deny the held-out data itself: no leak.)
LEAKING_ACTS = frozenset(
    """tune tuned tuning train trained training retrain retrained fit fitted fitting select selected pick picked
    choose chose use used build built""".split()
)
# Acts that leak whatever the held-out data is to them: "I never touched the held-out data".
PEEKING = frozenset("touch touched peek peeked".split())
HELD_OUT_NOUNS = frozenset("set month data split weeks week period fold folds emails mail labels".split())
SOURCES = frozenset("on from against with using of in".split())


def denies_a_leak(segment: Segment, i: int) -> bool:
    """True when the denial at `i` is of an act of leaking done with held-out data, named in its clause."""
    words, clauses = segment.words, segment.clauses
    own = [words[k] for k in range(i + 1, len(words)) if clauses[k] == clauses[i]]
    held_out = [
        n
        for n, w in enumerate(own)
        if w in {"held", "holdout"} or (w == "test" and n + 1 < len(own) and own[n + 1] in HELD_OUT_NOUNS)
    ]
    if not held_out:
        return False
    if any(w in PEEKING for w in own):
        return True
    as_source = any(w in SOURCES for n in held_out for w in own[max(0, n - 3) : n])
    return as_source and any(w in LEAKING_ACTS for w in own)


# "I skipped the GPU and trained on the CPU", "I didn't understand the masks, so I built a toy example": after
# one of these, a verb or a subject opens a second predicate, which the denial before it does not reach.
SECOND_PREDICATE_OPENERS = frozenset({"and", "so", "then", "but"})  # "never built it or tried it" denies both
NEW_SUBJECTS = frozenset({"i", "we", "it", "they", "you"})
SECOND_VERBS = frozenset(
    "read wrote write start begin use go move build try focus look run train test fit pick made make got took".split()
)


def second_predicate_between(words: Sequence[str], cue: int, start: int, verbs: bool = True) -> bool:
    """True when an "and/so/then/but" before a verb, an auxiliary or a new subject stands between a denial and
    what it would deny: "I skipped the GPU and trained on the CPU" does not deny the training. Without `verbs`,
    only a new subject or auxiliary opens one: "doesn't overshoot and make the loss diverge" shares its "doesn't"."""
    for k in range(cue + 1, start):
        if words[k] in SECOND_PREDICATE_OPENERS:
            nxt = words[k + 1]
            verb = nxt in VERB_WORDS or nxt in SECOND_VERBS or (nxt.endswith("ed") and len(nxt) > 4)
            if nxt in AUXILIARIES or nxt in NEW_SUBJECTS or (verbs and verb):
                return True
    return False


# "People assume regularization reduces bias, which it does not", "Some think a bigger model increases bias, but
# it does not", "..., which they rarely do", "..., which isn't true": a short clause after the match that only
# denies what was said takes it back. Not a hedge ("but it doesn't always"), not the candidate's own guess or check
# ("I thought it was the learning rate, but it wasn't": the guess was wrong, the step was taken), not a condition
# ("if the classes were balanced ..., but they are not"), and not a clause that already denies ("deeper trees do
# not have lower variance, which they never do" agrees with it).
TAIL_OPENERS = frozenset({"which", "but"})
TAIL_PRONOUNS = frozenset({"it", "they", "this", "that"})
TAIL_DENIALS = frozenset({"not", "never", "rarely", "seldom", "hardly"})
TAIL_FILLERS = frozenset("do does did is are was were will would can could really at all in practice".split())
# "..., which isn't true", "but that is not the case", "which is false"
TAIL_TRUTH = frozenset("true correct right case".split())
TAIL_FALSITY = frozenset("false wrong untrue myth".split())
OWN_VOICE = frozenset("i we my our i'd we'd me us".split())
SUPPOSING_WORDS = frozenset("if unless might would could whether".split())
# What makes the clause before a tail a denial already ("n't" is read as "not").
CLAUSE_DENIALS = frozenset("not never no without cannot nothing none".split())


def taken_back_after(segment: Segment, at: int) -> bool:
    """True when the clause after word `at`'s clause is such a denial, and all of it."""
    words, clauses = segment.words, segment.clauses
    nxt = next((k for k in range(at + 1, len(words)) if clauses[k] != clauses[at]), None)
    if nxt is None or words[nxt] not in TAIL_OPENERS or nxt + 1 >= len(words):
        return False
    tail = [words[k] for k in range(nxt + 1, len(words)) if clauses[k] == clauses[nxt]]
    if tail and tail[0] in TAIL_PRONOUNS:
        tail = tail[1:]
    elif words[nxt] == "but":
        return False  # "but it does not", "but that isn't true"; not "but does not reduce bias"
    said = set(words[k] for k in range(0, nxt) if clauses[k] <= clauses[at])
    if OWN_VOICE & said:
        return False
    content = [w for w in tail if w not in TAIL_FILLERS and w not in TAIL_DENIALS and w not in {"the", "a"}]
    denied = any(w in TAIL_DENIALS for w in tail)
    if content and (all(w in TAIL_FALSITY for w in content) or (denied and all(w in TAIL_TRUTH for w in content))):
        return True  # "which isn't true", "but that is false": said of what was said, whatever it says
    # "which it does not" repeats the clause's predicate, denied: a clause that already denies is agreed with, and
    # in a supposition it may deny the condition ("if the classes were balanced ..., but they are not")
    return denied and not content and not CLAUSE_DENIALS & said and not SUPPOSING_WORDS & said
