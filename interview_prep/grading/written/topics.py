"""What a key point is about, and a clause that says it was not done: "I never checked the data".

A story point ("describes the data", "verifies the fix") is earned by its phrases; its inversion rarely
uses them. A point's topic words are the content words of its description, paraphrases and probe that no
other point of the question shares, that the prompt does not use, and that those texts do not deny
themselves ("what they did not know"). A clause denies the point when the candidate says they never did
it, with a topic word after the denial ("I never checked the data before training"), or judges a topic
worthless ("how the data was split did not matter", "the choice of model was irrelevant"). Such a clause
only contradicts: naming a topic word earns nothing. It is read only on a story question (its rubric has
no claims), and not when the sentence gives a reason, says what was done instead, qualifies, gives a number,
or denies a manner, a setting, an attitude or a stop.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from interview_prep.grading.written import segments as seg_words
from interview_prep.grading.written.denial_scope import SUPPOSING, denies_a_leak, settles_on
from interview_prep.grading.written.occurrences import negation_positions
from interview_prep.grading.written.phrases import denial_positions
from interview_prep.grading.written.segments import NUMBER_STEM, OBJECT_JUDGING_VERBS, Segment, stem_all, tokenize
from interview_prep.models import Question

# Words of any question or answer, which say nothing of which point a clause is about.
GENERIC = frozenset(
    """say tell exactly thing things kind way something anything everything nothing really much many one ones
    first make made get got know knew use used work worked give gives how what which would you your they their
    them i we my our me us it's before after start started end mean means did do does done go went want wanted
    matter mattered matters need needed needs right wrong good bad well better worse new old out down but too most
    more off each set same again given rather against said whether change changed changes changing state states
    explain explains describe describes concrete specific specifics model models check checked checks
    checking""".split()
)
# "I didn't stop at the first fix", "I never forgot to verify": a denied stop is a double negation.
STOPPING = frozenset(
    "stop stopped quit settle settled rest forget forgot skip skipped ignore ignored avoid avoided rush rushed".split()
)
# "I had never built one before", "we did not have it yet": what the candidate had not done until then.
EXPERIENCE = frozenset({"before", "yet", "then"})
FIRST_PERSON = frozenset({"i", "we"})
# "My hypothesis was that the loss wasn't comparing the right things": what follows is what was suspected.
BELIEF_NOUNS = frozenset("hypothesis suspicion guess theory hunch belief assumption".split())


def reports_a_belief(words: Sequence[str], lo: int, hi: int) -> bool:
    """True when "<belief noun> ... that" opens in [lo, hi): what follows it is what was suspected."""
    return any(words[k] in BELIEF_NOUNS and "that" in words[k + 1 : k + 4] for k in range(lo, hi))


def step_comes_first(words: Sequence[str], k: int, any_object: bool) -> bool:
    """True when word k is a "before <doing>" or "without <doing>" (with any_object, also "without first", "without a
    shadow deployment"): the act it follows always waits for that step, "never X without Y"."""
    nxt = words[k + 1] if k + 1 < len(words) else ""
    gerund = nxt.endswith("ing") and len(nxt) > 4
    if words[k] == "before":
        return gerund
    return words[k] == "without" and (gerund or (any_object and nxt in {"first", "a", "an", "any", "the"}))


# Predicates that judge their subject worthless: "how the data was split did not matter".
WORTHLESS = frozenset({"irrelevant", "unnecessary", "unrelated", "pointless", "useless", "needless"})
WORTH_DENIED = frozenset({("not", "matter"), ("not", "needed"), ("not", "necessary"), ("no", "difference")})
MIN_TOPIC_LEN = 3
HEDGES = frozenset({"much", "less", "as", "compared", "than"})
PREPOSITIONS = frozenset("on in at during from with for over across into".split())


def _content(text: str) -> set[str]:
    """Content stems of a text, without those it denies itself ("what they did not know")."""
    words, clauses, _ = tokenize(text.lower())
    denied: set[int] = set()
    for i in negation_positions(words, 0, len(words)):
        denied |= {k for k in range(i + 1, len(words)) if clauses[k] == clauses[i]}
    keep = [
        w
        for k, w in enumerate(words)
        if k not in denied
        and w not in seg_words.STOPWORDS
        and w not in seg_words.NEGATION_CUES
        and w not in GENERIC
        and len(w) >= MIN_TOPIC_LEN
    ]
    generic = _generic_stems()
    return {s for s in stem_all(keep) if s.isalpha() and s not in generic}


@lru_cache(maxsize=1)
def _generic_stems() -> frozenset[str]:
    return frozenset(stem_all(sorted(GENERIC)))


@lru_cache(maxsize=256)
def topics(question: Question) -> dict[str, frozenset[str]]:
    """Each key point's topic stems: its own content words that no other point and not the prompt uses."""
    assert question.rubric is not None
    prompt = _content(question.prompt)
    own = {
        kp.id: _content(" ".join([kp.description, *kp.paraphrases, kp.probe])) - prompt
        for kp in question.rubric.key_points
    }
    return {
        kp_id: frozenset(s for s in stems if not any(s in other for k, other in own.items() if k != kp_id))
        for kp_id, stems in own.items()
    }


# Categories of questions about what was done, or would be: a design plan is told like a story.
STORY_CATEGORIES = frozenset({"project", "behavioral", "system-design"})


def is_story(question: Question) -> bool:
    """A question about what was or would be done, not about what is true: a story. So is a rubric with no
    claims. (A plan may still hold a claim: "train on older mail" has its sides the right way round.)"""
    assert question.rubric is not None
    return question.category in STORY_CATEGORIES or not any(kp.claims for kp in question.rubric.key_points)


def _stretches(seg: Segment) -> list[tuple[int, int, int]]:
    """(clause, first word, end) of each clause, with a clause cut before an "and never" that opens a second
    predicate: in "I had no idea and never formed a theory" each denial has its own verb."""
    out: list[tuple[int, int, int]] = []
    for clause in sorted(set(seg.clauses)):
        idx = [i for i, c in enumerate(seg.clauses) if c == clause]
        lo = idx[0]
        for k in idx[1:-1]:
            if seg.words[k] == "and" and seg.words[k + 1] == "never":
                out.append((clause, lo, k))
                lo = k
        out.append((clause, lo, idx[-1] + 1))
    return out


def _shares_a_first_person(seg: Segment, lo: int, cue: int) -> bool:
    """ "I had no idea and never formed a theory": a clause opened by "and" with no subject of its own takes
    the first person of the sentence's first clause."""
    words = seg.words
    if words[lo] not in {"and", "but"} or cue != lo + 1:
        return False
    first = [w for w, c in zip(words, seg.clauses, strict=True) if c == seg.clauses[0]]
    return any(w in FIRST_PERSON for w in first)


def _denies_everything(words: Sequence[str]) -> bool:
    """ "I didn't test anything", "we did not try any of them", "moved on without forming any theory": a denial of
    any act at all, no choice ("without any change to the model" says what a success did not need)."""
    if words[0] == "without":
        return len(words) > 2 and words[1].endswith("ing") and words[2] in {"any", "anything"}
    return words[0] == "not" and any(w in {"anything", "any"} for w in words[1:])


def denied_points(seg: Segment, table: dict[str, frozenset[str]]) -> list[tuple[str, int, int]]:
    """(key point, start, end) for each clause of the segment that denies doing what a point is about; the point
    is the one whose topic word comes last, the object of the denied verb ("never checked the data")."""
    out: list[tuple[str, int, int]] = []
    words, stems = seg.words, seg.stems
    owner = {s: kp_id for kp_id, stems_ in table.items() for s in stems_}
    for clause, lo, hi in _stretches(seg):
        cues = denial_positions(words, lo, hi)
        judged = [k for k in range(lo, hi) if words[k] in WORTHLESS] + [
            k for k in cues if k + 1 < hi and (words[k], words[k + 1]) in WORTH_DENIED
        ]
        if len(cues) + len(judged) - len(set(cues) & set(judged)) != 1:
            continue  # none, or a double negation
        if words[lo] in SUPPOSING:
            continue  # "the model degrades if we never retrain it" warns of the denial, it does not admit it
        if cues and reports_a_belief(words, 0, cues[0]):
            continue  # "my guess was that we never shuffled the data": what was suspected, no step left undone
        if cues and denies_a_leak(seg, cues[0]):
            continue  # "I never touched the held-out data before the final evaluation" is good practice
        if judged and any(w in HEDGES for w in words[judged[0] : hi]):
            continue  # "the exact model did not matter much": a comparison, not a dismissal
        if judged and words[judged[0]] in WORTHLESS and any(w in OBJECT_JUDGING_VERBS for w in words[lo : judged[0]]):
            continue  # "testing it made further guessing pointless" judges the guessing, not the test
        if judged:  # "how the data was split did not matter", "the choice of model was irrelevant"
            named = [owner[stems[k]] for k in range(lo, judged[0]) if stems[k] in owner]
        elif (
            (words[cues[0]] == "never" or _denies_everything(words[cues[0] : hi]) or _denies_a_check(words, cues[0]))
            and (any(w in FIRST_PERSON for w in words[lo : cues[0]]) or _shares_a_first_person(seg, lo, cues[0]))
            and not _knowing(words, cues[0])
        ):
            # "Never": "I never checked the data" admits a habit; "I did not X" often tells a choice made for a
            # reason the sentence leaves out ("we did not label the data ourselves"), unless X is a check.
            # "I never checked the data"
            # A denial before a setting ("we never evaluated on the test set", "did not tune on the held-out month")
            # may deny the setting rather than the act: only a clause without one is read.
            if any(words[k] in PREPOSITIONS for k in range(cues[0] + 1, hi)):
                continue
            named = [owner[stems[k]] for k in range(cues[0] + 1, hi) if stems[k] in owner]
        else:
            continue
        after = words[cues[0] + 1 : cues[0] + 3] if cues else []
        stops = any(w in STOPPING and not settles_on(words, cues[0] + 1 + k) for k, w in enumerate(after))
        if stops or words[hi - 1] in EXPERIENCE or words[-1] in EXPERIENCE:
            continue
        if NUMBER_STEM in stems:
            continue  # a sentence with a number reports a result: "we did not reach 0.9 on the first try"
        if named and not _reasoned(seg, clause, owner) and not _manner(words[lo:hi]) and not _until(seg, clause):
            # "I never reran the evaluation to see whether the errors came down": a denied check that is a point's own
            # act names the point; else its object does ("I never checked the data", "didn't build anything to test")
            verb = next((k for k in range(cues[0] + 1, hi) if words[k] not in VERB_ADVERBS), None) if cues else None
            checked = stems[verb] if verb is not None and words[verb] in CHECKING and not judged else None
            which = owner.get(checked, named[-1]) if checked is not None else named[-1]
            out.append((which, lo, hi - 1))
    return out


VERB_ADVERBS = frozenset("really even once actually properly ever again".split())
# A later clause opened by these gives the reason for what was not done: a decision, not a neglect.
REASONS = frozenset({"because", "since", "as"})
QUALIFIERS = frozenset({"but", "though", "although", "yet", "however"})
MANNER = frozenset({"random", "randomly", "blindly", "alone", "once", "only"})
# Words that may open the clause that says what was done instead: "..., so I compared the two environments".
CONNECTIVES = frozenset({"so", "and", "but", "then", "instead"})


def _reasoned(seg: Segment, clause: int, owner: dict[str, str]) -> bool:
    """True when a later clause gives a reason ("..., because it leaks") or says what was done instead ("I did
    not guess; I formed a hypothesis"): a step of the story, in a point's topic words. "I didn't design any test
    of my idea - once I had a guess, I rewrote the data loader" tells what was done, and it was no step."""
    later = sorted({c for c in seg.clauses if c > clause})
    for c in later:
        idx = [k for k, c_ in enumerate(seg.clauses) if c_ == c]
        own = [seg.words[k] for k in idx]
        if own[0] in CONNECTIVES and len(own) > 1:
            own, idx = own[1:], idx[1:]
        if own[0] in REASONS or own[0] in QUALIFIERS:
            return True  # "..., because it leaks", "we did not reach 0.9, but 0.81 was enough"
        if (
            own[0] in FIRST_PERSON
            and not negation_positions(own, 0, len(own))
            and any(seg.stems[k] in owner for k in idx)
        ):
            return True
    return False


# "I didn't know how Kafka worked": not knowing is what a gap is, not a thing left undone.
# "I didn't expect the score to be that high", "I never saw the bug on the small sample", "we did not have labels
# for the newest month": a denied attitude, perception or possession says what the candidate thought, saw or
# had, not what they left undone.
KNOWING = frozenset(
    """know knew known understand understood familiar heard expect expected believe believed think thought want
    wanted trust trusted see saw seen notice noticed have has had get got assume assumed""".split()
)


# "I did not test my guess", "after the change I didn't rerun the evaluation": a check not made is no choice.
CHECKING = frozenset(
    """test tested check checked verify verified validate validated compare compared rerun reran rerunning measure
    measured confirm confirmed""".split()
)


def _denies_a_check(words: Sequence[str], cue: int) -> bool:
    return words[cue] == "not" and cue + 1 < len(words) and words[cue + 1] in CHECKING


def _knowing(words: Sequence[str], cue: int) -> bool:
    return any(w in KNOWING for w in words[cue + 1 : cue + 4])


def _until(seg: Segment, clause: int) -> bool:
    """True when the next clause says when it was done: "I did not change anything until I had a hypothesis".
    A "before I ..." clause does so only when the denied act is no point's: "I did not change anything before I
    had a hypothesis" says when, but "I never formed a view of the cause before I started editing code" admits
    the step skipped (denied_points reads only clauses whose denied words name a point)."""
    nxt = next((i for i, c in enumerate(seg.clauses) if c > clause), None)
    if nxt is None:
        return False
    # "I never retrain without evaluating on the latest week first", "never changed anything before writing down a
    # hypothesis": the act always waits for the step
    return seg.words[nxt] in {"until", "till", "unless"} or step_comes_first(seg.words, nxt, any_object=False)


def _manner(words: Sequence[str]) -> bool:
    """True when the denial is of how it was done: "did not use a random split", "not all at once", "did not pick
    the metric arbitrarily"."""
    return any(w in MANNER or (len(w) > 4 and w.endswith("ly")) for w in words)


def show(question: Question) -> Sequence[tuple[str, list[str]]]:
    """The topics of a question's points, for a developer to read."""
    return [(k, sorted(v)) for k, v in topics(question).items()]
