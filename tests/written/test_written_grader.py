"""The written grader's mechanics on small rubrics: matching, negation, fragments, length, the report."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from interview_prep.bank import load_bank
from interview_prep.errors import AnswerError
from interview_prep.grading.report import Category, Status
from interview_prep.grading.written import Grader, RubricGrader, grade_written, read_answer_text, split_segments
from interview_prep.models import KeyPoint, Misconception, Question, Rubric

ROOT = Path(__file__).resolve().parents[2]


def make_question(
    key_points: list[KeyPoint],
    misconceptions: list[Misconception] | None = None,
    min_words: int = 0,
    pass_mark: float = 60,
) -> Question:
    rubric = Rubric(tuple(key_points), tuple(misconceptions or ()), pass_mark, min_words)
    return Question(
        id="q",
        number=99,
        title="T",
        category="fundamentals",
        difficulty="easy",
        time_limit_minutes=5,
        prompt="P",
        how_to_answer="H",
        what_they_look_for="W",
        kind="written",
        source=Path("q.yaml"),
        rubric=rubric,
    )


VARIANCE = KeyPoint(
    "variance", "Defines variance.", 1, ("memorizes the training set", "reduces variance"), hint="Say what variance is."
)
RUNNING = KeyPoint("running", "Running statistics at inference.", 1, ("running average",), hint="Say it.")
SPECIFICS = KeyPoint("numbers", "Gives numbers.", 1, ("went from {number} to {number}",), hint="Numbers.")


def covered(question: Question, text: str) -> set[str]:
    report = grade_written(question, text)
    return {kp["id"] for kp in report.extra["key_points"] if kp["covered"]}


@pytest.mark.parametrize(
    "text",
    [
        "A fully grown tree basically memorizes the whole training set, so it has high variance.",
        "At full depth the tree is memorizing its training set and that is what we call variance.",
        "Bagging really reduces the variance of a deep tree.",
        "A deep tree memorises the training set, which is the problem.",  # British spelling, via fuzzy match
    ],
)
def test_paraphrases_stems_and_spellings_count_as_evidence(text: str) -> None:
    assert covered(make_question([VARIANCE]), text) == {"variance"}


@pytest.mark.parametrize(
    "text",
    [
        "Regularization does not reduce variance in a decision tree at all.",
        "It is a myth that a deep tree memorizes the training set in any way.",
        "Dropout never reduces variance, it only slows down training for the network.",
        "People say it reduces variance, but dropout doesn't reduce variance for this model.",
    ],
)
def test_negation_near_a_match_voids_it_and_is_reported(text: str) -> None:
    question = make_question([VARIANCE])
    report = grade_written(question, text)
    if "People say" in text:  # the first clause affirms it; only a real denial everywhere should void it
        assert report.checks[0].status is Status.PASS
        return
    assert report.checks[0].status is Status.FAIL
    assert report.checks[0].message.startswith("Says the opposite:")
    assert '."."' not in report.checks[0].message and '.". ' not in report.checks[0].message  # one full stop
    assert report.extra["contradictions"][0]["id"] == "variance"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("At inference it uses the running average, not the batch statistics of the test batch.", True),
        ("Not only does it keep a running average, it also stores the learned gamma and beta.", True),
        ("It uses the batch statistics rather than a running average at inference time here.", False),
        ("At inference the running average is not used by the layer at all, which is surprising.", False),
        ("Instead of a running average, it recomputes the statistics on every test batch.", False),
    ],
)
def test_negation_scope_follows_the_clause(text: str, expected: bool) -> None:
    assert ("running" in covered(make_question([RUNNING]), text)) is expected


def test_number_placeholder_matches_real_numbers_only() -> None:
    question = make_question([SPECIFICS])
    assert covered(question, "After the fix the F1 score went from 0.41 to 0.78 on the held-out set.")
    assert not covered(question, "After the fix the score went from bad to good on the held-out set.")


def test_misconception_is_found_quoted_and_costs_its_penalty() -> None:
    wrong = Misconception(
        "batch-at-inference",
        "Uses batch statistics at inference.",
        ("uses the batch statistics at inference",),
        penalty=15,
    )
    question = make_question([RUNNING], [wrong])
    text = "It keeps a running average in training. At inference it uses the batch statistics at inference time."
    report = grade_written(question, text)
    assert report.score == pytest.approx(85.0)
    assert report.extra["misconceptions"][0]["id"] == "batch-at-inference"
    assert report.extra["misconceptions"][0]["quote"].startswith("At inference it uses the batch statistics")
    denied = "It keeps a running average in training. At inference it does not use the batch statistics."
    assert grade_written(question, denied).extra["misconceptions"] == []


def test_bare_terms_earn_nothing_and_cannot_pass() -> None:
    question = make_question([VARIANCE, RUNNING])
    report = grade_written(question, "- running average\n- variance\n- overfitting, noise\n")
    assert report.score == 0
    assert not report.passed
    assert report.extra["prose_share"] == 0


def test_a_fragment_that_says_something_earns_its_point() -> None:
    # Was: every fragment earned nothing. Issue 10: "a bullet or fragment can earn a point".
    question = make_question([VARIANCE])
    report = grade_written(question, "- memorizes the training set when grown to full depth")
    assert report.checks[0].status is Status.PASS and report.passed


def test_a_slash_compound_in_a_fragment_is_not_a_list_of_terms() -> None:
    # Was: "train/val/test" split the fragment into one-word items, so the spam question's own model
    # answer ("Data: deduplicate, clean HTML, split train/val/test with temporal split if possible")
    # earned nothing for its temporal split and failed its rubric. A comma list still earns nothing.
    split = KeyPoint("split", "Splits by time.", 1, ("temporal split",))
    question = make_question([split])
    said = grade_written(
        question, "Data: deduplicate, clean HTML, split train/val/test with temporal split if possible"
    )
    assert said.checks[0].status is Status.PASS
    listed = grade_written(question, "- temporal split, drift, auc, precision/recall")
    assert listed.checks[0].status is not Status.PASS


def test_a_short_correct_answer_is_not_scaled_down() -> None:
    # Was: below min_words the score was scaled down. Missing points already cost what they should.
    question = make_question([RUNNING], min_words=40)
    report = grade_written(question, "At inference the layer uses a running average of the statistics.")
    assert report.checks[0].status is Status.PASS
    assert report.score == 100 and report.passed
    assert not any("below 40" in note for note in report.extra["notes"])


def test_report_shape_matches_the_contract() -> None:
    question = load_bank().get("batchnorm")
    text = (ROOT / "tests/written/answers/batchnorm/partial1.md").read_text(encoding="utf-8")
    data = json.loads(json.dumps(grade_written(question, text).to_json()))
    assert data["question"] == "batchnorm" and data["kind"] == "written"
    assert 0 <= data["score"] <= 100 and isinstance(data["passed"], bool)
    assert len(data["checks"]) == len(question.rubric.key_points)  # type: ignore[union-attr]
    for check, kp in zip(data["checks"], question.rubric.key_points, strict=True):  # type: ignore[union-attr]
        assert set(check) == {"name", "category", "status", "points", "max_points", "message"}
        assert check["category"] == Category.RUBRIC.value and check["status"] in {"pass", "fail"}
        assert check["name"] == kp.description
        if check["status"] == "pass":
            assert check["message"].startswith('Covered: "') and check["points"] > 0
        else:
            assert check["message"] == kp.hint and check["points"] == 0
    # Whole points (was: weights scaled to 100, read as 12.38/19.05); the score is their percentage.
    assert all(isinstance(c["points"], int) and isinstance(c["max_points"], int) for c in data["checks"])
    assert sum(c["max_points"] for c in data["checks"]) == data["max_points"]
    assert {kp["verdict"] for kp in data["key_points"]} <= {"asserted", "contradicted", "missing", "unclear"}
    assert isinstance(data["misconceptions"], list)
    assert [kp["id"] for kp in data["key_points"]] == [kp.id for kp in question.rubric.key_points]  # type: ignore[union-attr]


def test_every_covered_point_quotes_a_sentence_of_the_answer() -> None:
    question = load_bank().get("bias-variance")
    text = (ROOT / "tests/written/answers/bias-variance/strong2.md").read_text(encoding="utf-8")
    flat = " ".join(text.split())
    for kp in grade_written(question, text).extra["key_points"]:
        assert kp["covered"] and kp["quote"].removesuffix("...") in flat


def test_a_coding_question_is_refused() -> None:
    with pytest.raises(AnswerError, match="kmeans is a coding question"):
        grade_written(load_bank().get("kmeans"), "Some words about k-means clustering that are long enough.")


def test_rubric_grader_is_a_grader() -> None:
    grader: Grader = RubricGrader()
    report = grader.grade(make_question([RUNNING]), "At inference the layer uses a running average instead.")
    assert report.kind == "written" and report.checks[0].status is Status.PASS


def test_hard_wrapped_lines_are_one_sentence_and_list_items_are_separate() -> None:
    text = "Bias is error from wrong\nassumptions, e.g. a line.\n\n- first item\n- second item\n"
    assert split_segments(text) == ["Bias is error from wrong assumptions, e.g. a line.", "first item", "second item"]


def test_every_rubric_phrase_has_content_words() -> None:
    from interview_prep.grading.written import compile_phrase

    for question in load_bank().questions:
        if question.rubric is None:
            continue
        for item in (*question.rubric.key_points, *question.rubric.misconceptions):
            for phrase in item.phrases:
                assert compile_phrase(phrase).stems, (question.id, item.id, phrase)


def test_importing_the_grader_does_not_import_the_stemmer_or_rapidfuzz() -> None:
    code = (
        "import sys, interview_prep.grading.written; "
        "print('snowballstemmer' in sys.modules, 'rapidfuzz' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT)},
    )
    assert out.stdout.split() == ["False", "False"]


# --- read_answer_text -------------------------------------------------------------------------


def test_reads_markdown_and_text(tmp_path: Path) -> None:
    for name in ("answer.md", "answer.txt"):
        path = tmp_path / name
        path.write_bytes("\ufeffBatch norm keeps a running average.\r\n".encode())
        assert read_answer_text(path).strip() == "Batch norm keeps a running average."


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.md", b"", "empty.md is empty; write your answer in it and grade it again."),
        ("blank.md", b"  \n\t\n", "blank.md is empty; write your answer in it and grade it again."),
        ("image.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "image.md is a binary file, not text"),
        ("latin1.txt", "caf\u00e9 cr\u00e8me".encode("latin-1"), "latin1.txt is not UTF-8 text"),
        ("solution.py", b"def kmeans(X, k):\n    return X\n", "solution.py looks like Python code; question batchnorm"),
        (
            "solution.md",
            b"import numpy as np\n\ndef kmeans(X, k):\n    x = np.asarray(X)\n    return x\n",
            "solution.md looks like Python code; question batchnorm",
        ),
    ],
)
def test_unreadable_answers_get_one_clear_line(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(AnswerError) as info:
        read_answer_text(path, question_id="batchnorm")
    assert info.value.message.startswith(message)
    assert "\n" not in info.value.message


def test_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(AnswerError, match="No such file"):
        read_answer_text(tmp_path / "nope.md")


def test_markdown_with_a_code_block_is_still_a_written_answer(tmp_path: Path) -> None:
    path = tmp_path / "answer.md"
    path.write_text(
        "The forward pass normalizes each feature.\n\n```python\nimport numpy as np\n"
        "def bn(x):\n    return (x - x.mean(0)) / x.std(0)\n```\n",
        encoding="utf-8",
    )
    assert "normalizes" in read_answer_text(path, question_id="batchnorm")


def test_written_view_shows_quotes_hints_misconceptions_notes_and_verdict() -> None:
    from rich.console import Console

    from interview_prep.views.written import render_written

    wrong = Misconception(
        "batch-at-inference",
        "Uses batch statistics at inference.",
        ("uses the batch statistics at inference",),
        penalty=15,
    )
    question = make_question([RUNNING, VARIANCE], [wrong], min_words=40)
    report = grade_written(
        question, "It keeps a running average in training. At inference it uses the batch statistics at inference time."
    )
    console = Console(record=True, width=200)
    render_written(report, console)
    text = console.export_text()
    assert 'Covered: "It keeps a running average in training."' in text
    assert "Say what variance is." in text
    assert 'Wrong: Uses batch statistics at inference. You wrote: "At inference it uses' in text
    assert "(pass mark 60)" in text and "NOT PASSED" in text


def test_code_in_a_fence_is_not_prose_and_earns_nothing() -> None:
    question = make_question([RUNNING])
    code = "```python\n# at inference we use the running average of the statistics here\nx = (x - m) / s\n```\n"
    report = grade_written(question, code)
    assert report.checks[0].status is Status.FAIL and report.extra["prose_share"] == 0


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_any_text_grades_without_error_and_within_bounds(text: str) -> None:
    report = grade_written(load_bank().get("batchnorm"), text)
    assert 0 <= report.score <= 100
    assert len(report.checks) == 6
    assert all(c.points <= c.max_points + 1e-9 for c in report.checks)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "running average",
                "batch mean",
                "gamma",
                "beta",
                "zero mean",
                "unit variance",
                "couples",
                "moving average",
                "epsilon",
                "population statistics",
                "normalize",
                "single example",
            ]
        ),
        min_size=3,
        max_size=30,
    )
)
def test_any_list_of_the_right_terms_fails(terms: list[str]) -> None:
    for text in ("\n".join(f"- {t}" for t in terms), ", ".join(terms)):
        report = grade_written(load_bank().get("batchnorm"), text)
        assert not report.passed and report.score < 20, (text, report.score)


def test_written_rubrics_have_four_to_eight_explained_key_points() -> None:
    written = [q for q in load_bank().questions if not q.is_coding]
    assert len(written) == 9
    for question in written:
        rubric = question.rubric
        assert rubric is not None and 4 <= len(rubric.key_points) <= 8, question.id
        for kp in rubric.key_points:
            assert kp.weight > 0 and kp.hint and "\n" not in kp.description, (question.id, kp.id)
        assert rubric.misconceptions and all(m.penalty > 0 for m in rubric.misconceptions), question.id
