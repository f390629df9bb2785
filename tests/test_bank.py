"""The bank loads the twelve seed questions and rejects every malformed file with file, line and field."""

from __future__ import annotations

from pathlib import Path

import pytest
from samples import CODING, GOOD

from interview_prep.bank import load_bank, load_file
from interview_prep.errors import BankError, UnknownQuestion

CONTRACT_IDS = [
    "kmeans",
    "bce",
    "stratified-split",
    "bias-variance",
    "learning-rate",
    "beyond-accuracy",
    "batchnorm",
    "tfidf-vs-transformer",
    "project-deep-dive",
    "spam-pipeline",
    "debugging-story",
    "learning-quickly",
]
CONTRACT_CATEGORIES = [
    "coding",
    "coding",
    "coding",
    "fundamentals",
    "fundamentals",
    "fundamentals",
    "depth",
    "depth",
    "project",
    "system-design",
    "behavioral",
    "behavioral",
]
SEED = Path(__file__).resolve().parents[2] / "shared" / "seed-questions.txt"


DRILL_IDS = [
    "softmax-ce",
    "logistic-regression",
    "mlp-backprop",
    "batchnorm-layer",
    "attention",
    "classification-metrics",
    "fix-the-training-loop",
]


def test_dsa_problems_come_after_the_drills_from_number_20_as_coding_questions() -> None:
    questions = load_bank().questions
    dsa = [q for q in questions if q.category == "dsa"]
    assert dsa and questions[-len(dsa) :] == tuple(dsa)
    for q in dsa:
        assert q.number >= 20 and q.kind == "coding" and q.suite is not None
        for fn in q.functions:  # the contract, in the stub
            assert f"{fn.signature}:" in q.starter
            assert fn.docstring.strip().splitlines()[0] in q.starter


def test_seed_bank_has_the_contract_ids_numbers_and_categories() -> None:
    seed = load_bank().questions[:12]
    assert [q.id for q in seed] == CONTRACT_IDS
    assert [q.number for q in seed] == list(range(1, 13))
    assert [q.category for q in seed] == CONTRACT_CATEGORIES
    assert [q.kind for q in seed] == ["coding"] * 3 + ["written"] * 9


def test_drills_come_after_the_twelve_as_coding_questions() -> None:
    drills = [q for q in load_bank().questions[12:] if q.category != "dsa"]
    assert {q.id for q in drills} <= set(DRILL_IDS)
    assert [q.number for q in drills] == sorted(DRILL_IDS.index(q.id) + 13 for q in drills)
    for q in drills:
        assert q.category == "drill" and q.kind == "coding"
        if q.id == "fix-the-training-loop":  # its starter is the buggy script the user repairs
            assert all(f"def {fn.name}(" in q.starter for fn in q.functions)
            continue
        for fn in q.functions:  # the contract, in the stub, in the form of CONTRACT.md section 3
            assert f"{fn.signature}:" in q.starter
            assert fn.docstring.strip().splitlines()[0] in q.starter


def test_coding_questions_carry_the_contract_functions_and_a_stub() -> None:
    bank = load_bank()
    expected = {
        "kmeans": ["def kmeans(X, k, max_iters=100, tol=1e-4, seed=None)"],
        "bce": ["def bce_loss(y_true, y_pred, eps=1e-12)", "def bce_grad(y_true, y_pred, eps=1e-12)"],
        "stratified-split": ["def stratified_split(labels, ratios=(0.7, 0.15, 0.15), seed=None)"],
    }
    for qid, signatures in expected.items():
        q = bank.get(qid)
        assert [f.signature for f in q.functions] == signatures
        for sig in signatures:
            assert sig + ":" in q.starter
        compile(q.starter, qid, "exec")  # the stub a session writes must be valid Python


def test_written_questions_carry_a_rubric() -> None:
    for q in load_bank().questions[3:12]:
        assert q.rubric is not None
        assert q.rubric.key_points and 0 < q.rubric.pass_mark <= 100


def test_every_written_key_point_has_a_probe_and_every_misconception_a_challenge() -> None:
    # What the interviewer asks when a point is missing, or says back to a wrong claim.
    written = [q for q in load_bank().questions if not q.is_coding]
    assert len(written) == 9
    for q in written:
        assert q.rubric is not None
        for kp in q.rubric.key_points:
            assert kp.probe.strip(), f"{q.id}: key point {kp.id} has no probe"
        for mc in q.rubric.misconceptions:
            assert mc.challenge.strip(), f"{q.id}: misconception {mc.id} has no challenge"
        assert any(kp.core for kp in q.rubric.key_points), f"{q.id}: no key point is marked core"


@pytest.mark.skipif(not SEED.exists(), reason="the seed text lives in ../shared beside the repo")
def test_question_text_is_faithful_to_the_seed() -> None:
    seed = " ".join(SEED.read_text(encoding="utf-8").split())
    for q in load_bank().questions[:12]:
        for text in (q.prompt, q.how_to_answer, q.what_they_look_for):
            assert " ".join(text.split()) in seed, f"{q.id}: text differs from the seed"


def test_lookup_by_id_number_and_suggestion() -> None:
    bank = load_bank()
    assert bank.get("1").id == "kmeans"
    assert bank.get(12).id == "learning-quickly"
    with pytest.raises(UnknownQuestion, match="Did you mean 'kmeans'"):
        bank.get("kmean")
    with pytest.raises(UnknownQuestion):
        bank.get("99")


def write(folder: Path, text: str, name: str = "q.yaml") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_good_user_question_loads_beside_the_builtin_ones(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "a", GOOD)
    builtin = len(load_bank().questions)
    assert load_bank([tmp_path / "a"]).get("my-question").number == 101
    monkeypatch.setenv("PREP_BANK", str(tmp_path / "a"))
    bank = load_bank()
    assert len(bank.questions) == builtin + 1
    assert bank.get("101").title == "My question"


@pytest.mark.parametrize(
    ("edit", "line", "field", "problem"),
    [
        (lambda t: t.replace("title: My question\n", ""), 1, "title", "is missing"),
        (
            lambda t: t.replace("time_limit_minutes: 5", "time_limit_minutes: ten"),
            7,
            "time_limit_minutes",
            "expected a whole number",
        ),
        (lambda t: t.replace("difficulty: easy", "difficulty: brutal"), 6, "difficulty", "must be one of"),
        (lambda t: t.replace("prompt: What", "promt: What"), 8, "promt", "not a known field (did you mean 'prompt'?)"),
        (
            lambda t: t.replace("      weight: 1\n", "      weight: heavy\n"),
            17,
            "rubric.key_points[0].weight",
            "expected a number",
        ),
        (
            lambda t: t.replace('phrases: ["fits the noise"]', "phrases: [12]"),
            18,
            "rubric.key_points[0].phrases[0]",
            "expected text",
        ),
        (lambda t: t.replace("  pass_mark: 50\n", ""), 12, "rubric.pass_mark", "is missing"),
        (lambda t: t.replace("kind: written", "kind: essay"), 5, "kind", "must be one of coding, written"),
        (lambda t: t + "starter: x\n", 20, "starter", "only coding questions"),
        (
            lambda t: t.replace(
                "      description: Defines it.\n", "      description: Defines it.\n      colour: red\n"
            ),
            17,
            "rubric.key_points[0].colour",
            "not a known field",
        ),
        (
            lambda t: t.replace(
                "      description: Defines it.\n", "      description: Defines it.\n      defines: {bias: [simple]}\n"
            ),
            17,
            "rubric.key_points[0].defines",
            "at least two terms",
        ),
        (
            lambda t: t.replace(
                "      description: Defines it.\n",
                "      description: Defines it.\n      defines: {bias: [simple], variance: []}\n",
            ),
            17,
            "rubric.key_points[0].defines",
            "'variance' must list the words of its definition",
        ),
    ],
)
def test_each_mistake_names_file_line_and_field(
    tmp_path: Path, edit: object, line: int, field: str, problem: str
) -> None:
    path = write(tmp_path, edit(GOOD))  # type: ignore[operator]
    with pytest.raises(BankError) as info:
        load_file(path)
    message = info.value.message
    assert message.startswith(f"{path}:{line}: field '{field}':"), message
    assert problem in message


def test_broken_yaml_names_file_and_line(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace("title: My question", "title: [unclosed"))
    with pytest.raises(BankError) as info:
        load_file(path)
    assert info.value.message.startswith(f"{path}:")
    assert info.value.line is not None and 3 <= info.value.line <= 5
    assert "not valid YAML" in info.value.message


def test_a_file_that_is_not_a_mapping(tmp_path: Path) -> None:
    path = write(tmp_path, "- just\n- a list\n")
    with pytest.raises(BankError, match="expected a mapping of fields"):
        load_file(path)


@pytest.mark.parametrize("field", ["id", "number"])
def test_duplicate_id_or_number_names_both_files(tmp_path: Path, field: str) -> None:
    write(tmp_path, GOOD, "a.yaml")
    other = (
        GOOD.replace("id: my-question", "id: other")
        if field == "number"
        else GOOD.replace("number: 101", "number: 102")
    )
    second = write(tmp_path, other, "b.yaml")
    with pytest.raises(BankError) as info:
        load_bank([tmp_path])
    message = info.value.message
    line = 2 if field == "number" else 1
    assert message.startswith(f"{second}:{line}: field '{field}':")
    assert "a.yaml" in message


def test_duplicate_of_a_builtin_question_is_refused(tmp_path: Path) -> None:
    write(tmp_path, GOOD.replace("id: my-question", "id: kmeans"))
    with pytest.raises(BankError, match="'kmeans' is already used by .*01-kmeans/question.yaml"):
        load_bank([tmp_path])


def test_a_coding_question_whose_suite_is_missing(tmp_path: Path) -> None:
    path = write(tmp_path, CODING.format(suite="no_such_suite"))
    with pytest.raises(BankError) as info:
        load_file(path)
    assert info.value.message.startswith(f"{path}:11: field 'suite':")
    assert "'no_such_suite' is not a hidden test suite" in info.value.message


def test_a_coding_question_with_a_signature_that_does_not_match_its_name(tmp_path: Path) -> None:
    path = write(tmp_path, CODING.format(suite="kmeans").replace('"def f(x)"', '"def g(x)"'))
    with pytest.raises(BankError) as info:
        load_file(path)
    assert info.value.message.startswith(f"{path}:14: field 'functions[0].signature':")


def test_a_folder_that_does_not_exist(tmp_path: Path) -> None:
    with pytest.raises(BankError, match="is not a folder"):
        load_bank([tmp_path / "nope"])


FOLLOW_UPS = """
follow_ups:
  - id: complexity
    prompt: What is the time complexity of your solution?
    model_answer: Each iteration computes n times k distances in d dimensions, so it is O(n k d) per iteration.
    rubric:
      pass_mark: 60
      min_words: 5
      key_points:
        - id: per-iteration
          description: O(n k d) per iteration.
          weight: 1
          phrases: ["o(n k d) per iteration", "n times k distances"]
"""


def test_follow_ups_are_parsed_with_their_rubric(tmp_path: Path) -> None:
    q = load_file(write(tmp_path, GOOD + FOLLOW_UPS))
    [fu] = q.follow_ups
    assert fu.id == "complexity" and fu.time_limit_minutes == 3
    assert fu.rubric.key_points[0].id == "per-iteration"
    as_question = q.follow_up_question(fu)
    assert as_question.kind == "written" and as_question.rubric is fu.rubric


def test_a_follow_up_without_a_rubric_names_its_field(tmp_path: Path) -> None:
    text = GOOD + FOLLOW_UPS.replace("    rubric:\n", "    rubricc:\n")
    with pytest.raises(BankError, match=r"field 'follow_ups\[0\]\.rubricc': is not a known field"):
        load_file(write(tmp_path, text))
