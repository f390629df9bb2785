"""The résumé catalogue (interview_prep/resume/catalogue): every technique's questions load as a bank pack,
every model answer passes its own rubric, and every question's one-sentence wrong answer does not."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from interview_prep.bank import Bank, load_bank
from interview_prep.errors import BankError
from interview_prep.grading.written import grade_written, split_segments
from interview_prep.models import Question

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "interview_prep" / "resume" / "catalogue"
FILES = sorted(CATALOGUE.glob("*.yaml"))
FIRST_NUMBER = 600

# The techniques this catalogue must hold (others may sit beside them).
TECHNIQUES = """
    bert llm-fine-tuning lora rag embeddings cnn resnet rnn-lstm gan diffusion reinforcement-learning
    decision-trees svm tsne-umap naive-bayes word2vec tfidf dropout adam lr-schedules cross-validation
    l1-l2-regularization ab-testing recommender-systems time-series anomaly-detection tensorflow scikit-learn
    spark kubernetes mlflow airflow mlp softmax
""".split()
# The built-in coding questions a technique may point to as its drill.
DRILLS = {
    "kmeans",
    "bce",
    "stratified-split",
    "softmax-ce",
    "logistic-regression",
    "mlp-backprop",
    "batchnorm-layer",
    "attention",
    "classification-metrics",
    "fix-the-training-loop",
}
TECHNIQUE_FIELDS = {"id", "name", "aliases", "drill", "questions"}
QUESTION_FIELDS = {
    "id",
    "title",
    "difficulty",
    "time_limit_minutes",
    "prompt",
    "how_to_answer",
    "what_they_look_for",
    "rubric",
    "wrong_answer",
}
REQUIRED_QUESTION_FIELDS = QUESTION_FIELDS
# Fields of a catalogue question that are not fields of a bank question.
CATALOGUE_ONLY = {"wrong_answer"}
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def _load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), f"{path.name}: not a mapping"
    return data


ENTRIES = {path.stem: _load(path) for path in FILES}
CASES = [(technique, q["id"]) for technique, data in ENTRIES.items() for q in data.get("questions") or [] if "id" in q]


def bank_id(technique: str, qid: str) -> str:
    return f"cv-{technique}-{qid}"


def bank_entry(technique: str, question: dict[str, Any], number: int) -> dict[str, Any]:
    """A catalogue question as a bank question file's fields."""
    fields = {k: v for k, v in question.items() if k not in CATALOGUE_ONLY}
    return {
        **fields,
        "id": bank_id(technique, question["id"]),
        "number": number,
        "category": "depth",
        "kind": "written",
    }


@pytest.fixture(scope="module")
def pack(tmp_path_factory: pytest.TempPathFactory) -> Bank:
    """Every catalogue question written as a question.yaml of a pack, loaded with the built-in bank."""
    folder = tmp_path_factory.mktemp("cv-pack")
    home = tmp_path_factory.mktemp("cv-home")
    for number, (technique, qid) in enumerate(CASES, start=FIRST_NUMBER):
        question = next(q for q in ENTRIES[technique]["questions"] if q["id"] == qid)
        target = folder / bank_id(technique, qid)
        target.mkdir()
        text = yaml.safe_dump(bank_entry(technique, question, number), sort_keys=False, allow_unicode=True, width=100)
        (target / "question.yaml").write_text(text, encoding="utf-8")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PREP_HOME", str(home))  # the bank's parse cache goes here, not into the user's
        mp.delenv("PREP_BANK", raising=False)
        try:
            return load_bank([folder])
        except BankError as exc:
            pytest.fail(f"the catalogue does not load as a pack: {exc}")


def _question(pack: Bank, technique: str, qid: str) -> Question:
    return pack.get(bank_id(technique, qid))


def _wrong_answer(technique: str, qid: str) -> str:
    question = next(q for q in ENTRIES[technique]["questions"] if q["id"] == qid)
    return str(question["wrong_answer"])


def test_the_catalogue_holds_every_technique() -> None:
    missing = sorted(set(TECHNIQUES) - set(ENTRIES))
    assert not missing, f"no catalogue file for: {', '.join(missing)}"


def test_no_alias_names_two_techniques() -> None:
    owner: dict[str, str] = {}
    for technique, data in ENTRIES.items():
        for alias in data.get("aliases") or []:
            assert alias not in owner, f"'{alias}' is an alias of both {owner.get(alias)} and {technique}"
            owner[alias] = technique


@pytest.mark.parametrize("technique", sorted(ENTRIES))
def test_the_entry_has_its_fields(technique: str) -> None:
    data = ENTRIES[technique]
    where = f"{technique}.yaml"
    assert set(data) <= TECHNIQUE_FIELDS, f"{where}: unknown fields {sorted(set(data) - TECHNIQUE_FIELDS)}"
    assert data.get("id") == technique, f"{where}: id must be the file's name"
    assert isinstance(data.get("name"), str) and data["name"].strip(), f"{where}: needs a name"
    aliases = data.get("aliases")
    assert isinstance(aliases, list) and aliases, f"{where}: needs aliases"
    for alias in aliases:
        assert isinstance(alias, str) and alias == alias.strip().lower() and alias, f"{where}: alias {alias!r}"
    assert len(set(aliases)) == len(aliases), f"{where}: an alias is listed twice"
    if "drill" in data:
        assert data["drill"] in DRILLS, f"{where}: drill {data['drill']!r} is not a built-in coding question"
    questions = data.get("questions")
    assert isinstance(questions, list) and 1 <= len(questions) <= 2, f"{where}: one or two questions"
    ids = [q.get("id") for q in questions]
    assert len(set(ids)) == len(ids), f"{where}: a question id is used twice"
    for q in questions:
        qwhere = f"{where} question {q.get('id')}"
        assert set(q) <= QUESTION_FIELDS, f"{qwhere}: unknown fields {sorted(set(q) - QUESTION_FIELDS)}"
        missing = REQUIRED_QUESTION_FIELDS - set(q)
        assert not missing, f"{qwhere}: missing {sorted(missing)}"
        assert isinstance(q["id"], str) and SLUG.match(q["id"]), f"{qwhere}: id must be a short slug"
        assert q["difficulty"] in ("easy", "medium", "hard"), qwhere
        words = len(str(q["how_to_answer"]).split())
        assert 80 <= words <= 150, f"{qwhere}: how_to_answer has {words} words (80-150)"
        rubric = q["rubric"]
        assert 3 <= len(rubric["key_points"]) <= 5, f"{qwhere}: 3-5 key points"
        assert 1 <= len(rubric.get("misconceptions") or []) <= 3, f"{qwhere}: 1-3 misconceptions"
        assert any(kp.get("core") for kp in rubric["key_points"]), f"{qwhere}: mark the core point(s)"
        for kp in rubric["key_points"]:
            assert str(kp.get("probe", "")).strip(), f"{qwhere} key point {kp['id']}: needs a probe"
            assert str(kp.get("hint", "")).strip(), f"{qwhere} key point {kp['id']}: needs a hint"
            for phrase in kp.get("phrases") or []:
                assert len(phrase.split()) >= 2, f"{qwhere} key point {kp['id']}: '{phrase}' is a single word"
        for mc in rubric["misconceptions"]:
            assert str(mc.get("challenge", "")).strip(), f"{qwhere} misconception {mc['id']}: needs a challenge"
            for phrase in mc.get("phrases") or []:
                assert len(phrase.split()) >= 2, f"{qwhere} misconception {mc['id']}: '{phrase}' is a single word"


def test_the_catalogue_loads_as_a_pack(pack: Bank) -> None:
    ids = {q.id for q in pack.questions}
    assert {bank_id(t, q) for t, q in CASES} <= ids
    for technique, qid in CASES:
        question = _question(pack, technique, qid)
        assert question.kind == "written" and question.category == "depth"


@pytest.mark.parametrize(("technique", "qid"), CASES, ids=[bank_id(t, q) for t, q in CASES])
def test_the_model_answer_passes_its_rubric(pack: Bank, technique: str, qid: str) -> None:
    question = _question(pack, technique, qid)
    report = grade_written(question, question.how_to_answer)
    missed = [kp["id"] for kp in report.extra["key_points"] if not kp["covered"]]
    assert report.passed, f"{question.id}: the model answer scores {report.score:.0f}, misses {missed}"
    assert not report.extra["misconceptions"], (
        f"{question.id}: the model answer states {report.extra['misconceptions']}"
    )
    # The core points are found by the rubric's own phrases or claims, not only by the answer's likeness to itself.
    for kp in report.extra["key_points"]:
        if kp["core"]:
            assert kp["covered"] and kp["how"] != "similarity", f"{question.id}: core point {kp['id']} is {kp}"


@pytest.mark.parametrize(("technique", "qid"), CASES, ids=[bank_id(t, q) for t, q in CASES])
def test_the_wrong_answer_does_not_pass(pack: Bank, technique: str, qid: str) -> None:
    question = _question(pack, technique, qid)
    wrong = _wrong_answer(technique, qid)
    assert len(split_segments(wrong)) == 1, f"{question.id}: the wrong answer is one sentence"
    report = grade_written(question, wrong)
    assert not report.passed, f"{question.id}: the wrong answer passes with {report.score:.0f}"
    assert report.extra["misconceptions"], f"{question.id}: the wrong answer states no misconception the rubric knows"
