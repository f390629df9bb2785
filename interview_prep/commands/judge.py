"""`prep judge check [MODEL]`: whether a model judge is configured and answers, and how far it agrees with the
rubric grader on the bank's own model answers (which should pass) and trick answers (which should not)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from interview_prep.bank import load_bank
from interview_prep.errors import ExitCode, PrepError
from interview_prep.models import Question
from interview_prep.views import console


@dataclass(frozen=True)
class Probe:
    question: Question
    label: str  # model answer | trick answer
    text: str
    should_pass: bool


def _probes(questions: tuple[Question, ...]) -> list[Probe]:
    """Each written question's model answer, and a trick answer that states its first misconception."""
    out: list[Probe] = []
    for q in questions:
        if q.is_coding or q.rubric is None:
            continue
        out.append(Probe(q, "model answer", q.how_to_answer, True))
        for mc in q.rubric.misconceptions[:1]:
            if mc.phrases:
                trick = f"In short, {mc.phrases[0]}, and that is the main thing to know here."
                out.append(Probe(q, "trick answer", trick, False))
    return out


def _verdict(score: float, passed: bool) -> str:
    return f"{score:.0f} {'pass' if passed else 'fail'}"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def judge_check(bank_dirs: list[Path] | None, model: str | None, *, limit: int) -> ExitCode:
    from interview_prep.grading.judge import JudgeError, judged_report, read_answer
    from interview_prep.grading.written import grade_written

    if not model:  # the command line's, else $PREP_JUDGE (Typer reads it, as for --judge)
        raise PrepError("no model judge is configured: give one (`prep judge check MODEL`) or set $PREP_JUDGE.")
    probes = _probes(load_bank(bank_dirs).questions)[:limit]
    agree = judged = right = 0
    for probe in probes:
        rubric = grade_written(probe.question, probe.text)
        try:
            reading = read_answer(model, probe.question, probe.text)
        except JudgeError as exc:
            if judged == 0:  # the first call says whether the model answers at all
                console.out.print(f"{model}: does not answer ({exc.message})", markup=False, highlight=False)
                return ExitCode.NOT_PASSED
            console.out.print(f"{probe.question.id} ({probe.label}): {exc.message}", markup=False, highlight=False)
            continue
        report = judged_report(rubric, probe.question, reading)
        judged += 1
        agree += report.passed == rubric.passed
        right += report.passed == probe.should_pass
        wanted = (
            "right"
            if report.passed == probe.should_pass
            else f"WRONG, should {'' if probe.should_pass else 'not '}pass"
        )
        console.out.print(
            f"{probe.question.id} ({probe.label}): judge {_verdict(report.score, report.passed)} ({wanted}), "
            f"rubric {_verdict(rubric.score, rubric.passed)}; "
            f"{_count(len(report.extra.get('disagreements', [])), 'key point')} read differently, "
            f"{_count(len(reading.discarded), 'verdict')} discarded",
            markup=False,
            highlight=False,
        )
    console.out.print(
        f"{model} answers: it graded {right} of {judged} answers right (model answers pass, trick answers fail)"
        f" and agreed with the rubric grader on {agree} of {judged}.",
        highlight=False,
    )
    return ExitCode.OK
