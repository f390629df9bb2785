"""Every catalogue file, including those added later: valid, its model answers pass, its drills exist."""

from __future__ import annotations

from pathlib import Path

import pytest

from interview_prep.bank import load_bank
from interview_prep.grading.written import grade_written
from interview_prep.resume.catalogue import (
    CATALOGUE_DIR,
    load_catalogue,
    pack_question,
    pack_question_data,
    technique_from_file,
)

FILES = sorted(CATALOGUE_DIR.glob("*.yaml"))
QUESTIONS = [(t, raw) for t in load_catalogue() for raw in t.questions]


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_each_file_is_a_valid_technique(path: Path) -> None:
    technique = technique_from_file(path)
    assert technique.id == path.stem and technique.aliases
    if technique.drill:
        drill = load_bank().get(technique.drill)
        assert drill.is_coding, f"{path.name}: drill '{technique.drill}' is not a coding question"


@pytest.mark.parametrize("technique,raw", QUESTIONS, ids=[t.question_id(raw) for t, raw in QUESTIONS])
def test_every_model_answer_passes_its_own_rubric(technique: object, raw: dict[str, object]) -> None:
    question = pack_question(technique, raw, number=900)  # type: ignore[arg-type]
    report = grade_written(question, question.how_to_answer)
    assert report.passed, f"{question.id} scores {report.score:.0f} on its own model answer"
    off_topic = "I mostly worked on the front end and wrote documentation for the team wiki every week. " * 5
    assert not grade_written(question, off_topic).passed, f"{question.id} passes an off-topic answer"


def test_no_alias_belongs_to_two_techniques() -> None:
    owner: dict[str, str] = {}
    for technique in load_catalogue():
        for alias in technique.aliases:
            key = alias.lower().replace("-", " ")
            assert owner.setdefault(key, technique.id) == technique.id, f"'{alias}': {owner[key]} and {technique.id}"


def test_the_wrong_answer_stays_in_the_catalogue() -> None:
    """A catalogue question's wrong_answer is for the content test only: no pack question file carries it."""
    with_wrong = [(t, raw) for t, raw in QUESTIONS if "wrong_answer" in raw]
    assert with_wrong, "no catalogue question has a wrong_answer"
    for technique, raw in with_wrong:
        assert "wrong_answer" not in pack_question_data(technique, raw, number=900)
