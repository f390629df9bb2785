"""Scoring: the findings for every key point and misconception of a rubric, as points, penalties and a verdict."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from interview_prep.errors import AnswerError
from interview_prep.grading.report import Category, CheckResult, GradeReport, Status
from interview_prep.grading.written.antecedents import resolve_pronouns
from interview_prep.grading.written.denial_scope import after_a_mistake, taken_back_after
from interview_prep.grading.written.evidence import ASSERTED, CONTRADICTED, MISSING, UNCLEAR, Finding, Reader
from interview_prep.grading.written.occurrences import clause_start
from interview_prep.grading.written.phrases import compile_claim, set_against
from interview_prep.grading.written.segments import AUXILIARIES, STOPWORDS, analyse
from interview_prep.models import Question, Rubric

# Below this share of words in real sentences the score is scaled down, and the answer cannot pass.
PROSE_SHARE_FULL_CREDIT = 0.7
PROSE_SHARE_TO_PASS = 0.5
# Saying the opposite of a key point is worse than leaving it out.
CONTRADICTION_PENALTY = 5.0
# An answer this many times the rubric's minimum is no longer an answer to the question but a
# dump of everything one knows (every strong answer of the bank pasted together covers every key
# point); beyond it the score is scaled down in proportion, as an interviewer stops listening.
RAMBLING_MULTIPLE = 12
# A question whose rubric asks for at most this many words (min_words) is answered in a line, so a
# lone fragment ("log n") is the whole answer rather than a list of terms.
ONE_LINE_MAX_WORDS = 12
# ...of at least this many words: a one-line question's min_words (3 or 4) would make an ordinary
# paragraph of 50 words "rambling".
RAMBLING_MIN_BASE = 40


def _rubric(question: Question) -> Rubric:
    if question.rubric is None or question.is_coding:
        raise AnswerError(
            f"Question {question.id} is a coding question; grade a .py solution for it, not a written answer."
        )
    return question.rubric


def asks_for_one_line(question: Question) -> bool:
    """A question answered in a line: its rubric's min_words, else its model answer, is that short."""
    assert question.rubric is not None
    return (question.rubric.min_words or len(question.how_to_answer.split())) <= ONE_LINE_MAX_WORDS


def point_scale(rubric: Rubric) -> int:
    """The smallest multiplier that makes every key point's weight a whole number of points."""
    for m in (1, 2, 4, 5, 10, 20, 100):
        if all(abs(kp.weight * m - round(kp.weight * m)) < 1e-6 for kp in rubric.key_points):
            return m
    return 100


def core_ids(rubric: Rubric) -> set[str]:
    """The key points marked core: true; when none is marked, those of the highest weight."""
    explicit = {kp.id for kp in rubric.key_points if kp.core}
    if explicit or any(kp.core is False for kp in rubric.key_points):
        return explicit
    top = max(kp.weight for kp in rubric.key_points)
    return {kp.id for kp in rubric.key_points if kp.weight == top}


def _pick(found: Sequence[Finding], verdict: str) -> Finding | None:
    hits = [f for f in found if f.verdict == verdict]
    if not hits:
        return None
    order = {"claim": 0, "phrase": 1, "subject": 1, "term": 2, "similarity": 3}
    return min(hits, key=lambda f: order.get(f.how, 9))


# Key points stated the wrong way round plus misconceptions stated: this many fail an answer.
ERRORS_TO_FAIL = 2


# A lone word of the point, or wording close to it, against what says the opposite outright.
WEAK_EVIDENCE = frozenset({"term", "similarity"})
OUTRIGHT = frozenset({"claim", "subject", "topic", "definition"})


# "I'd keep the threshold at 0.5 only if both errors cost the same": a qualification after the words.
QUALIFYING = frozenset({"if", "when", "for", "in", "on", "with", "where", "while"})


def _qualified(f: Finding) -> bool:
    """True when a misconception's words are followed at once by "only if/when/for ..." (the case where it would
    hold); further on ("O(n), and the whole run is ... only if it does not converge") it qualifies another claim."""
    after = f.segment.words[f.end + 1 :]
    return len(after) >= 2 and after[0] == "only" and after[1] in QUALIFYING


def _taken_back(found: Sequence[Finding]) -> list[Finding]:
    """What a clause asserts is denied by a tail that takes it back ("People assume regularization reduces bias,
    which it does not"), and what it denies is no longer said either way ("Many people think deeper trees have
    lower variance, which they do not" contradicts no point)."""
    out = []
    for f in found:
        if not taken_back_after(f.segment, f.end):
            out.append(f)
        elif f.verdict == ASSERTED and f.how not in WEAK_EVIDENCE:
            # a point only named ("Adam") in what is taken back is neither said nor denied
            out.append(Finding(CONTRADICTED, f.segment, f.start, f.end, f.how, f.phrase))
    return out


def _said_both_ways(found: Sequence[Finding]) -> Finding | None:
    """A contradiction, in a sentence of its own, of a point another sentence of the answer asserts: "The loss
    oscillates." ... "The loss curve decreases smoothly." Inside one sentence the two are a contrast the
    reader took both ways far more often than a candidate changing their mind ("instead of holding data, it
    holds a location in memory", "using -1e9 instead of -inf can still leak"), so that is not counted."""
    asserting = {id(f.segment) for f in found if f.verdict == ASSERTED}
    # Only what says the opposite outright, a claim denied or given to another subject, outweighs a sentence
    # that asserts the point; a lone term, a denied topic ("so I never compare whole dicts") or a denied phrase
    # ("no better than just repeating the last position" read against a story's situation) is too weak for that.
    return _pick(
        [
            f
            for f in found
            if f.verdict == CONTRADICTED and id(f.segment) not in asserting and f.how in {"claim", "subject"}
        ],
        CONTRADICTED,
    )


def _swap_subjects(findings: dict[str, list[Finding]]) -> None:
    """ "Bias is error from sensitivity to the training set": what the clause says of its subject is
    another point's claim, so it contradicts the point of that subject too."""
    for kp_id, found in list(findings.items()):
        for f in found:
            if f.how == "subject" and f.owner is not None and f.owner in findings and f.owner != kp_id:
                findings[f.owner].append(Finding(CONTRADICTED, f.segment, f.start, f.end, "subject", f.phrase))


def _explain_contradictions(findings: dict[str, list[Finding]]) -> None:
    """A denied phrase inside a longer phrase another point asserts is that point's wording, not a denial:
    "does not depend on the other examples" earns "no longer depends on the batch" and contradicts nothing."""
    asserted = [f for fs in findings.values() for f in fs if f.verdict == ASSERTED and f.how == "phrase"]
    for kp_id, found in findings.items():
        findings[kp_id] = [
            f
            for f in found
            if not (
                f.verdict == CONTRADICTED
                and f.how == "phrase"
                and any(
                    a.segment is f.segment and a.start <= f.start and a.end >= f.end and a not in found
                    for a in asserted
                )
            )
        ]


# A misconception of exclusivity ("learned only passively", "by accuracy alone") is denied by "not only"
# before its words: "I didn't only watch tutorials on YouTube".
_EXCLUSIVE = frozenset({"only", "alone", "solely"})
_NOT_ONLY = frozenset({("not", "only"), ("not", "just"), ("not", "merely"), ("not", "solely")})


def _not_only(f: Finding) -> Finding:
    words, clauses = f.segment.words, f.segment.clauses
    lo = clause_start(clauses, f.start)
    pairs = set(zip(words[lo : f.start], words[lo + 1 : f.start + 1], strict=False))
    if f.verdict == ASSERTED and pairs & _NOT_ONLY:
        return Finding(CONTRADICTED, f.segment, f.start, f.end, f.how, f.phrase)
    return f


def _denied_after(f: Finding, t: Finding) -> bool:
    """True when a key point's words are the subject of the misconception a clause denies: "a false positive and
    a false negative do not cost the same" denies that they cost the same, not that they matter."""
    words, clauses = f.segment.words, f.segment.clauses
    if not (f.end < t.start and clauses[f.start] == clauses[t.start] == clauses[t.end]):
        return False
    # the denial stands right before the misconception's words: "... do not cost the same", not
    # "precision and recall are not needed, accuracy is enough"
    cue = next((k for k in range(t.start - 1, f.end, -1) if words[k] in {"not", "never"}), None)
    return cue is not None and all(w in STOPWORDS or w in AUXILIARIES for w in words[cue + 1 : t.start])


def grade_written(question: Question, text: str) -> GradeReport:
    """Grade a written answer against the question's rubric: one check per key point, plus penalties."""
    rubric = _rubric(question)
    as_written = analyse(text, one_line=asks_for_one_line(question))
    segments = resolve_pronouns(as_written)  # "It lowers variance" after "A deeper tree ..."
    reader = Reader(question, rubric, segments)
    claims_segs = [s for s in segments if s.is_claim]

    n_words = sum(len(s.words) for s in as_written)
    prose_words = sum(len(s.words) for s in as_written if s.is_claim)
    prose_share = prose_words / n_words if n_words else 0.0
    prose_factor = min(1.0, prose_share / PROSE_SHARE_FULL_CREDIT)
    longest = RAMBLING_MULTIPLE * max(RAMBLING_MIN_BASE, rubric.min_words or len(question.how_to_answer.split()))
    rambling_factor = min(1.0, longest / n_words) if n_words else 1.0
    factor = prose_factor * rambling_factor

    # Misconceptions first: a sentence that states one is no evidence for any key point, even when
    # it uses a key point's words. A clause that denies one is evidence for the truth, never "Wrong".
    misconceptions: list[dict[str, str]] = []
    denied: list[dict[str, str]] = []
    wrong: dict[int, str] = {}  # id of a segment -> the misconception it states
    truthful: list[Finding] = []  # where a clause denies a misconception
    penalty = 0.0
    # Listed phrases and claims of the key points (similarity comes later, where they found nothing).
    findings = {kp.id: reader.key_point(kp, claims_segs) for kp in rubric.key_points}
    # "A common bug is forgetting eval(), so at serving time it normalises with the test batch": what goes
    # wrong after a named mistake is a warning, no contradiction of the point it breaks
    findings = {
        k: [f for f in fs if not (f.verdict == CONTRADICTED and after_a_mistake(f.segment, f.start))]
        for k, fs in findings.items()
    }
    findings = {k: _taken_back(fs) for k, fs in findings.items()}
    _swap_subjects(findings)
    _explain_contradictions(findings)
    earning = {
        (id(f.segment), f.segment.clauses[f.start]) for fs in findings.values() for f in fs if f.verdict == ASSERTED
    }
    for mc in rubric.misconceptions:
        phrase_texts = [p for p in mc.phrases if compile_claim(p) is None]
        claim_texts = [*mc.claims, *(p for p in mc.phrases if compile_claim(p) is not None)]
        found = reader.phrase_findings(phrase_texts, segments, beliefs=True) + reader.claim_findings(
            claim_texts, segments
        )
        found = _taken_back(found)
        if _EXCLUSIVE & set(mc.description.lower().replace(",", " ").split()):
            found = [_not_only(f) for f in found]
        # "A queue is FIFO, whereas a stack is LIFO": set against a clause that earns a key point, the
        # misconception's words describe the other thing.
        found = [
            f
            for f in found
            if not (
                f.verdict == ASSERTED
                and any(
                    sid == id(f.segment) and set_against(f.segment, f.segment.clauses[f.start], clause)
                    for sid, clause in earning
                )
            )
        ]
        # "If you forget to call model.eval(), it keeps using the batch statistics" warns of the misconception
        found = [f for f in found if not (f.verdict == ASSERTED and after_a_mistake(f.segment, f.start))]
        found = [f for f in found if not (f.verdict == ASSERTED and _qualified(f))]
        stated = _pick(found, ASSERTED)
        if stated is not None:
            misconceptions.append(
                {"id": mc.id, "description": mc.description, "quote": stated.quote, "phrase": stated.phrase}
            )
            penalty += mc.penalty
            for f in found:
                if f.verdict == ASSERTED:
                    wrong.setdefault(id(f.segment), mc.description)
        elif (denial := _pick(found, CONTRADICTED)) is not None:
            denied.append({"id": mc.id, "description": mc.description, "quote": denial.quote})
        truthful += [f for f in found if f.verdict == CONTRADICTED]
    # "Gamma and beta are not fixed": a denied misconception says the truth, so a key point's word inside
    # the denied words ("gamma ... not") is no contradiction of that point.
    for kp_id, fs in findings.items():
        findings[kp_id] = [
            f
            for f in fs
            if not (
                f.verdict == CONTRADICTED
                and f.how in {"phrase", "term"}
                and any(
                    t.segment is f.segment and (t.start <= f.start and f.end <= t.end or _denied_after(f, t))
                    for t in truthful
                )
            )
        ]

    scale = point_scale(rubric)
    total_points = sum(round(kp.weight * scale) for kp in rubric.key_points) or 1
    core = core_ids(rubric)
    checks: list[CheckResult] = []
    key_points: list[dict[str, Any]] = []
    contradictions: list[dict[str, str]] = []
    earned = 0
    core_contradicted: list[str] = []
    core_asserted = True
    # Listed phrases and claims first; similarity only where they found nothing, and only in clauses
    # that earned no other point: one clause earns at most what it really asserts.
    used = set(earning)
    for kp in rubric.key_points:
        if not any(f.verdict == ASSERTED for f in findings[kp.id]):
            # a clause that contradicts the point is never similar enough to assert it
            denying = {(id(f.segment), f.segment.clauses[f.start]) for f in findings[kp.id] if f.verdict != ASSERTED}
            extra_found = reader.similar(kp, claims_segs, used | denying)
            findings[kp.id] += extra_found
            used |= {(id(f.segment), f.segment.clauses[f.start]) for f in extra_found if f.verdict == ASSERTED}
    for kp in rubric.key_points:
        max_points = round(kp.weight * scale)
        found = findings[kp.id]
        stated_wrongly = [f for f in found if f.verdict == ASSERTED and id(f.segment) in wrong]
        found = [f for f in found if not (f.verdict == ASSERTED and id(f.segment) in wrong)]
        asserted, against, unclear = (_pick(found, v) for v in (ASSERTED, CONTRADICTED, UNCLEAR))
        if (
            asserted is not None
            and asserted.how in WEAK_EVIDENCE
            and against is not None
            and against.how in OUTRIGHT
            and against.segment is asserted.segment
        ):
            # "I don't know if the fix worked; I never compared the numbers": the point's word ("fix") named in
            # a sentence that denies doing it outright is no assertion of it
            asserted = None
        if (
            asserted is not None
            and asserted.how == "phrase"
            and against is not None
            and against.segment is asserted.segment
            and against.how == "claim"
            and not any(f.verdict == ASSERTED and f.how == "claim" for f in found)
        ):
            # "I'd split by time, but train on the newest mail and test on the oldest": a sentence that names the
            # point's words and says the point's claim the wrong way round asserts the claim it makes
            asserted = None

        points = 0
        both = _said_both_ways(found) if asserted is not None else None
        if asserted is not None and both is not None:
            # An interviewer who hears a point and then its opposite credits neither: which is it?
            verdict, where, chosen = CONTRADICTED, both.quote, both
            points = max_points // 2
            status = Status.FAIL
            message = (
                f'Says it both ways: "{asserted.quote}", but then "{where}". Which is it? {kp.hint or kp.description}'
            )
            contradictions.append({"id": kp.id, "description": kp.description, "quote": where})
        elif asserted is not None:
            verdict, where, chosen = ASSERTED, asserted.quote, asserted
            points = max_points
            status, message = Status.PASS, f'Covered: "{where}"'
        elif against is not None:
            verdict, where, chosen = CONTRADICTED, against.quote, against
            status = Status.FAIL
            stop = "" if where.endswith((".", "!", "?")) else "."  # no '"...simple.".'
            message = f'Says the opposite: "{where}"{stop} {kp.hint or kp.description}'
            contradictions.append({"id": kp.id, "description": kp.description, "quote": where})
        elif stated_wrongly:
            f = stated_wrongly[0]
            verdict, where, chosen = CONTRADICTED, f.quote, f
            status = Status.FAIL
            message = f'Stated wrongly: "{where}" ({wrong[id(f.segment)]}) {kp.hint or kp.description}'
            contradictions.append({"id": kp.id, "description": kp.description, "quote": where})
        elif unclear is not None:
            verdict, where, chosen = UNCLEAR, unclear.quote, unclear
            status = Status.FAIL
            message = (
                f"Could not tell whether you said that {kp.description[:1].lower()}{kp.description[1:]} "
                f'("{where}"). Say it plainly. {kp.hint}'
            ).strip()
        else:
            verdict, where, chosen = MISSING, "", None
            status = Status.FAIL
            message = kp.hint or f"Missing: {kp.description}"
        if kp.id in core:
            core_asserted &= verdict == ASSERTED
            if verdict == CONTRADICTED and both is None:
                core_contradicted.append(kp.id)
        earned += points
        checks.append(CheckResult(kp.description, Category.RUBRIC, status, points, max_points, message))
        key_points.append(
            {
                "id": kp.id,
                "verdict": verdict,
                "covered": verdict == ASSERTED,
                "contradicted": verdict == CONTRADICTED,
                "core": kp.id in core,
                "quote": where or None,
                "phrase": chosen.phrase if chosen else None,
                "how": chosen.how if chosen else None,
            }
        )

    penalty += CONTRADICTION_PENALTY * len(contradictions)
    raw = 100.0 * earned / total_points
    score = round(max(0.0, min(100.0, raw * factor - penalty)), 1)

    notes: list[str] = []
    if rambling_factor < 1.0:
        notes.append(
            f"The answer has {n_words} words; past {longest} an interviewer has stopped listening, so the "
            f"score is scaled down (x{rambling_factor:.2f}). Answer the question asked, in a few paragraphs."
        )
    if prose_factor < 1.0:
        notes.append(
            f"Only {prose_share:.0%} of the answer is in full sentences; lists of terms earn no "
            f"credit. Explain each point in a sentence that says why."
        )
    if contradictions:
        n = len(contradictions)
        which = "1 key point" if n == 1 else f"{n} key points"
        notes.append(f"{which} stated the wrong way round: -{CONTRADICTION_PENALTY:g} each.")
    if core_contradicted:
        notes.append(
            "The answer contradicts a core point ("
            + ", ".join(core_contradicted)
            + "), so it does not pass whatever else it covers."
        )
    stated_core = core_asserted and bool(core) and not misconceptions and not contradictions
    # One slip an interviewer asks about; two things stated wrongly fail the answer, whatever else it covers.
    # counted by what was said: a misconception's sentence that also states a key point wrongly is one error
    errors = len({c["quote"] for c in contradictions} | {m["quote"] for m in misconceptions})
    if errors >= ERRORS_TO_FAIL and not core_contradicted:
        notes.append(
            f"{errors} things stated wrongly (key points the wrong way round, misconceptions): an interviewer "
            "would not pass this answer, whatever else it covers."
        )
    passed = (
        (score >= rubric.pass_mark or stated_core)
        and not core_contradicted
        and errors < ERRORS_TO_FAIL
        and prose_share >= PROSE_SHARE_TO_PASS
        and rambling_factor >= 1.0
    )
    if passed and score < rubric.pass_mark:
        # "42/100 (pass mark 60) PASSED" needs its reason beside it
        notes.append(
            f"Passes below the pass mark of {rubric.pass_mark:g}: every core point ({', '.join(sorted(core))}) is "
            "stated; the points it misses are what an interviewer would ask about next."
        )
    extra: dict[str, Any] = {
        "misconceptions": misconceptions,
        "denied_misconceptions": denied,
        "contradictions": contradictions,
        "key_points": key_points,
        "pass_mark": rubric.pass_mark,
        "points": earned,
        "max_points": total_points,
        "words": n_words,
        "min_words": rubric.min_words,
        "prose_share": round(prose_share, 2),
        "notes": notes,
    }
    return GradeReport(question.id, "written", score, passed, tuple(checks), extra)
