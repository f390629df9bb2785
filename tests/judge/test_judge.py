"""The optional model judge, driven through the real `llm` library by a model registered with its plugin hooks."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import llm
import pytest

from interview_prep.bank import load_bank
from interview_prep.grading.judge import second_opinion
from interview_prep.grading.written import grade_written
from interview_prep.models import Question

ANSWER = (
    "Bias is error from wrong assumptions, a model too simple that underfits. Variance is error from "
    "sensitivity to the training set, a model too complex that overfits. Regularization reduces variance."
)
SCRIPT: dict[str, Callable[[str], str]] = {}
CALLS: list[str] = []


class ScriptedModel(llm.Model):
    """Answers every prompt with what the running test scripted; counts how often it was asked."""

    model_id = "prep-scripted"
    supports_schema = True

    def execute(self, prompt: Any, stream: bool, response: Any, conversation: Any) -> Iterator[str]:
        CALLS.append(prompt.prompt)
        yield SCRIPT["reply"](prompt.prompt)


class _Plugin:
    @llm.hookimpl
    def register_models(self, register: Callable[[llm.Model], None]) -> None:
        register(ScriptedModel())


if not llm.pm.has_plugin("prep-scripted"):
    llm.pm.register(_Plugin(), name="prep-scripted")


@pytest.fixture(autouse=True)
def _llm_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LLM_USER_PATH", str(tmp_path / "llm"))
    CALLS.clear()


def question() -> Question:
    return load_bank([]).get("bias-variance")


def verdicts(**by_id: tuple[str, str]) -> str:
    kps = [{"id": kid, "verdict": v, "quote": q} for kid, (v, q) in by_id.items()]
    return json.dumps({"key_points": kps, "misconceptions": []})


def judge(answer: str = ANSWER, timeout: float = 5.0) -> tuple[Any, str | None]:
    q = question()
    return second_opinion(grade_written(q, answer), q, answer, "prep-scripted", timeout=timeout)


def test_correct_verdicts_are_scored_by_prep_not_by_the_model() -> None:
    SCRIPT["reply"] = lambda _p: verdicts(
        **{
            "bias-definition": ("asserted", "Bias is error from wrong assumptions"),
            "variance-definition": ("asserted", "Variance is error from sensitivity to the training set"),
            "reduce-variance": ("asserted", "Regularization reduces variance"),
        }
    )
    report, note = judge()
    assert note is None
    data = report.to_json()
    assert data["grader"] == "llm:prep-scripted"
    by_id = {kp["id"]: kp for kp in data["key_points"]}
    assert by_id["bias-definition"]["verdict"] == "asserted"
    assert by_id["shallow-tree-bias"]["verdict"] == "missing"  # not mentioned by the model: missing
    earned = sum(c["points"] for c in data["checks"])
    assert report.score == pytest.approx(100 * earned / sum(c["max_points"] for c in data["checks"]), abs=0.1)
    assert data["rubric_grade"]["score"] == grade_written(question(), ANSWER).score


def test_a_hallucinated_quote_is_discarded_counted_and_shown() -> None:
    SCRIPT["reply"] = lambda _p: verdicts(
        **{
            "bias-definition": ("asserted", "Bias is error from wrong assumptions"),
            "deep-tree-variance": ("asserted", "A deeper tree always has higher variance"),  # never written
        }
    )
    report, _ = judge()
    data = report.to_json()
    assert any("deep-tree-variance" in d and "not in your answer" in d for d in data["judge_discarded"])
    assert {kp["id"]: kp["verdict"] for kp in data["key_points"]}["deep-tree-variance"] == "missing"


def test_a_verdict_on_a_key_point_that_does_not_exist_is_discarded() -> None:
    SCRIPT["reply"] = lambda _p: verdicts(**{"made-up-point": ("asserted", "Bias is error from wrong assumptions")})
    report, _ = judge()
    assert any("made-up-point" in d for d in report.to_json()["judge_discarded"])


def test_malformed_json_gives_one_line_and_the_rubric_grade() -> None:
    SCRIPT["reply"] = lambda _p: "Sure! Here is my assessment: great answer"
    report, note = judge()
    assert note is not None and "malformed JSON" in note and "\n" not in note
    assert report.to_json() == grade_written(question(), ANSWER).to_json()


def test_a_slow_model_times_out_to_the_rubric_grade() -> None:
    def slow(_p: str) -> str:
        time.sleep(2)
        return verdicts()

    SCRIPT["reply"] = slow
    report, note = judge(timeout=0.3)
    assert note is not None and "did not answer within 0.3 s" in note
    assert report.score == grade_written(question(), ANSWER).score


def test_an_unknown_model_is_one_line() -> None:
    q = question()
    report, note = second_opinion(grade_written(q, ANSWER), q, ANSWER, "no-such-model-anywhere")
    assert note is not None and "no model 'no-such-model-anywhere'" in note


def test_the_same_answer_rubric_and_model_give_the_same_grade_from_the_cache() -> None:
    replies = iter(
        [
            verdicts(**{"bias-definition": ("asserted", "Bias is error from wrong assumptions")}),
            verdicts(**{"bias-definition": ("missing", "")}),  # a flickering model: never asked again
        ]
    )
    SCRIPT["reply"] = lambda _p: next(replies)
    first, _ = judge()
    second, _ = judge()
    assert len(CALLS) == 1
    assert first.score == second.score and second.to_json()["judge_cached"] is True


def test_an_answer_without_substance_is_graded_by_the_rubric_alone() -> None:
    SCRIPT["reply"] = lambda _p: verdicts(**{"bias-definition": ("asserted", "fine")})
    report, note = judge(answer="fine")
    assert CALLS == [] and note is not None and "rubric alone" in note
    assert not report.passed


def test_disagreements_show_both_readings_side_by_side() -> None:
    SCRIPT["reply"] = lambda _p: verdicts(**{"bias-definition": ("missing", "")})
    report, _ = judge()
    rows = {d["id"]: d for d in report.to_json()["disagreements"]}
    assert rows["bias-definition"]["judge"]["verdict"] == "missing"
    assert rows["bias-definition"]["rubric"]["verdict"] == "asserted"
    assert rows["bias-definition"]["rubric"]["quote"]


def test_prep_grade_with_a_judge_records_which_grader_made_the_grade(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from interview_prep.cli import app
    from interview_prep.store import open_store

    SCRIPT["reply"] = lambda _p: verdicts(
        **{
            "bias-definition": ("asserted", "Bias is error from wrong assumptions"),
            "variance-definition": ("asserted", "Variance is error from sensitivity to the training set"),
        }
    )
    answer = tmp_path / "answer.md"
    answer.write_text(ANSWER)
    result = CliRunner().invoke(
        app, ["grade", str(answer), "-q", "bias-variance", "--judge", "prep-scripted", "--json"]
    )
    assert result.exit_code in (0, 1), result.output
    data = json.loads(result.stdout)
    assert data["grader"] == "llm:prep-scripted" and "disagreements" in data
    [attempt] = open_store().attempts()
    assert attempt.grade is not None and attempt.grade["grader"] == "llm:prep-scripted"


def test_a_judge_that_fails_leaves_one_note_and_the_rubric_grade_and_the_attempt(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from interview_prep.cli import app
    from interview_prep.store import open_store

    SCRIPT["reply"] = lambda _p: "{not json"
    answer = tmp_path / "answer.md"
    answer.write_text(ANSWER)
    result = CliRunner().invoke(
        app, ["grade", str(answer), "-q", "bias-variance", "--judge", "prep-scripted", "--json"]
    )
    assert result.exit_code in (0, 1) and "Traceback" not in result.output
    assert json.loads(result.stdout)["grader"] == "rubric"
    assert result.stderr.count("\n") == 1 and "malformed JSON" in result.stderr
    assert len(open_store().attempts()) == 1


def test_judge_check_grades_the_banks_answers_and_says_none_is_configured_otherwise(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from typer.testing import CliRunner

    from interview_prep.cli import app

    monkeypatch.delenv("PREP_JUDGE", raising=False)
    unset = CliRunner().invoke(app, ["judge", "check"])
    assert unset.exit_code == 2 and "no model judge is configured" in unset.stderr
    SCRIPT["reply"] = lambda _p: verdicts()
    checked = CliRunner().invoke(app, ["judge", "check", "prep-scripted", "--limit", "2"])
    assert checked.exit_code == 0, checked.output
    assert "prep-scripted answers; it agreed with the rubric grader on" in checked.stdout
    monkeypatch.setenv("PREP_JUDGE", "prep-scripted")
    assert CliRunner().invoke(app, ["judge", "check", "--limit", "1"]).exit_code == 0


def test_the_terminal_report_shows_both_readings_side_by_side() -> None:
    import io

    from rich.console import Console

    from interview_prep.views.written import render_written

    SCRIPT["reply"] = lambda _p: verdicts(
        **{
            "bias-definition": ("missing", ""),
            "deep-tree-variance": ("asserted", "a quote the answer never had"),
        }
    )
    report, _ = judge()
    console = Console(file=io.StringIO(), width=160, record=True)
    render_written(report, console)
    text = console.export_text()
    assert "Where the model and the rubric grader disagree" in text
    assert "Defines bias" in text and "missing" in text and "asserted" in text
    assert "1 verdict discarded" in text and "Discarded: 'deep-tree-variance'" in text


def test_without_the_llm_library_prep_grades_as_before_and_a_judge_is_one_line(tmp_path: Path) -> None:
    """The judge is an optional extra: with `llm` not importable, `prep grade` works and `--judge` says what to install."""
    import subprocess
    import sys

    answer = tmp_path / "answer.md"
    answer.write_text(ANSWER, encoding="utf-8")
    block = "import sys; sys.modules['llm'] = None; from interview_prep.cli import main; sys.argv[0] = 'prep'; main()"
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "PREP_HOME": str(tmp_path / "prep"), "COLUMNS": "80"}

    def prep(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-c", block, *args], capture_output=True, text=True, env=env)

    plain = prep("grade", str(answer), "-q", "bias-variance", "--json")
    assert plain.returncode in (0, 1) and plain.stderr == "", plain.stderr
    assert json.loads(plain.stdout)["score"] == grade_written(question(), ANSWER).score
    judged = prep("grade", str(answer), "-q", "bias-variance", "--judge", "any-model")
    assert "Traceback" not in judged.stderr + judged.stdout
    assert "pip install 'interview-prep[llm]'" in judged.stdout + judged.stderr
