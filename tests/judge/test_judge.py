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


class PlainModel(llm.Model):
    """A model that takes no JSON schema, as many local ones do: it reads the schema in its prompt."""

    model_id = "prep-plain"
    supports_schema = False

    def execute(self, prompt: Any, stream: bool, response: Any, conversation: Any) -> Iterator[str]:
        CALLS.append(prompt.prompt)
        SCHEMAS.append(prompt.schema)
        yield SCRIPT["reply"](prompt.prompt)


SCHEMAS: list[Any] = []


class _Plugin:
    @llm.hookimpl
    def register_models(self, register: Callable[[llm.Model], None]) -> None:
        register(ScriptedModel())
        register(PlainModel())


if not llm.pm.has_plugin("prep-scripted"):
    llm.pm.register(_Plugin(), name="prep-scripted")


@pytest.fixture(autouse=True)
def _llm_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LLM_USER_PATH", str(tmp_path / "llm"))
    monkeypatch.delenv("PREP_JUDGE", raising=False)
    CALLS.clear()
    SCHEMAS.clear()


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


def test_the_models_silence_takes_nothing_from_the_rubric_graders_quotes_but_its_quoted_contradiction_does() -> None:
    wrong = ANSWER + " Deeper trees have lower variance."
    rubric = grade_written(question(), wrong).to_json()
    rubric_found = {kp["id"] for kp in rubric["key_points"] if kp["verdict"] == "asserted"}
    assert {"bias-definition", "variance-definition"} <= rubric_found and rubric["misconceptions"]

    SCRIPT["reply"] = lambda _p: verdicts()  # a model that finds nothing and names no misconception
    silent, _ = judge(wrong)
    assert silent.score == grade_written(question(), wrong).score and not silent.passed
    assert {m["id"] for m in silent.to_json()["misconceptions"]} == {m["id"] for m in rubric["misconceptions"]}

    SCRIPT["reply"] = lambda _p: verdicts(**{"variance-definition": ("contradicted", "a model too complex that")})
    contradicted, _ = judge(ANSWER)
    reading = {kp["id"]: (kp["verdict"], kp["by"]) for kp in contradicted.to_json()["key_points"]}
    assert reading["variance-definition"] == ("contradicted", "prep-scripted")
    assert reading["bias-definition"] == ("asserted", "rubric grader")
    assert not contradicted.passed  # a core point contradicted, with the answer's own words, fails it


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
    # a model that reads the model answer's definition of bias as its contradiction: it fails the model answer
    # (wrongly); its quote is not in the trick answer, so there the rubric's reading, a fail (rightly), stands
    SCRIPT["reply"] = lambda _p: verdicts(**{"bias-definition": ("contradicted", "error from wrong assumptions")})
    checked = CliRunner().invoke(app, ["judge", "check", "prep-scripted", "--limit", "2"])
    assert checked.exit_code == 0, checked.output
    lines = " ".join(checked.stdout.split())
    assert "fail (WRONG, should pass), rubric 100 pass" in lines.split("bias-variance (model answer): judge")[1]
    assert "bias-variance (trick answer): judge 0 fail (right)" in lines
    assert "graded 1 of 2 answers right (model answers pass, trick answers fail)" in lines
    assert "agreed with the rubric grader on 1 of 2." in lines
    monkeypatch.setenv("PREP_JUDGE", "prep-scripted")
    assert CliRunner().invoke(app, ["judge", "check", "--limit", "1"]).exit_code == 0


def rendered(bias_definition: tuple[str, str], width: int) -> str:
    """The terminal report of a judged answer whose model read bias-definition so and invented a quote."""
    import io

    from rich.console import Console

    from interview_prep.views.written import render_written

    SCRIPT["reply"] = lambda _p: verdicts(
        **{"bias-definition": bias_definition, "deep-tree-variance": ("asserted", "a quote the answer never had")}
    )
    report, _ = judge()
    console = Console(file=io.StringIO(), width=width, record=True)
    render_written(report, console)
    return console.export_text()


def test_the_terminal_report_shows_both_readings_side_by_side() -> None:
    text = rendered(("missing", ""), width=160)
    assert "Where the model and the rubric grader disagree" in text
    assert "Defines bias" in text and "missing" in text and "asserted" in text
    assert "1 verdict discarded" in " ".join(text.split()) and "Discarded: 'deep-tree-variance'" in text


def first_point_from_the_answer(prompt: str) -> str:
    """What a model that reads the prompt would say: the first key point asserted, quoting the answer's opening."""
    points = prompt.split("Key points (id: what a good answer says):\n")[1].split("\n\n")[0]
    first = points.splitlines()[0][2:].split(":")[0]
    answer = prompt.split("<<<\n")[1].split("\n>>>")[0]
    return verdicts(**{first: ("asserted", " ".join(answer.split()[:6]))})


def test_a_model_that_cannot_be_reached_is_one_line_and_the_rubric_grade() -> None:
    def refused(_p: str) -> str:
        raise ConnectionError("[Errno 111] Connection refused")

    SCRIPT["reply"] = refused
    report, note = judge()
    assert note is not None and "could not be reached" in note and "Connection refused" in note
    assert "\n" not in note
    assert report.to_json() == grade_written(question(), ANSWER).to_json()


def test_a_model_without_schema_support_reads_the_schema_in_its_prompt_and_may_fence_its_json() -> None:
    reply = verdicts(**{"bias-definition": ("asserted", "Bias is error from wrong assumptions")})
    SCRIPT["reply"] = lambda _p: f"```json\n{reply}\n```"
    q = question()
    report, note = second_opinion(grade_written(q, ANSWER), q, ANSWER, "prep-plain", timeout=5.0)
    assert note is None, note
    assert SCHEMAS == [None] and '"key_points"' in CALLS[0] and '"enum"' in CALLS[0]
    data = report.to_json()
    assert data["grader"] == "llm:prep-plain"
    assert {kp["id"]: kp["verdict"] for kp in data["key_points"]}["bias-definition"] == "asserted"


def test_a_quote_too_short_to_show_a_claim_or_cut_from_inside_words_is_discarded() -> None:
    SCRIPT["reply"] = lambda _p: verdicts(
        **{
            "bias-definition": ("asserted", "Bias"),  # a word, not a claim
            "variance-definition": ("asserted", "ance is error from sensitivity"),  # from inside "Variance"
            "reduce-variance": ("asserted", "regularization   REDUCES\nvariance."),  # spacing and case do not matter
        }
    )
    report, _ = judge()
    data = report.to_json()
    reading_of = {kp["id"]: (kp["verdict"], kp["by"]) for kp in data["key_points"]}
    # a discarded verdict is no evidence: the rubric grader's quoted reading of those points stands, named as its
    assert reading_of["bias-definition"] == reading_of["variance-definition"] == ("asserted", "rubric grader")
    assert reading_of["reduce-variance"] == ("asserted", "prep-scripted")
    assert any("bias-definition" in d and "under 3 words" in d for d in data["judge_discarded"])
    assert any("variance-definition" in d and "not in your answer" in d for d in data["judge_discarded"])


def test_a_list_of_terms_and_a_paste_of_every_answer_are_below_substance_and_graded_by_the_rubric_alone() -> None:
    terms = "bias variance tradeoff, underfitting, overfitting, regularization, bagging, boosting, pruning"
    bullets = "- bias from wrong assumptions\n- variance and overfitting\n- regularization\n- bagging\n- pruning"
    everything = " ".join(q.how_to_answer for q in load_bank([]).questions if not q.is_coding) * 3
    for answer in (terms, bullets, everything):
        SCRIPT["reply"] = (
            lambda _p, a=answer: verdicts(  # type: ignore[misc]
                **{kp.id: ("asserted", " ".join(a.split()[:4])) for kp in question().rubric.key_points}  # type: ignore[union-attr]
            )
        )
        report, note = judge(answer=answer)
        assert CALLS == [], "the model was asked about an answer without substance"
        assert note is not None and note.endswith("graded by the rubric alone.")
        assert report.to_json() == grade_written(question(), answer).to_json() and not report.passed


def test_prep_judge_in_the_environment_judges_prep_grade(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from interview_prep.cli import app

    SCRIPT["reply"] = first_point_from_the_answer
    answer = tmp_path / "answer.md"
    answer.write_text(ANSWER)
    monkeypatch.setenv("PREP_JUDGE", "prep-scripted")
    result = CliRunner().invoke(app, ["grade", str(answer), "-q", "bias-variance", "--json"])
    assert json.loads(result.stdout)["grader"] == "llm:prep-scripted", result.output
    assert len(CALLS) == 1


def test_practice_and_mock_with_a_judge_grade_written_answers_with_it_and_record_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    from interview_prep.cli import app
    from interview_prep.store import open_store

    SCRIPT["reply"] = first_point_from_the_answer
    typed = f"\n{ANSWER}\n.\ng\n"  # Enter starts the clock; the answer; '.' ends it; a self-rating
    runner = CliRunner()
    common = ["-w", str(tmp_path), "--minutes", "5", "--no-follow-ups"]
    practice = runner.invoke(
        app,
        ["practice", "-q", "bias-variance", "--judge", "prep-scripted", *common],
        input=typed,
        env={"COLUMNS": "80"},
    )
    assert practice.exit_code == 0, practice.output
    assert "Graded from the verified verdicts of prep-scripted" in practice.stdout
    monkeypatch.setenv("PREP_JUDGE", "prep-scripted")
    mock = runner.invoke(app, ["mock", "--rounds", "fundamentals", *common], input=typed, env={"COLUMNS": "80"})
    assert mock.exit_code == 0, mock.output
    attempts = open_store().attempts()
    assert [a.mode for a in attempts] == ["practice", "mock"]
    assert [(a.grade or {}).get("grader") for a in attempts] == ["llm:prep-scripted"] * 2
    assert len(CALLS) == 2


def test_history_shows_and_exports_which_model_made_a_grade(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from interview_prep.cli import app

    SCRIPT["reply"] = first_point_from_the_answer
    answer = tmp_path / "answer.md"
    answer.write_text(ANSWER)
    runner = CliRunner()
    runner.invoke(app, ["grade", str(answer), "-q", "bias-variance", "--judge", "prep-scripted"])
    runner.invoke(app, ["grade", str(answer), "-q", "bias-variance"])
    listed = json.loads(runner.invoke(app, ["history", "--json"]).stdout)["attempts"]
    assert [a["grader"] for a in listed] == ["llm:prep-scripted", "rubric"]
    shown = runner.invoke(app, ["history", "--show", str(listed[0]["id"])], env={"COLUMNS": "80"}).stdout
    assert "from the checked verdicts of the model prep-scripted" in shown
    assert "from the checked verdicts" not in runner.invoke(app, ["history", "--show", str(listed[1]["id"])]).stdout


def test_the_side_by_side_readings_fit_80_columns_with_their_evidence() -> None:
    text = rendered(("contradicted", "a model too simple that underfits"), width=80)
    assert max(len(line) for line in text.splitlines()) <= 80
    table = text.split("Where the model and the rubric grader disagree")[1]
    rows = [line.split("│")[1:4] for line in table.splitlines() if line.count("│") == 4]
    model, rubric = (" ".join(" ".join(r[i].split()) for r in rows) for i in (1, 2))
    assert model.startswith('contradicted: "a model too simple that') and "underfits" in model
    assert rubric.startswith('asserted: "Bias is error from wrong') and "assumptions" in rubric  # its own quote
