"""`prep check-bank`: a user's pack can carry coding questions with their own suites, checked as the bank's are."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from interview_prep.bank import fixture_files, load_bank
from interview_prep.cli import app
from interview_prep.errors import BankError
from interview_prep.grading.audit import audit_question

runner = CliRunner()

QUESTION = """\
id: double-it
number: 90
title: Double every number
category: coding
kind: coding
difficulty: easy
time_limit_minutes: 5
prompt: Write double(x), which returns twice its input.
how_to_answer: Multiply by two.
what_they_look_for: A one-liner.
functions:
  - name: double
    signature: "def double(x)"
    docstring: "Twice x, a float."
starter: |
  def double(x):
      raise NotImplementedError
{suite_line}"""

SUITE = """\
from interview_prep.grading.report import Category
from interview_prep.grading.suite import Call, Check, Fail, Suite, as_float


def build() -> Suite:
    calls = (Call("three", "double", (3.0,), about="x=3"), Call("neg", "double", (-2.5,), about="x=-2.5"))

    def doubles(results):
        for cid, want in (("three", 6.0), ("neg", -5.0)):
            got = as_float(results[cid].value, "double")
            if got != want:
                raise Fail(f"double gave {got} for {results[cid].call.about}, expected {want}.")
        return "twice its input."

    checks = (Check("doubles its input", Category.CORRECTNESS, 1, ("three", "neg"), doubles),)
    return Suite("double-it", ("double",), calls, checks, "reference.py")
"""


def make_pack(root: Path, *, suite_line: str = "", broken: str = "return x + x + 1") -> Path:
    folder = root / "90-double-it"
    folder.mkdir(parents=True)
    (folder / "question.yaml").write_text(QUESTION.format(suite_line=suite_line), encoding="utf-8")
    (folder / "suite.py").write_text(SUITE, encoding="utf-8")
    (folder / "reference.py").write_text("# prep: double-it\ndef double(x):\n    return 2.0 * x\n", encoding="utf-8")
    (folder / "broken").mkdir()
    (folder / "broken" / "off_by_one.py").write_text(
        f"# prep: double-it\n# expect-fail: doubles its input\ndef double(x):\n    {broken}\n", encoding="utf-8"
    )
    (folder / "correct").mkdir()
    (folder / "correct" / "added.py").write_text("# prep: double-it\ndef double(x):\n    return x + x\n")
    return root


@pytest.mark.slow
def test_a_scratch_coding_question_in_a_pack_is_picked_up_by_the_guards(tmp_path: Path) -> None:
    pack = make_pack(tmp_path / "pack")
    question = load_bank([pack]).get("double-it")
    assert question.suite == pack / "90-double-it" / "suite.py"
    assert question.reference == pack / "90-double-it" / "reference.py"
    assert [p.name for p in fixture_files(question, "broken")] == ["off_by_one.py"]
    assert audit_question(question) == []
    result = runner.invoke(app, ["check-bank", "--bank", str(pack)])
    assert result.exit_code == 0, result.output
    assert "double-it: ok" in result.stdout and "1 questions checked, 0 problems." in result.stdout


@pytest.mark.slow
def test_a_broken_fixture_that_passes_is_a_problem(tmp_path: Path) -> None:
    pack = make_pack(tmp_path / "pack", broken="return 2.0 * x")
    result = runner.invoke(app, ["check-bank", "--bank", str(pack)])
    assert result.exit_code == 1, result.output
    assert "passes 'doubles its input', which it should fail" in result.stdout


@pytest.mark.slow
def test_a_pack_question_is_graded_by_its_own_suite(tmp_path: Path) -> None:
    pack = make_pack(tmp_path / "pack")
    answer = tmp_path / "mine.py"
    answer.write_text("def double(x):\n    return x * 2\n")
    result = runner.invoke(app, ["grade", str(answer), "-q", "double-it", "--bank", str(pack), "--no-save"])
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("name", ["helpers", "question", "no_such_suite"])
def test_a_suite_name_that_is_not_a_suite_is_a_bank_error(tmp_path: Path, name: str) -> None:
    pack = make_pack(tmp_path / "pack", suite_line=f"suite: {name}\n")
    (pack / "90-double-it" / "helpers.py").write_text("def judge():\n    return 1\n")
    with pytest.raises(BankError, match=rf"question.yaml:\d+: field 'suite': '{name}' is not a hidden test suite"):
        load_bank([pack])
    result = runner.invoke(app, ["grade", str(pack / "90-double-it" / "reference.py"), "--bank", str(pack)])
    assert result.exit_code == 2 and "Traceback" not in result.output


def test_a_builtin_suite_can_still_be_named_by_a_plain_yaml_pack(tmp_path: Path) -> None:
    folder = tmp_path / "pack"
    folder.mkdir()
    text = QUESTION.format(suite_line="suite: kmeans\n").replace("id: double-it", "id: my-kmeans")
    (folder / "my-kmeans.yaml").write_text(text, encoding="utf-8")
    question = load_bank([folder]).get("my-kmeans")
    assert question.suite is not None and question.suite.parent.name == "01-kmeans"
    assert question.reference is not None and question.reference.name == "kmeans.py"


def test_check_bank_on_broken_yaml_is_bad_input(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text("id: [oops\n", encoding="utf-8")
    result = runner.invoke(app, ["check-bank", "--bank", str(tmp_path)])
    assert result.exit_code == 2
    assert "bad.yaml" in result.stderr and "Traceback" not in result.output
