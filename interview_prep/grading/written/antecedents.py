"""Pronouns read as what they stand for: "A deeper tree fits the data more closely. It lowers variance."

A sentence that opens with "it" (or "they", "this") says its claim of the subject of the sentence before:
the subject's words are put in place of the pronoun, so the clause names the concepts it is about. Its
quote is unchanged (the new words are quoted as the pronoun). "It" that stands for nothing ("it is not true
that", "it turns out") and a subject that is itself a pronoun ("I", "we") are left alone; "they" takes a
plural subject ("X and Y", "trees") or, when the subject is singular, the "X and Y" its sentence goes on to
name ("Batch norm has a scale gamma and a shift beta. They are learned.").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from interview_prep.grading.written import claims, lexicon, segments
from interview_prep.grading.written.segments import Segment, stem_all, stem_seq

PRONOUNS = frozenset({"it", "they", "this", "these"})
# "It is not true that ...", "it is worth checking ...", "it turns out": an "it" that stands for nothing.
_EXPLETIVE_AFTER = frozenset("that to whether how why what when if".split())
_EXPLETIVE_VERBS = frozenset("seems seemed appears appeared turns turned depends depended took takes".split())
# A subject longer than this is no noun phrase the grader can trust.
SUBJECT_MAX_WORDS = 8
_VERBS = (
    segments.VERB_WORDS
    | segments.AUXILIARIES
    | lexicon.LINKING_VERBS
    | (frozenset(lexicon.UP_WORDS.split()) | frozenset(lexicon.DOWN_WORDS.split()))
    - frozenset(lexicon.DIRECTION_ADJECTIVES.split())
)
_VERB_FORM_RE = re.compile(r"[a-z]{2,}(s|ed)$")


def _verb_at(words: Sequence[str], i: int) -> bool:
    w = words[i]
    if w in _VERBS:
        return True
    # "fits", "overfits", "trained": a verb form after the first noun; "ss" ends a noun ("loss")
    return i >= 2 and bool(_VERB_FORM_RE.match(w)) and not w.endswith("ss") and words[i - 1] not in segments.STOPWORDS


def _subject(seg: Segment) -> tuple[int, int] | None:
    """The word span [0, end) of the segment's subject, up to its main verb (past a relative clause)."""
    words = seg.words
    verbs = [i for i in range(1, len(words)) if seg.clauses[i] == seg.clauses[0] and _verb_at(words, i)]
    if not verbs:
        return None
    end = verbs[0]
    relative = next((i for i in range(1, end) if words[i] in segments.RELATIVE_WORDS), None)
    if relative is None and words[end - 1] in segments.RELATIVE_WORDS:
        relative = end - 1
    if relative is not None:
        later = [i for i in verbs if i > end + 1]
        if not later:
            return None
        end = later[0]  # "a learning rate that is too large | is harmless"
    if end > SUBJECT_MAX_WORDS or words[0] in segments.SUBJECT_PRONOUNS or words[0] in PRONOUNS:
        return None
    return (0, end)


def _object_pair(seg: Segment, after: int) -> tuple[int, int] | None:
    """The "X and Y" after word `after` in the first clause: "has a scale gamma and a shift beta"."""
    clause = seg.clauses[0]
    hi = after
    while hi + 1 < len(seg.words) and seg.clauses[hi + 1] == clause:
        hi += 1
    span = seg.words[after + 1 : hi + 1]
    return (after + 1, hi + 1) if "and" in span and len(span) <= SUBJECT_MAX_WORDS else None


def _expletive(words: Sequence[str]) -> bool:
    if len(words) < 2:
        return True
    if words[1] in _EXPLETIVE_VERBS:
        return True
    return words[1] in segments.AUXILIARIES and any(w in _EXPLETIVE_AFTER for w in words[2:6])


def _antecedent(prev: Segment, pronoun: str) -> tuple[int, int] | None:
    subject = _subject(prev)
    if subject is None:
        return None
    lo, hi = subject
    words = prev.words[lo:hi]
    if not any(w not in segments.STOPWORDS for w in words):
        return None
    plural = "and" in words or words[-1].endswith("s") and not words[-1].endswith("ss")
    if pronoun in {"they", "these"} and not plural:
        return _object_pair(prev, hi)
    if pronoun in {"it", "this"} and "and" in words:
        return None
    return subject


def resolve_pronouns(segments: Sequence[Segment]) -> list[Segment]:
    """The segments with an opening pronoun replaced by the previous sentence's subject."""
    out: list[Segment] = []
    prev: Segment | None = None
    for seg in segments:
        resolved = seg
        if prev is not None and seg.words and seg.words[0] in PRONOUNS and prev.is_claim and not _expletive(seg.words):
            if seg.words[0] != "this" or (len(seg.words) > 1 and _verb_at(seg.words, 1)):
                span = _antecedent(prev, seg.words[0])
                if span is not None:
                    resolved = _substitute(seg, prev, span)
        out.append(resolved)
        prev = seg
    return out


def _substitute(seg: Segment, prev: Segment, span: tuple[int, int]) -> Segment:
    lo, hi = span
    n = hi - lo
    words = (*prev.words[lo:hi], *seg.words[1:])
    stems = (*stem_all(prev.words[lo:hi]), *seg.stems[1:])
    first = seg.clauses[0]
    clauses = (first,) * n + seg.clauses[1:]
    parts = (seg.parts[0],) * n + seg.parts[1:]
    spans = (seg.spans[0],) * n + seg.spans[1:] if seg.spans else ()
    # "It lowers variance." is too short to be a sentence, but with its subject it makes a claim
    said = claims.claim_of(claims.occurrences(stems, words, clauses, stem_seq)) or ()
    claim = seg.is_claim or any(lexicon.CONCEPTS[c][0] in {"quantity", "action"} for c, _ in said)
    return replace(seg, words=words, stems=stems, clauses=clauses, parts=parts, spans=spans, is_claim=claim)
