"""The human-scored benchmark's rubrics (benchmarks/asag) load as a --bank pack, and each one's
reference answer passes its own rubric. Needs no data set: only the rubrics are in the repository."""

from __future__ import annotations

from pathlib import Path

import pytest

from interview_prep.bank import load_bank, load_file
from interview_prep.grading.written import grade_written

ASAG = Path(__file__).resolve().parent.parent / "benchmarks" / "asag"
RUBRIC_FILES = sorted(ASAG.glob("unt-*.yaml"))


def test_the_pack_loads_beside_the_builtin_bank() -> None:
    assert len(RUBRIC_FILES) >= 23
    builtin = load_bank().questions
    bank = load_bank([ASAG])
    pack = [q for q in bank.questions if q.id.startswith("unt-")]
    assert sorted(q.id for q in pack) == sorted(p.stem for p in RUBRIC_FILES)
    assert len(bank.questions) == len(builtin) + len(pack)
    assert not {q.number for q in pack} & {q.number for q in builtin}


@pytest.mark.parametrize("path", RUBRIC_FILES, ids=lambda p: p.stem)
def test_reference_answer_passes_its_own_rubric(path: Path) -> None:
    question = load_file(path)
    assert question.id == path.stem
    assert question.kind == "written" and question.category == "fundamentals"
    report = grade_written(question, question.how_to_answer)
    assert report.passed, f"{question.id}: reference scores {report.score:.0f}"
    assert not report.extra["misconceptions"]
