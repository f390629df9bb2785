"""What a key point is about, and a clause that says it was not done: "I never checked the data".

A story point ("describes the data", "verifies the fix") is earned by its phrases; its inversion rarely
uses them. A point's topic words are the content words of its description, paraphrases and probe that no
other point of the question shares, that the prompt does not use, and that those texts do not deny
themselves ("what they did not know"). A clause denies the point when the candidate says they did not do
it, with a topic word after the denial ("I never checked the data before training", "I did not test my
guess"), or judges a topic worthless ("how the data was split did not matter", "the choice of model was
irrelevant"). Such a clause only contradicts: naming a topic word earns nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from interview_prep.grading.written import segments as seg_words
from interview_prep.grading.written.occurrences import negation_positions
from interview_prep.grading.written.segments import Segment, stem_all, tokenize
from interview_prep.models import Question

# Words of any question or answer, which say nothing of which point a clause is about.
GENERIC = frozenset(
    """say tell exactly thing things kind way something anything everything nothing really much many one ones
    first make made get got know knew use used work worked give gives how what which would you your they their
    them i we my our me us it's before after start started end mean means did do does done go went want wanted
    matter mattered matters need needed needs right wrong good bad well better worse new old out down but too most
    more off each set same again given rather against said whether""".split()
)
FIRST_PERSON = frozenset({"i", "we"})
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
    generic = set(stem_all(sorted(GENERIC)))
    return {s for s in stem_all(keep) if s.isalpha() and s not in generic}


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


def is_story(question: Question) -> bool:
    """A rubric with no claims is about what was done, not about what is true: a story."""
    assert question.rubric is not None
    return not any(kp.claims for kp in question.rubric.key_points)


def denied_points(seg: Segment, table: dict[str, frozenset[str]]) -> list[tuple[str, int, int]]:
    """(key point, start, end) for each clause of the segment that denies doing what a point is about; the point
    is the one whose topic word comes last, the object of the denied verb ("never checked the data")."""
    out: list[tuple[str, int, int]] = []
    words, stems, clauses = seg.words, seg.stems, seg.clauses
    owner = {s: kp_id for kp_id, stems_ in table.items() for s in stems_}
    for clause in sorted(set(clauses)):
        idx = [i for i, c in enumerate(clauses) if c == clause]
        lo, hi = idx[0], idx[-1] + 1
        cues = negation_positions(words, lo, hi)
        judged = [k for k in range(lo, hi) if words[k] in WORTHLESS] + [
            k for k in cues if k + 1 < hi and (words[k], words[k + 1]) in WORTH_DENIED
        ]
        if len(cues) + len(judged) - len(set(cues) & set(judged)) != 1:
            continue  # none, or a double negation
        if judged and any(w in HEDGES for w in words[judged[0] : hi]):
            continue  # "the exact model did not matter much": a comparison, not a dismissal
        if judged:  # "how the data was split did not matter", "the choice of model was irrelevant"
            named = [owner[stems[k]] for k in range(lo, judged[0]) if stems[k] in owner]
        elif any(w in FIRST_PERSON for w in words[lo : cues[0]]) and not _knowing(words, cues[0]):
            # "I never checked the data"
            # the object of the denied verb, not a setting after a preposition: "did not tune on the held-out month"
            setting = next((k for k in range(cues[0] + 1, hi) if words[k] in PREPOSITIONS), hi)
            named = [owner[stems[k]] for k in range(cues[0] + 1, setting) if stems[k] in owner]
        else:
            continue
        if named and not _reasoned(seg, clause) and not _manner(words[lo:hi]) and not _until(seg, clause):
            out.append((named[-1], lo, hi - 1))
    return out


# A later clause opened by these gives the reason for what was not done: a decision, not a neglect.
REASONS = frozenset({"because", "since", "as"})
MANNER = frozenset({"random", "randomly", "blindly", "alone", "once", "guess", "guessing", "only"})
# Words that may open the clause that says what was done instead: "..., so I compared the two environments".
CONNECTIVES = frozenset({"so", "and", "but", "then", "instead"})


def _reasoned(seg: Segment, clause: int) -> bool:
    """True when a later clause gives a reason ("..., because it leaks") or says what was done instead ("I did
    not guess; I formed a hypothesis")."""
    later = sorted({c for c in seg.clauses if c > clause})
    for c in later:
        own = [w for w, k in zip(seg.words, seg.clauses, strict=True) if k == c]
        if own[0] in CONNECTIVES and len(own) > 1:
            own = own[1:]
        if own[0] in REASONS:
            return True
        if own[0] in FIRST_PERSON and not negation_positions(own, 0, len(own)):
            return True
    return False


# "I didn't know how Kafka worked": not knowing is what a gap is, not a thing left undone.
# "I didn't expect the score to be that high", "I never saw the bug on the small sample", "we did not have labels
# for the newest month": a denied attitude, perception or possession says what the candidate thought, saw or
# had, not what they left undone.
KNOWING = frozenset(
    """know knew known understand understood familiar heard expect expected believe believed think thought want
    wanted trust trusted see saw seen notice noticed have has had get got""".split()
)


def _knowing(words: Sequence[str], cue: int) -> bool:
    return any(w in KNOWING for w in words[cue + 1 : cue + 4])


def _until(seg: Segment, clause: int) -> bool:
    """True when the next clause says when it was done: "I did not change anything until I had a hypothesis"."""
    nxt = next((i for i, c in enumerate(seg.clauses) if c > clause), None)
    return nxt is not None and seg.words[nxt] in {"until", "before", "till", "unless"}


def _manner(words: Sequence[str]) -> bool:
    """True when the denial is of how it was done: "did not use a random split", "not all at once"."""
    return any(w in MANNER for w in words)


def show(question: Question) -> Sequence[tuple[str, list[str]]]:
    """The topics of a question's points, for a developer to read."""
    return [(k, sorted(v)) for k, v in topics(question).items()]
