"""An optional second reading of a written answer by a language model the user already runs (the `llm` library).

The model never gives the score. It returns, per key point of the rubric, asserted / contradicted /
missing with a verbatim quote from the answer, and any misconception it asserts with its quote.
prep keeps only verdicts whose quote really is in the answer and whose key point exists, computes
the score from them with the rubric's own points, and shows where the model and the rubric grader
disagree, side by side. The same answer, rubric and model give the same grade: verdicts are
cached by their hashes in the data folder. Anything that goes wrong with the model (not installed,
unknown, unreachable, too slow, malformed JSON) is a JudgeError: one line, and the rubric grade.
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from interview_prep import paths
from interview_prep.errors import PrepError
from interview_prep.grading.report import Category, CheckResult, GradeReport, Status
from interview_prep.grading.written.scoring import PROSE_SHARE_TO_PASS, RAMBLING_MIN_BASE, RAMBLING_MULTIPLE
from interview_prep.models import Question, Rubric

PROMPT_VERSION = "2"  # part of the cache key: a new prompt never reuses an old reading
DEFAULT_TIMEOUT_S = 60.0
# Below this many words an answer has too little substance for a reading of its own: the one-word
# "fine" that a model praises. The rubric grader alone grades it.
MIN_SUBSTANCE_WORDS = 5
# A quote shorter than this shows no claim: "variance" is in almost every answer to bias-variance, so a
# model that praised a point with it would be believed. Three words hold "regularization reduces variance".
MIN_QUOTE_WORDS = 3
CONTRADICTION_PENALTY = 5.0
VERDICTS = ("asserted", "contradicted", "missing")

SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "key_points": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "id": {"type": "string"},
                    "verdict": {"type": "string", "enum": list(VERDICTS)},
                    "quote": {"type": "string"},
                },
                "required": ["id", "verdict", "quote"],
            },
        },
        "misconceptions": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {"id": {"type": "string"}, "quote": {"type": "string"}},
                "required": ["id", "quote"],
            },
        },
    },
    "required": ["key_points", "misconceptions"],
}

SYSTEM = (
    "You are a strict technical interviewer grading a candidate's written answer against a rubric. "
    "Judge only what the answer itself says. For each key point say whether the answer asserts it, "
    "contradicts it, or leaves it missing, and give the exact words of the answer that show it, copied "
    "verbatim (an empty quote for missing). List a misconception only when the answer asserts it, with "
    "its verbatim quote. Do not give a score, do not praise, do not invent text. Reply with JSON only."
)


class JudgeError(PrepError):
    """The model could not give a usable reading; the rubric grade stands."""


@dataclass(frozen=True)
class Verdict:
    id: str
    verdict: str
    quote: str


@dataclass(frozen=True)
class Reading:
    """What survived checking of one model reading, and what was thrown away."""

    model: str
    key_points: dict[str, Verdict]
    misconceptions: dict[str, str]  # id -> quote
    discarded: tuple[str, ...]  # why each dropped verdict was dropped
    cached: bool = False


def _rubric(question: Question) -> Rubric:
    if question.rubric is None:
        raise JudgeError(f"'{question.id}' has no rubric for a model to read against.")
    return question.rubric


def build_prompt(question: Question, answer: str) -> str:
    rubric = _rubric(question)
    points = "\n".join(f"- {kp.id}: {kp.description}" for kp in rubric.key_points)
    wrong = "\n".join(f"- {mc.id}: {mc.description}" for mc in rubric.misconceptions) or "- (none)"
    return (
        f"Question:\n{question.prompt.strip()}\n\nKey points (id: what a good answer says):\n{points}\n\n"
        f"Misconceptions (id: a wrong claim):\n{wrong}\n\nThe candidate's answer:\n<<<\n{answer.strip()}\n>>>\n\n"
        "Return JSON with key_points (one entry per key point id above: id, verdict, quote) and "
        "misconceptions (id, quote) for each misconception the answer asserts, following this JSON schema:\n"
        f"{json.dumps(SCHEMA)}"
    )


def _words(text: str) -> str:
    """The text's words, lower case, one space apart: punctuation, quotes and line breaks do not count."""
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    return " ".join(re.findall(r"[^\W_]+(?:'[^\W_]+)?", text.lower()))


def _quoted(quote: str, answer: str) -> bool:
    """The quote is the answer's own words, in order, whole words only ("is" is not found in "this")."""
    q = _words(quote)
    return len(q.split()) >= MIN_QUOTE_WORDS and f" {q} " in f" {_words(answer)} "


def _unquoted(quote: str) -> str:
    """Why a quote does not count, for the list of discarded verdicts."""
    if len(_words(quote).split()) < MIN_QUOTE_WORDS:
        return f'a quote of under {MIN_QUOTE_WORDS} words shows no claim ("{quote[:60]}")'
    return f'the quote is not in your answer ("{quote[:60]}")'


def check_reading(model: str, raw: Any, question: Question, answer: str, *, cached: bool = False) -> Reading:
    """Keep the verdicts that hold: a known key point, a verdict of the three, a quote found in the answer."""
    rubric = _rubric(question)
    if not isinstance(raw, dict) or not isinstance(raw.get("key_points"), list):
        raise JudgeError(f"{model} returned JSON without the key_points list the schema asks for.")
    known = {kp.id for kp in rubric.key_points}
    known_mc = {mc.id for mc in rubric.misconceptions}
    kept: dict[str, Verdict] = {}
    dropped: list[str] = []
    for item in raw["key_points"]:
        if not isinstance(item, dict):
            dropped.append("an entry that is not an object")
            continue
        kid, verdict, quote = str(item.get("id", "")), str(item.get("verdict", "")), str(item.get("quote") or "")
        if kid not in known:
            dropped.append(f"a verdict on '{kid}', which is not a key point of this rubric")
        elif verdict not in VERDICTS:
            dropped.append(f"'{kid}': an unknown verdict '{verdict}'")
        elif verdict != "missing" and not _quoted(quote, answer):
            dropped.append(f"'{kid}' {verdict}: {_unquoted(quote)}")
        elif kid in kept:
            dropped.append(f"a second verdict on '{kid}'")
        else:
            kept[kid] = Verdict(kid, verdict, quote if verdict != "missing" else "")
    wrong: dict[str, str] = {}
    for item in raw.get("misconceptions") or []:
        if not isinstance(item, dict):
            continue
        mid, quote = str(item.get("id", "")), str(item.get("quote") or "")
        if mid not in known_mc:
            dropped.append(f"a misconception '{mid}', which this rubric does not list")
        elif not _quoted(quote, answer):
            dropped.append(f"misconception '{mid}': {_unquoted(quote)}")
        else:
            wrong[mid] = quote
    return Reading(model, kept, wrong, tuple(dropped), cached)


def _cache_path(model: str, question: Question, answer: str) -> Path:
    rubric = _rubric(question)
    basis = json.dumps(
        {
            "v": PROMPT_VERSION,
            "model": model,
            "prompt": question.prompt,
            "key_points": [(kp.id, kp.description) for kp in rubric.key_points],
            "misconceptions": [(mc.id, mc.description) for mc in rubric.misconceptions],
            "answer": answer,
        },
        sort_keys=True,
    )
    return paths.data_dir() / "judge-cache" / f"{hashlib.sha256(basis.encode()).hexdigest()}.json"


def _ask(model_name: str, prompt: str, timeout: float) -> str:
    """The model's raw text, or a JudgeError saying in one line why there is none."""
    try:
        import llm
    except ImportError:
        raise JudgeError("a model judge needs the llm library: pip install 'interview-prep[llm]'.") from None
    try:
        model = llm.get_model(model_name)
    except llm.UnknownModelError:
        raise JudgeError(f"no model '{model_name}' is known to llm (see `llm models`).") from None
    outcome: dict[str, Any] = {}

    def call() -> None:
        try:
            # A model that takes no schema (many local ones) still reads it in the prompt; llm refuses a
            # schema such a model cannot take, which would make every local model "unreachable".
            schema = SCHEMA if getattr(model, "supports_schema", False) else None
            response = model.prompt(prompt, system=SYSTEM, schema=schema, stream=False)
            outcome["text"] = response.text()
        except Exception as exc:  # noqa: BLE001 - a plugin may raise anything; it becomes one line
            outcome["error"] = exc

    worker = threading.Thread(target=call, daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        raise JudgeError(f"{model_name} did not answer within {timeout:g} s.")
    if "error" in outcome:
        exc = outcome["error"]
        raise JudgeError(f"{model_name} could not be reached: {type(exc).__name__}: {str(exc)[:160]}")
    return str(outcome.get("text", ""))


def read_answer(model: str, question: Question, answer: str, *, timeout: float = DEFAULT_TIMEOUT_S) -> Reading:
    """The model's checked reading of the answer, from the cache when this exact reading was made before."""
    cache = _cache_path(model, question, answer)
    try:
        raw = json.loads(cache.read_text(encoding="utf-8"))
        return check_reading(model, raw, question, answer, cached=True)
    except (OSError, ValueError, JudgeError):
        pass
    text = _ask(model, build_prompt(question, answer), timeout)
    try:  # a model without a schema may fence its JSON in Markdown: ```json ... ```
        raw = json.loads(re.sub(r"^```(?:json)?\s*|\s*```$", "", text.strip()))
    except ValueError:
        raise JudgeError(f"{model} returned malformed JSON ({text[:60]!r}).") from None
    reading = check_reading(model, raw, question, answer)
    try:  # only a reading that checked out is kept, so a bad one is asked again next time
        cache.parent.mkdir(parents=True, exist_ok=True)
        cache.write_text(json.dumps(raw), encoding="utf-8")
    except OSError:
        pass
    return reading


def judged_report(rubric_report: GradeReport, question: Question, reading: Reading) -> GradeReport:
    """The grade from the model's checked verdicts, scored by prep with the rubric's points; where the
    rubric grader read a key point otherwise, both readings are kept side by side.

    Evidence decides: the model's quoted verdict overrides the rubric grader's reading of a key point, but its
    silence (missing, or a verdict discarded) takes nothing away from what the rubric grader quoted from the
    answer, and a misconception either of them quotes counts."""
    rubric = _rubric(question)
    by_id = {kp["id"]: kp for kp in rubric_report.extra.get("key_points", [])}
    checks: list[CheckResult] = []
    key_points: list[dict[str, Any]] = []
    disagreements: list[dict[str, Any]] = []
    earned = total = 0.0
    core_ok, core_contradicted = True, []
    for kp, rubric_check in zip(rubric.key_points, rubric_report.checks, strict=False):
        points = rubric_check.max_points
        total += points
        verdict = reading.key_points.get(kp.id)
        said = verdict.verdict if verdict else "missing"
        quote = verdict.quote if verdict else ""
        theirs = by_id.get(kp.id, {})
        if theirs.get("verdict", "missing") != said:
            disagreements.append(
                {
                    "id": kp.id,
                    "description": kp.description,
                    "judge": {"verdict": said, "quote": quote or None},
                    "rubric": {"verdict": theirs.get("verdict", "missing"), "quote": theirs.get("quote")},
                }
            )
        core = bool(theirs.get("core"))
        by = reading.model
        if said == "missing" and theirs.get("verdict") in ("asserted", "contradicted") and theirs.get("quote"):
            # The model's silence is no evidence: what the rubric grader quoted from the answer stands.
            said, quote, by = theirs["verdict"], str(theirs["quote"]), "rubric grader"
        key_points.append({"id": kp.id, "verdict": said, "quote": quote or None, "core": core, "by": by})
        if said == "asserted":
            earned += points
            status, message = Status.PASS, f'Covered ({by}): "{quote}"'
        elif said == "contradicted":
            status, message = Status.FAIL, f'Says the opposite ({by}): "{quote}". {kp.hint}'.strip()
        else:
            status, message = Status.FAIL, kp.hint or f"Missing: {kp.description}"
        if core:
            core_ok &= said == "asserted"
            if said == "contradicted":
                core_contradicted.append(kp.id)
        checks.append(
            CheckResult(kp.description, Category.RUBRIC, status, points if said == "asserted" else 0.0, points, message)
        )
    contradicted = [k for k in key_points if k["verdict"] == "contradicted"]
    # A misconception either grader found, with its quote, counts: the model not naming it is no evidence.
    asserted_wrong = dict(reading.misconceptions)
    for mc in rubric_report.extra.get("misconceptions", []):
        asserted_wrong.setdefault(str(mc["id"]), str(mc.get("quote") or ""))
    penalties = {mc.id: mc.penalty for mc in rubric.misconceptions}
    penalty = sum(penalties[m] for m in asserted_wrong if m in penalties) + CONTRADICTION_PENALTY * len(contradicted)
    score = round(max(0.0, min(100.0, 100.0 * earned / total - penalty)), 1) if total else 0.0
    stated_core = core_ok and any(kp.get("core") for kp in by_id.values()) and not asserted_wrong
    passed = (score >= rubric.pass_mark or (stated_core and not contradicted)) and not core_contradicted
    extra = dict(rubric_report.extra)
    extra.update(
        {
            "grader": f"llm:{reading.model}",
            "rubric_grade": {"score": rubric_report.score, "passed": rubric_report.passed},
            "key_points": key_points,
            "misconceptions": [
                {
                    "id": mid,
                    "description": next(m.description for m in rubric.misconceptions if m.id == mid),
                    "quote": q,
                    "by": reading.model if mid in reading.misconceptions else "rubric grader",
                }
                for mid, q in asserted_wrong.items()
            ],
            "disagreements": disagreements,
            "judge_discarded": list(reading.discarded),
            "judge_cached": reading.cached,
        }
    )
    return GradeReport(rubric_report.question, "written", score, passed, tuple(checks), extra)


def unsubstantial(rubric_report: GradeReport, question: Question, answer: str) -> str | None:
    """Why the answer is below the minimum substance the rubric grader asks of an answer that passes, or
    None. A model reads substance into a one-word "fine", a list of terms or a paste of everything one
    knows (quotes for every point are in it), so such an answer keeps the rubric grader's verdict."""
    if len(answer.split()) < MIN_SUBSTANCE_WORDS:
        return f"too short for a model's reading (under {MIN_SUBSTANCE_WORDS} words)"
    extra = rubric_report.extra
    if float(extra.get("prose_share", 1.0)) < PROSE_SHARE_TO_PASS:
        return "mostly terms, not sentences, so there are no claims for a model to read"
    rubric = _rubric(question)
    longest = RAMBLING_MULTIPLE * max(RAMBLING_MIN_BASE, rubric.min_words or len(question.how_to_answer.split()))
    if int(extra.get("words", 0)) > longest:
        return f"over {longest} words, more than an answer to this question"
    return None


def second_opinion(
    rubric_report: GradeReport, question: Question, answer: str, model: str, *, timeout: float = DEFAULT_TIMEOUT_S
) -> tuple[GradeReport, str | None]:
    """The judged grade, or the rubric grade and one line on why the model's reading was not used."""
    short = unsubstantial(rubric_report, question, answer)
    if short is not None:
        return rubric_report, f"{short}: graded by the rubric alone."
    try:
        reading = read_answer(model, question, answer, timeout=timeout)
    except JudgeError as exc:
        return rubric_report, f"the model judge was not used: {exc.message}"
    return judged_report(rubric_report, question, reading), None
