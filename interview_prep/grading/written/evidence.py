"""Evidence: what each clause of an answer says about each key point and misconception, with its quote.

A Finding is one clause's verdict on one point (asserted, contradicted or unclear), how it was
found (a listed phrase, a claim, a term, similarity, or the point's claim given to another subject)
and the clause to quote.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from interview_prep.grading.written import cases, claims, lexicon, similarity, topics
from interview_prep.grading.written.denial_scope import (
    SUPPOSING,
    denies_a_leak,
    in_a_condition,
    not_until,
    subject_judged_worthless,
)
from interview_prep.grading.written.occurrences import clause_start, excepted, paired
from interview_prep.grading.written.phrases import (
    QUESTION_WORDS,
    Matcher,
    about_the_other,
    compile_claim,
    compile_phrase,
    denial_positions,
)
from interview_prep.grading.written.segments import (
    NUMBER_PLACEHOLDER,
    STOPWORDS,
    SUBJECT_PRONOUNS,
    VERB_WORDS,
    Segment,
    analyse,
    stem_all,
    stem_seq,
    tokenize,
)
from interview_prep.models import KeyPoint, Question, Rubric

QUOTE_MAX_CHARS = 220


def quote(segment: Segment) -> str:
    """The sentence as written, shortened to a readable length."""
    return _shorten(segment.text)


def _shorten(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= QUOTE_MAX_CHARS else text[: QUOTE_MAX_CHARS - 3].rstrip() + "..."


def quote_clause(segment: Segment, start: int, end: int) -> str:
    """The clause (or clauses) holding words start..end, as written; the sentence when the clause is tiny."""
    if not segment.spans:
        return quote(segment)
    lo, hi = clause_start(segment.clauses, start), end
    while hi + 1 < len(segment.words) and segment.clauses[hi + 1] == segment.clauses[end]:
        hi += 1
    if hi - lo < 3:
        return quote(segment)
    stop = len(segment.text) if hi == len(segment.words) - 1 else segment.spans[hi][1]
    return _shorten(segment.text[segment.spans[lo][0] : stop])


ASSERTED, CONTRADICTED, MISSING, UNCLEAR = "asserted", "contradicted", "missing", "unclear"
# A clause this close to one of a key point's reference texts (similarity.py) asserts it.
SIMILARITY_TO_ASSERT = 0.7


@dataclass(frozen=True)
class Finding:
    verdict: str  # asserted, contradicted or unclear
    segment: Segment
    start: int
    end: int
    how: str  # "phrase", "claim", "term", "similarity", "subject"
    phrase: str
    owner: str | None = None  # for "subject": the key point whose subject the clause names instead

    @property
    def quote(self) -> str:
        return quote_clause(self.segment, self.start, self.end)


class Reader:
    """One answer, read against one rubric: concepts per segment, phrases, claims, similarity."""

    def __init__(self, question: Question, rubric: Rubric, segments: Sequence[Segment]) -> None:
        self.segments = segments
        self.matcher = Matcher(segments)
        self.occs = {
            id(s): excepted(paired(claims.occurrences(s.stems, s.words, s.clauses, stem_seq), s.words))
            for s in segments
            if s.is_claim
        }
        self.subjects = {kp.id: [compile_phrase(t) for t in kp.subject] for kp in rubric.key_points if kp.subject}
        self.similarity = similarity_index(question)
        self.story = topics.is_story(question)
        # story points denied in their own words ("I never checked the data"): topics.py
        self.denied: dict[str, list[Finding]] = {}
        if self.story:
            table = topics.topics(question)
            for seg in segments:
                if seg.is_claim:
                    for kp_id, start, end in topics.denied_points(seg, table):
                        self.denied.setdefault(kp_id, []).append(Finding(CONTRADICTED, seg, start, end, "topic", ""))

    def _clause_stems(self, seg: Segment, clause: int) -> set[str]:
        return {
            s for s, c, w in zip(seg.stems, seg.clauses, seg.words, strict=True) if c == clause and w not in STOPWORDS
        }

    def phrase_findings(
        self,
        texts: Iterable[str],
        segs: Iterable[Segment],
        how: str = "phrase",
        said: frozenset[str] = frozenset(),
        done: frozenset[str] = frozenset(),
        beliefs: bool = False,
    ) -> list[Finding]:
        """Where each phrase is said or denied. A key point's phrase said only as a belief ("I just assumed it was
        fixed") is no finding; a misconception's (beliefs=True) is: "I'd assume a random split is fine" states it."""
        out: list[Finding] = []
        compiled = [compile_phrase(t) for t in texts]
        for seg in segs:
            for phrase in compiled:
                for m in self.matcher.find(phrase, seg, said, done):
                    if about_the_other(seg, m.start, m.end):
                        continue  # "unlike a stack, which is LIFO" says nothing of the answer's subject
                    if m.negated and in_a_condition(seg, m.start):
                        continue  # "the model degrades if we never retrain it" supposes the denial, to warn of it
                    if (
                        m.negated
                        and not self.story
                        and seg.words[0] == "without"
                        and seg.clauses[m.start] == seg.clauses[0]
                    ):
                        continue  # "without a schedule the rate stays constant": a condition, in a question of fact
                    if (
                        m.negated
                        and not beliefs
                        and _denies_no_step(seg, m.start, m.end, self.story, NUMBER_PLACEHOLDER in phrase.text)
                    ):
                        continue  # "I never ship a fix without testing it first", "never tune on the test set"
                    if not beliefs and _believed(seg, m.start, m.end):
                        continue  # "I just assumed it was fixed" says what was believed, not what was done
                    if beliefs and _proposed(seg, m.start):
                        continue  # "it's tempting to copy a fix", "a colleague wanted to paste a fix": not done
                    if beliefs and not m.negated and subject_judged_worthless(seg, m.start, m.end, conditional=True):
                        continue  # "splitting at random when mail arrives over time is a mistake" warns of it
                    # "it couldn't get past 0.5 IoU" gives a figure ("{number}", "{number} %"): a number said is given
                    negated = m.negated and not (NUMBER_PLACEHOLDER in phrase.text and len(phrase.stems) <= 2)
                    verdict = CONTRADICTED if negated else ASSERTED
                    out.append(Finding(verdict, seg, m.start, m.end, how, phrase.text))
        return out

    def claim_findings(self, texts: Iterable[str], segs: Iterable[Segment]) -> list[Finding]:
        out: list[Finding] = []
        compiled = [(t, c) for t in texts if (c := compile_claim(t)) is not None]
        for seg in segs:
            occs = self.occs.get(id(seg), [])
            for text, claim in compiled:
                for cm in claims.match_claim(claim, occs, seg.words, seg.clauses):
                    if cm.verdict == "denied" and _warned_of(seg, cm.start, cm.end):
                        continue  # "if you train on newer mail and test on older, you leak the future"
                    verdict = {"asserted": ASSERTED, "denied": CONTRADICTED, "unclear": UNCLEAR}[cm.verdict]
                    if verdict != UNCLEAR and subject_judged_worthless(seg, cm.start, cm.end):
                        # "Using the batch statistics at inference ... is a mistake"
                        verdict = CONTRADICTED if verdict == ASSERTED else ASSERTED
                    out.append(Finding(verdict, seg, cm.start, cm.end, "claim", text))
        return out

    def subject_of(self, seg: Segment, at: int) -> str | None:
        """The key point whose subject is named nearest before `at` in its clause, else after it."""
        best: tuple[int, str] | None = None
        for kp_id, phrases in self.subjects.items():
            for phrase in phrases:
                for m in self.matcher.find(phrase, seg):
                    if seg.clauses[m.start] != seg.clauses[at]:
                        continue  # only a subject of the same clause can take the claim
                    if not _opens_its_clause(seg, m.start):
                        continue  # "we can lower variance by averaging ...": variance is an object there
                    rank = (at - m.end) if m.end < at else (m.start - at) + 100
                    if best is None or rank < best[0]:
                        best = (rank, kp_id)
        return best[1] if best else None

    def phase_of(self, seg: Segment, clause: int) -> int | None:
        """Training (+1) or inference (-1), when the clause names one (else the sentence, when it names one)."""
        occs = [o for o in self.occs.get(id(seg), []) if o.concept == "phase" and o.sign is not None]
        own = {o.sign for o in occs if seg.clauses[o.start] == clause}
        every = {o.sign for o in occs}
        which = own or every
        return next(iter(which)) if len(which) == 1 else None

    def key_point(self, kp: KeyPoint, allowed: Sequence[Segment]) -> list[Finding]:
        phrase_texts = [p for p in kp.phrases if compile_claim(p) is None]
        claim_texts = [*kp.claims, *(p for p in kp.phrases if compile_claim(p) is not None)]
        said = frozenset(content_stems(kp.description))  # what the point says: "learned" scale and shift
        done = _privatives_said(kp)
        found = self.phrase_findings(phrase_texts, allowed, said=said, done=done)
        # "During training the batch statistics are used, not the running averages": a phrase of a point
        # about inference, denied in a clause about training, is no contradiction of the point.
        setting = _phase_of_text(kp.description)
        if setting is not None:
            found = [
                f
                for f in found
                if f.verdict != CONTRADICTED or self.phase_of(f.segment, f.segment.clauses[f.start]) in (None, setting)
            ]
            if setting == -1:  # a point about what changes at inference
                found = [self._recased(f, setting) for f in found] + self._same_in_both(allowed)
            # "trained with a single example per batch": a point's words said of the other phase do not earn it,
            # except a value kept in one phase for the other ("updates its running averages each step")
            found = [
                f
                for f in found
                if f.verdict != ASSERTED
                or self._names_a_kept_value(f)
                or self.phase_of(f.segment, f.segment.clauses[f.start]) in (None, setting)
            ]
        found += [
            f
            for f in self.phrase_findings(kp.terms, [s for s in allowed if s.is_sentence], "term", said, done)
            if not (f.verdict == CONTRADICTED and (_only_set_aside(f) or (self.story and _said_of_nothing(f))))
        ]
        # A term earns nothing in a fragment, but a fragment can deny it: "Calibration never matters."
        found += [
            f
            for f in self.phrase_findings(kp.terms, [s for s in allowed if not s.is_sentence], "term", said, done)
            if f.verdict == CONTRADICTED
        ]
        found += self.claim_findings(claim_texts, allowed)
        found += [f for f in self.denied.get(kp.id, []) if f.segment in allowed]
        if kp.defines:
            found += self._definitions_swapped(kp, allowed)
        if kp.subject:
            found += self._relation_denied(kp, allowed)
        if kp.subject:  # the point's claim given to another subject contradicts it
            checked: list[Finding] = []
            for f in found:
                owner = self.subject_of(f.segment, f.start)
                if f.verdict == ASSERTED and owner is not None and owner != kp.id and f.how != "claim":
                    f = Finding(CONTRADICTED, f.segment, f.start, f.end, "subject", f.phrase, owner)
                elif f.verdict == CONTRADICTED and owner is not None and owner != kp.id and f.how != "claim":
                    continue  # "Variance is not caused by wrong assumptions": denied of another subject, it agrees
                checked.append(f)
            found = checked
        # "A bigger model increases bias": a clause whose claim says the opposite of the point does not
        # earn it by naming the point's words ("bigger model").
        against = {
            (id(f.segment), c)
            for f in found
            if f.how == "claim" and f.verdict == CONTRADICTED
            for c in range(f.segment.clauses[f.start], f.segment.clauses[f.end] + 1)
        }
        return [
            f
            for f in found
            if not (
                f.verdict == ASSERTED and f.how != "claim" and (id(f.segment), f.segment.clauses[f.start]) in against
            )
        ]

    def _definitions_swapped(self, kp: KeyPoint, allowed: Sequence[Segment]) -> list[Finding]:
        """ "Precision is the share of actual positives the model catches": a term the point defines, opening its
        clause with "is" or "means", given words only another term's definition uses and none of its own."""
        table = [(compile_phrase(term), [compile_phrase(w) for w in words]) for term, words in kp.defines]
        out: list[Finding] = []
        for seg in allowed:
            named = sorted((m.start, i) for i, (term, _) in enumerate(table) for m in self.matcher.find(term, seg))
            if not named:
                continue
            # where each term's definition words stand in the segment, found once
            said = [[m.start for p in words for m in self.matcher.find(p, seg)] for _, words in table]
            for n, (at, i) in enumerate(named):
                until = next((k for k, _ in named[n + 1 :] if k > at), len(seg.words)) - 1
                end = _defining_clause_end(seg, at, until)
                if end is None or not _opens_its_clause(seg, at):
                    continue
                if len(denial_positions(seg.words, at, end + 1)) % 2:
                    continue  # "precision is not the share of actual positives" says what it is not
                others = any(_counted_among(seg, said[j], at, end) for j in range(len(table)) if j != i)
                if others and not _counted_among(seg, said[i], at, end):
                    out.append(Finding(CONTRADICTED, seg, at, end, "definition", table[i][0].text))
        return out

    def _relation_denied(self, kp: KeyPoint, allowed: Sequence[Segment]) -> list[Finding]:
        """ "Variance has nothing to do with which training sample you drew": the point's subject, opening its
        clause, said to bear no relation to what the point says of it."""
        own = set(content_stems(kp.description))
        out: list[Finding] = []
        for seg in allowed:
            for phrase in self.subjects.get(kp.id, []):
                for m in self.matcher.find(phrase, seg):
                    clause = seg.clauses[m.start]
                    if not _opens_its_clause(seg, m.start):
                        continue
                    if not claims.denies_a_relation(seg.words, seg.clauses, clause):
                        continue
                    # what it is said to be unrelated to runs on to the end of the part: "... with which sample"
                    part = seg.parts[m.start]
                    rest = {s for k, s in enumerate(seg.stems) if k > m.end and seg.parts[k] == part}
                    if rest & (own - set(phrase.stems)) - set(STOPWORDS):
                        end = max(k for k, p in enumerate(seg.parts) if p == part)
                        out.append(Finding(CONTRADICTED, seg, m.start, end, "relation", phrase.text))
        return out

    def _recased(self, f: Finding, setting: int) -> Finding:
        """A phrase of a point about one phase, said to be used in the other, contradicts it (cases.py)."""
        occs = self.occs.get(id(f.segment), [])
        # only a value kept for one phase (the running averages) can be used in the wrong one: "trained with a single
        # example per batch" says what training was given, not that a point about inference was said of training
        if (
            f.verdict == ASSERTED
            and self._names_a_kept_value(f)
            and cases.used_in_the_other_phase(f.segment, f.segment.clauses[f.start], occs, setting, f.start)
        ):
            return Finding(CONTRADICTED, f.segment, f.start, f.end, "case", f.phrase)
        return f

    def _names_a_kept_value(self, f: Finding) -> bool:
        return any(
            o.concept in cases.KEPT_CONCEPTS and f.start <= o.start <= f.end for o in self.occs.get(id(f.segment), [])
        )

    def _same_in_both(self, allowed: Sequence[Segment]) -> list[Finding]:
        """Clauses that say training and inference are the same: "at inference it behaves as in training"."""
        out: list[Finding] = []
        for seg in allowed:
            for clause in sorted(set(seg.clauses)):
                if cases.same_in_both(seg, clause, self.occs.get(id(seg), [])):
                    idx = [i for i, c in enumerate(seg.clauses) if c == clause]
                    out.append(Finding(CONTRADICTED, seg, idx[0], idx[-1], "case", "the same in both phases"))
        return out

    def similar(self, kp: KeyPoint, allowed: Sequence[Segment], used: set[tuple[int, int]]) -> list[Finding]:
        """Clauses close to the point's wording; a clause that already earned another point is not reused."""
        out: list[Finding] = []
        for seg in allowed:
            for clause in sorted(set(seg.clauses)):
                if (id(seg), clause) in used:
                    continue
                stems = self._clause_stems(seg, clause)
                # an elliptical clause ("and one leaf per example") is read with the sentence around it
                score, ref = self.similarity.best(kp.id, stems)
                if score < SIMILARITY_TO_ASSERT or ref is None:
                    continue
                idx = [i for i, c in enumerate(seg.clauses) if c == clause]
                start, end = idx[0], idx[-1]
                owner = self.subject_of(seg, start) if kp.subject else None
                # a privative the reference says too ("removes ... from the front") is content, not a denial
                denials = [
                    i
                    for i in denial_positions(seg.words, start, end + 1)
                    if not (seg.words[i] in lexicon.PRIVATIVES and seg.stems[i] in ref.stems)
                ]
                if owner is not None and owner != kp.id:
                    verdict = CONTRADICTED
                elif len(denials) % 2:
                    verdict = UNCLEAR  # close in wording, but a denial we cannot place
                else:
                    verdict = ASSERTED
                out.append(Finding(verdict, seg, start, end, "similarity", " ".join(ref.stems)))
        return out


# Words that name what goes wrong: a sentence that says the harm of something warns of it.
HARMS = frozenset(
    "leak leaks leaked leaking leakage cheat cheats cheating peek peeks peeking mistake mistakes bug "
    "overoptimistic optimistic inflated inflates inflate overstate overstates overstated overestimate "
    "overestimates flattering random randomly shuffle shuffled shuffling mixes".split()
)
# "to avoid any leakage, I'd ...": a harm the plan is meant to prevent is no warning against the plan.
AVERTING = frozenset("avoid avoids prevent prevents no nothing never without stop stops".split())


def _warned_of(seg: Segment, start: int, end: int) -> bool:
    """True when a denied claim is only supposed ("if you train on newer mail and test on older, ...") or the
    sentence names the harm it does ("... would leak future spam into the model"): a warning, not a plan."""
    opener = seg.words[clause_start(seg.clauses, start)]
    inside = seg.clauses[start] == seg.clauses[end]
    words = seg.words
    warned = any(w in HARMS and not AVERTING & set(words[max(0, k - 3) : k]) for k, w in enumerate(words))
    return (inside and opener in SUPPOSING) or warned


# Verbs of taking something for granted: what follows them in their clause is a belief, not a fact of the answer.
BELIEF = frozenset("assume assumed assuming assumes presumed presume hoped hope hoping guessed".split())
# What a thing was for: "it wasn't meant for shipping" says nothing of whether it shipped.
PURPOSE = frozenset("meant intended".split())


def _believed(seg: Segment, start: int, end: int) -> bool:
    """A belief verb before the match in its clause, or inside it ("I [just assumed it was] fixed"), or what the
    thing was meant for."""
    words = seg.words
    lo = clause_start(seg.clauses, start)
    purpose = any(words[k] in PURPOSE and words[k + 1] in {"for", "to", "as"} for k in range(lo, start))
    content = topics.reports_a_belief(words, lo, start)
    return purpose or content or any(w in BELIEF for w in words[lo:end])


# Words before an act that make it a temptation or someone's proposal, not what was done: "it's tempting to copy a
# fix", "a colleague wanted to paste a fix", "the search results told me to copy a fix".
PROPOSING = frozenset("tempting tempted wanted told suggested advised urged asked recommended".split())


# What "without" may leave out that is itself a step of the story: "shipped it without any test".
STEP_NOUNS = frozenset(
    """test tests check checks verification validation evaluation experiment experiments comparison hypothesis theory
    plan baseline idea rerun""".split()
)


# "I didn't have a hypothesis at first", "I hadn't reproduced it yet": a step not taken yet is told on the way.
NOT_YET = frozenset({"yet", "initially"})
# What a candidate tries and may fail at on the way: "I couldn't reproduce it on my laptop, so ..."
TRIED = frozenset("reproduce replicate overfit get make match beat find".split())


def _denies_no_step(seg: Segment, start: int, end: int, story: bool, figure: bool) -> bool:
    """True when the denial reaching a key point's match leaves no step undone: a rule kept ("never ship a fix
    without testing it first"), a leak avoided ("I'd never tune the threshold on the test set"), and in a story a
    step not taken yet or tried and failed ("couldn't reproduce it on my laptop, so ...", though "couldn't get past
    0.5 IoU" still gives a figure) or a resource not needed ("without any extra labelling")."""
    lo = clause_start(seg.clauses, start)
    cues = denial_positions(seg.words, lo, end + 1)
    if story and not figure and _not_yet_or_tried(seg, start, cues):
        return True
    if story and _only_a_doubt_denied(seg.words, cues):
        return True
    if _a_rule_of_practice(seg, end) or (story and _without_a_resource(seg.words, lo, cues)):
        return True
    return any(denies_a_leak(seg, i) for i in cues)


# A doubt that leads to a check is no step skipped: "I wasn't sure whether the problem came from the features or
# the model, so I swapped in a simpler model", "I didn't trust the validation number, so I recomputed it", "I didn't
# trust my first hypothesis and tested it". A doubt about the step itself still denies it: "I didn't trust
# experiments", "I wasn't sure a minimal experiment was worth the time", "I didn't believe in forming a hypothesis".
UNSURE = frozenset("sure certain".split())
DOUBTING = frozenset("trust trusted believe believed".split())
DEGREES = frozenset("really fully quite entirely completely totally very 100".split())
# What a candidate may doubt and then check: a figure the run gave, or a first guess.
DOUBTED = frozenset("number numbers result results metric metrics score scores value values output outputs".split())
FIRST = frozenset("first initial original".split())
OWNERS = frozenset("the my our that this those these its their".split())


def _only_a_doubt_denied(words: Sequence[str], cues: Sequence[int]) -> bool:
    """True when every denial reaching the match denies a doubt the story goes on to check: "not sure whether ...",
    "didn't trust the numbers", "didn't believe my first guess"."""

    def doubt(i: int) -> bool:
        k = i + 1
        while k < len(words) and words[k] in DEGREES:
            k += 1
        if k >= len(words):
            return False
        if words[k] in UNSURE:
            return k + 1 < len(words) and words[k + 1] in QUESTION_WORDS
        if words[k] not in DOUBTING:
            return False
        rest = words[k + 1 : k + 5]
        if not rest or rest[0] not in OWNERS:
            return False  # "didn't trust experiments", "didn't trust myself to ...", "didn't believe in ..."
        return len(rest) > 1 and (rest[1] in FIRST or any(w in DOUBTED for w in rest[1:3]))

    return bool(cues) and all(doubt(i) for i in cues)


def _not_yet_or_tried(seg: Segment, start: int, cues: Sequence[int]) -> bool:
    """True when the denial reaching the match says the step was not taken yet ("at first", "yet"), or was tried
    and failed ("could not reproduce it"): both are steps of the story, not ones skipped."""
    words, clauses = seg.words, seg.clauses
    own = [w for k, w in enumerate(words) if clauses[k] == clauses[start]]
    nxt = next((k for k in range(start, len(words)) if clauses[k] != clauses[start]), None)
    if nxt is not None and words[nxt] == "yet":
        own.append("yet")  # "I had not formed a hypothesis yet, so ...": the "yet" was read as opening a clause
    if NOT_YET & set(own) or any(a == "at" and b == "first" for a, b in zip(own, own[1:], strict=False)):
        return True
    return bool(cues) and all(
        words[i] == "not" and 0 < i < len(words) - 1 and words[i - 1] == "could" and words[i + 1] in TRIED for i in cues
    )


def _a_rule_of_practice(seg: Segment, end: int) -> bool:
    """True when a "without <doing>" or "before <doing>" follows the denied match in its sentence: "never X without
    Y" and "never X before Y" say Y always comes first, a rule the candidate keeps, not an X left undone."""
    clause = seg.clauses[end]
    # in the match's clause, or opening the next one ("I never changed anything | before writing down a hypothesis")
    return any(
        topics.step_comes_first(seg.words, k, any_object=True)
        for k in range(end + 1, len(seg.words))
        if seg.clauses[k] == clause or (seg.clauses[k] == clause + 1 and seg.clauses[k - 1] == clause)
    )


def _without_a_resource(words: Sequence[str], lo: int, cues: Sequence[int]) -> bool:
    """True when every denial reaching the match is a "without" before a noun ("without any help", "without a
    tutorial", "without extra data"), not before a doing ("without testing it" skips a step)."""

    def resource(i: int) -> bool:
        rest = [w for w in words[i + 1 : i + 4] if w not in {"any", "a", "an", "the", "extra", "more", "much"}]
        return bool(rest) and not any(w.endswith("ing") or w in STEP_NOUNS for w in rest)

    return bool(cues) and all(words[i] == "without" and i > lo and resource(i) for i in cues)


def _proposed(seg: Segment, start: int) -> bool:
    """True when a proposal word stands before the act in its clause, or the act is put off until a condition: "I
    don't paste a fix in until I can explain the cause" says the fix comes after the process, not instead of it."""
    lo = clause_start(seg.clauses, start)
    if any(w in PROPOSING for w in seg.words[lo:start]):
        return True
    return any(not_until(seg, i) for i in denial_positions(seg.words, lo, start))


def _only_set_aside(f: Finding) -> bool:
    """True when a term is denied only by a "rather than" or "instead of" just before it, after a copula: "it was
    a real test rather than a confirmation" says what a thing was, not what was left undone ("rather than forming
    a hypothesis, I changed things" is a step skipped)."""
    seg = f.segment
    lo = clause_start(seg.clauses, f.start)
    cues = denial_positions(seg.words, lo, f.end + 1)  # a "rather than" is at its "rather"
    chooses = {"rather", "instead"}
    chosen = any(seg.words[i] in chooses and f.start - 4 <= i <= f.start - 2 for i in cues)
    said_what_it_was = any(w in {"is", "was", "are", "were"} for w in seg.words[lo : f.start])
    return chosen and said_what_it_was and all(seg.words[i] in chooses for i in cues)


# How far after a clause's opening "no" a term stands when "no" heads a subject of its own: "no learning rate fixes".
NO_SUBJECT_REACH = 3


def _said_of_nothing(f: Finding) -> bool:
    """True when a term is denied only by the "no" that opens its clause, a few words before it: "no learning rate
    fixes a loss that compares the wrong things" says what nothing does, in general; it leaves no step of the story
    undone ("no fix held" and "no real fix" do deny the term)."""
    seg = f.segment
    lo = clause_start(seg.clauses, f.start)
    cues = denial_positions(seg.words, lo, f.end + 1)
    return cues == [lo] and seg.words[lo] == "no" and f.start - lo >= NO_SUBJECT_REACH


def _privatives_said(kp: KeyPoint) -> frozenset[str]:
    """The privatives a point's own words use: "remove duplicate copies" makes "remove duplicates" the point
    done, not denied."""
    words = {w for t in (kp.description, *kp.phrases, *kp.paraphrases) for w in tokenize(t.lower())[0]}
    return frozenset(stem_all(sorted(words & lexicon.PRIVATIVES)))


# "precision is ...", "recall means ...", "precision = TP / (TP + FP)": a term defined in the words after it.
DEFINING = frozenset("is means measures counts tells answers asks gives equals".split())
FORMULA_WORDS = frozenset("tp fp fn tn".split())


def _counted_among(seg: Segment, starts: Sequence[int], at: int, end: int) -> bool:
    """True when one of a term's definition words (where they start) says what the rate defined from word `at`
    to `end` counts among."""
    return any(at < k <= end and _counts_among(seg, at, k) for k in starts)


def _counts_among(seg: Segment, lo: int, start: int) -> bool:
    """True for words that say what a rate counts among: just after "of" or "among" ("the share of actual
    positives"), or in a formula. "The share of flagged cases that are real positives" counts among the
    flagged cases: its "real positives" are what is counted, not what it counts among."""
    words = seg.words
    if words[start] in FORMULA_WORDS:
        return True
    return any(words[k] in {"of", "among", "amongst"} for k in range(max(lo, start - 4), start))


def _defining_clause_end(seg: Segment, at: int, end: int) -> int | None:
    """The last word of the definition a term opens at `at` (its clause, with the relative clause or formula
    that goes on with it), or None when no defining verb or formula follows the term."""
    words, clauses = seg.words, seg.clauses
    nxt = at + 1
    while nxt < len(words) and words[nxt] in {"simply", "just", "basically", "really", "here", "then", "now"}:
        nxt += 1
    if nxt >= len(words) or not (words[nxt] in DEFINING or words[nxt] in FORMULA_WORDS):
        return None
    k = nxt
    while k + 1 <= end and (
        clauses[k + 1] == clauses[at] or words[k + 1] in FORMULA_WORDS or words[k + 1] in {"that", "who", "which"}
    ):
        k += 1
    return k


def _opens_its_clause(seg: Segment, at: int) -> bool:
    """True when nothing before word `at` in its clause is a pronoun subject or a verb: the clause's subject."""
    return not any(w in SUBJECT_PRONOUNS or w in VERB_WORDS for w in seg.words[clause_start(seg.clauses, at) : at])


@lru_cache(maxsize=1024)
def _phase_of_text(text: str) -> int | None:
    """Training (+1) or inference (-1), when a key point's description names only one of them."""
    words, clauses, _ = tokenize(text.lower())
    occs = claims.occurrences(stem_all(words), words, clauses, stem_seq)
    signs = {o.sign for o in occs if o.concept == "phase"}
    return next(iter(signs)) if len(signs) == 1 else None


@lru_cache(maxsize=256)
def similarity_index(question: Question) -> similarity.SimilarityIndex:
    rubric = question.rubric
    assert rubric is not None
    refs: list[similarity.Reference] = []
    profiles: dict[str, set[str]] = {}
    for kp in rubric.key_points:
        texts = [kp.description, *kp.phrases, *kp.claims, *kp.paraphrases]
        stems_list = [content_stems(t) for t in texts]
        profiles[kp.id] = {s for st in stems_list for s in st}
        refs += [similarity.Reference(kp.id, st) for st in stems_list[1:] if len(st) >= 2]
        if len(stems_list[0]) >= 2:
            refs.append(similarity.Reference(kp.id, _strip_rubric_verbs(stems_list[0])))
    # Each clause of the model answer belongs to the key point it shares most words with.
    for seg in analyse(question.how_to_answer):
        for clause in sorted(set(seg.clauses)):
            stems = tuple(
                dict.fromkeys(
                    s
                    for s, c, w in zip(seg.stems, seg.clauses, seg.words, strict=True)
                    if c == clause and w not in STOPWORDS
                )
            )
            if len(stems) < 2:
                continue
            owner = max(profiles, key=lambda k: len(profiles[k] & set(stems)))
            if len(profiles[owner] & set(stems)) >= 1:
                refs.append(similarity.Reference(owner, stems))
    return similarity.SimilarityIndex(refs, content_stems(question.prompt), similarity.synonym_names(stem_seq))


# "Defines bias as ...", "Names a technique that ...": the rubric's framing, not the content.
_RUBRIC_VERBS = "defines names explains says states mentions gives describes".split()


def _strip_rubric_verbs(stems: tuple[str, ...]) -> tuple[str, ...]:
    framing = set(stem_all(_RUBRIC_VERBS))
    return tuple(s for s in stems if s not in framing)


def content_stems(text: str) -> tuple[str, ...]:
    words = [w for w in tokenize(text.lower().replace(NUMBER_PLACEHOLDER, " 0 "))[0] if w not in STOPWORDS]
    return tuple(dict.fromkeys(stem_all(words)))
