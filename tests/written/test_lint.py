"""The rubric linter (grading/written/lint.py) and `prep check-bank`, which reports what it finds."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from typer.testing import CliRunner

from interview_prep.bank import load_bank
from interview_prep.cli import app
from interview_prep.grading.written.lint import lint_rubric
from interview_prep.models import KeyPoint

from .test_written_grader import make_question

runner = CliRunner()

# One of each problem: a one-word phrase, a phrase made of the prompt's words, a duplicate within a
# key point, a key point phrase that is also a misconception's, and a model answer that fails its
# rubric by asserting a misconception.
PACK_QUESTION = """\
id: lr-lint
number: 91
title: Too large a learning rate
category: fundamentals
kind: written
difficulty: easy
time_limit_minutes: 5
prompt: Why does gradient descent fail when the learning rate is too large?
how_to_answer: Adam needs no tuning at all, so any value works.
what_they_look_for: The mechanism.
rubric:
  pass_mark: 60
  min_words: 20
  key_points:
    - id: overshoot
      description: Each step overshoots the minimum.
      weight: 2
      phrases:
        - "overshoots the minimum"
        - "overshoot"
        - "the learning rate is too large"
    - id: loss-curve
      description: The loss oscillates or diverges.
      weight: 1
      phrases:
        - "loss goes up and down"
        - "the loss goes up and down"
        - "any value works"
  misconceptions:
    - id: adam-no-tuning
      description: Claims Adam needs no tuning.
      penalty: 10
      phrases:
        - "adam needs no tuning"
        - "any value works"
"""


def make_pack(root: Path, text: str = PACK_QUESTION) -> Path:
    folder = root / "91-lr-lint"
    folder.mkdir(parents=True)
    (folder / "question.yaml").write_text(text, encoding="utf-8")
    return root


def test_the_builtin_written_questions_lint_clean() -> None:
    for q in load_bank().questions:
        assert lint_rubric(q) == [], q.id


def test_the_builtin_follow_ups_lint_clean() -> None:
    from interview_prep.grading.audit import lint_findings

    for q in load_bank().questions:
        assert [f.line() for f in lint_findings(q)] == [], q.id


def test_each_lint_problem_is_one_line_of_check_bank_naming_file_key_point_and_phrase(tmp_path: Path) -> None:
    pack = make_pack(tmp_path / "pack")
    result = runner.invoke(app, ["check-bank", "--bank", str(pack)])
    assert result.exit_code == 1, result.output
    lines = result.stdout.splitlines()
    yaml = str(pack / "91-lr-lint" / "question.yaml")
    expected = [
        "key point 'overshoot': phrase 'overshoot' reduces to one content word",
        "key point 'overshoot': phrase 'the learning rate is too large' reduces only to words of the question's prompt",
        "key point 'loss-curve': phrase 'the loss goes up and down' duplicates phrase 'loss goes up and down'",
        "misconception 'adam-no-tuning': phrase 'any value works' duplicates phrase 'any value works' of key point "
        "'loss-curve'",
        "the model answer (how_to_answer) fails its own rubric",
        "misconception 'adam-no-tuning': phrase 'adam needs no tuning' is asserted by the model answer",
    ]
    for want in expected:
        hits = [line for line in lines if want in line]
        assert len(hits) == 1, (want, result.stdout)
        assert hits[0].startswith(f"lr-lint: {yaml}: ")
    assert "lr-lint: " in result.stdout and "1 questions checked" in result.stdout


CLEAN_QUESTION = """\
id: lr-clean
number: 92
title: Too large a learning rate
category: fundamentals
kind: written
difficulty: easy
time_limit_minutes: 5
prompt: Why does gradient descent fail when the learning rate is too large?
how_to_answer: Each step overshoots the minimum, so the loss goes up and down.
what_they_look_for: The mechanism.
rubric:
  pass_mark: 60
  min_words: 20
  key_points:
    - id: overshoot
      description: Each step overshoots the minimum.
      weight: 2
      phrases: ["overshoots the minimum"]
      terms: ["overshoot"]
    - id: loss-curve
      description: The loss oscillates or diverges.
      weight: 1
      phrases: ["loss goes up and down"]
  misconceptions:
    - id: adam-no-tuning
      description: Claims Adam needs no tuning.
      penalty: 10
      phrases: ["adam needs no tuning"]
"""


def test_a_clean_written_pack_passes_check_bank(tmp_path: Path) -> None:
    folder = tmp_path / "pack" / "92-lr-clean"
    folder.mkdir(parents=True)
    (folder / "question.yaml").write_text(CLEAN_QUESTION, encoding="utf-8")
    result = runner.invoke(app, ["check-bank", "--bank", str(tmp_path / "pack")])
    assert result.exit_code == 0, result.output
    assert "lr-clean: ok" in result.stdout


def test_a_claim_that_does_not_compile(tmp_path: Path) -> None:
    # The loader refuses it (bad input, exit 2, with file, line and field) ...
    bad = PACK_QUESTION.replace(
        '        - "overshoots the minimum"\n',
        '        - "overshoots the minimum"\n      claims:\n        - "steps are big"\n',
    )
    result = runner.invoke(app, ["check-bank", "--bank", str(make_pack(tmp_path / "pack", bad))])
    assert result.exit_code == 2 and "question.yaml" in result.stderr and "'steps are big'" in result.stderr
    # ... and the linter says so of a rubric that did not come through the loader (its cache, code).
    point = KeyPoint("big", "Big steps.", 1, ("overshoots the minimum",), claims=("steps are big",))
    question = dataclasses.replace(make_question([point]), how_to_answer="Each step overshoots the minimum.")
    assert [w for w in lint_rubric(question) if "does not compile" in w] == [
        "key point 'big': claim 'steps are big' does not compile: it names fewer than two concepts with a "
        "direction the grader knows (interview_prep/grading/written/claims.py); write it as a phrase instead"
    ]
