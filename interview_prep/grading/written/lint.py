"""The rubric linter: what in a written question's rubric the grader cannot use, or uses against it.

Every phrase is reduced as the grader reduces it (grader.compile_phrase: stopwords dropped, words
stemmed), so a warning describes what the grader will actually match:

- a phrase that reduces to one content word matches that word anywhere, in any sense ("interact",
  "schedule"): put the word under `terms:` (found only inside a full sentence) or write a phrase;
- a phrase made only of words of the question's prompt is earned by repeating the question;
- a paraphrase with fewer content words than similarity.MIN_SHARED can never be matched;
- two phrases (or claims) with the same reduced form, within a key point or across key points and
  misconceptions, are one phrase counted twice, or a key point that is also a misconception;
- a claim that does not compile never matches (the loader refuses it too, unless read from its cache);
- the model answer (how_to_answer) must pass its own rubric, assert no misconception and contradict
  no key point.
"""

from __future__ import annotations

from dataclasses import dataclass

from interview_prep.grading.written import similarity
from interview_prep.grading.written.grader import compile_claim, compile_phrase, grade_written
from interview_prep.models import Question

# How each field is read by the grader: "phrase" matched word for word (a phrase that compiles as a
# claim is read as a claim), "claim" by its concepts, "paraphrase" by similarity, "term" as one word.
_POINT_FIELDS = (("phrases", "phrase"), ("claims", "claim"), ("paraphrases", "paraphrase"), ("terms", "term"))
_MISCONCEPTION_FIELDS = (("phrases", "phrase"), ("claims", "claim"))


@dataclass(frozen=True)
class _Entry:
    owner: str  # "key point 'x'" or "misconception 'y'"
    field: str  # the YAML field it is listed under
    how: str  # phrase, claim, paraphrase or term
    text: str


def _entries(question: Question) -> list[_Entry]:
    rubric = question.rubric
    assert rubric is not None
    out: list[_Entry] = []
    for kp in rubric.key_points:
        for field, how in _POINT_FIELDS:
            out += [_Entry(f"key point '{kp.id}'", field, how, t) for t in getattr(kp, field)]
    for mc in rubric.misconceptions:
        for field, how in _MISCONCEPTION_FIELDS:
            out += [_Entry(f"misconception '{mc.id}'", field, how, t) for t in getattr(mc, field)]
    return out


def _claim_key(text: str) -> tuple[tuple[str, int], ...] | None:
    """A compiled claim up to the overall flip the grader allows, in a fixed order."""
    claim = compile_claim(text)
    if claim is None:
        return None
    flip = claim[0][1]
    return tuple(sorted((c, s * flip) for c, s in claim))


def lint_rubric(question: Question) -> list[str]:
    """Warnings about the question's rubric, one line each, naming the key point or misconception and the phrase."""
    if question.rubric is None or question.is_coding:
        return []
    rubric = question.rubric
    prompt = set(compile_phrase(question.prompt).stems)
    warnings: list[str] = []
    seen: dict[tuple[str, object], _Entry] = {}

    for e in _entries(question):
        where = f"{e.owner}: {e.field[:-1]} '{e.text}'"
        as_claim = e.how == "claim" or (e.how == "phrase" and compile_claim(e.text) is not None)
        if e.how == "claim" and compile_claim(e.text) is None:
            warnings.append(
                f"{where} does not compile: it names fewer than two concepts with a direction the grader knows "
                "(interview_prep/grading/written/claims.py); write it as a phrase instead"
            )
        stems = compile_phrase(e.text).stems
        if not as_claim:
            if not stems:
                warnings.append(f"{where} reduces to no content word: it can never match")
            elif len(set(stems)) == 1 and e.how == "phrase":
                warnings.append(
                    f"{where} reduces to one content word ('{stems[0]}'), which matches in any sentence: "
                    "move it to terms: or make it a real phrase"
                )
            elif set(stems) <= prompt:
                warnings.append(
                    f"{where} reduces only to words of the question's prompt ({' '.join(stems)}): "
                    "repeating the question would earn it"
                )
            if e.how == "paraphrase" and 0 < len(set(stems)) < similarity.MIN_SHARED:
                warnings.append(
                    f"{where} has {len(set(stems))} content word(s); similarity needs {similarity.MIN_SHARED} "
                    "in common, so it can never match: make it a phrase or say more"
                )
        # One reduced form, counted once: the same stems, or (for claims) the same concepts and directions.
        key: tuple[str, object] = ("claim", _claim_key(e.text)) if as_claim and _claim_key(e.text) else ("stems", stems)
        if stems or as_claim:
            first = seen.get(key)
            same = "same concepts and directions" if key[0] == "claim" else "same reduced form"
            if first is None:
                seen[key] = e
            elif first.owner == e.owner:
                warnings.append(f"{where} duplicates {first.field[:-1]} '{first.text}' ({same})")
            else:
                warnings.append(f"{where} duplicates {first.field[:-1]} '{first.text}' of {first.owner} ({same})")

    report = grade_written(question, question.how_to_answer)
    if not report.passed:
        missed = [kp["id"] for kp in report.extra["key_points"] if kp["verdict"] != "asserted"]
        warnings.append(
            f"the model answer (how_to_answer) fails its own rubric: {report.score:g} against a pass mark of "
            f"{rubric.pass_mark:g}; not found: {', '.join(missed) or 'none'}"
        )
    for m in report.extra["misconceptions"]:
        warnings.append(
            f"misconception '{m['id']}': phrase '{m['phrase']}' is asserted by the model answer: \"{m['quote']}\""
        )
    for c in report.extra["contradictions"]:
        kp_found = next(k for k in report.extra["key_points"] if k["id"] == c["id"])
        warnings.append(
            f"key point '{c['id']}': phrase '{kp_found['phrase']}' is contradicted by the model answer: "
            f'"{c["quote"]}"'
        )
    return warnings
