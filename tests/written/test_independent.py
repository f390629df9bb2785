"""The independent sets of single statements for the written grader stay whole (tests/written/independent*/).

What the grader makes of the statements is measured by benchmarks/written_independent.py, not
asserted here: a set is never tuned on, and today the grader does not meet it (see the READMEs
there). These tests keep each set itself honest: real ids, every key point inverted, no duplicates.
The first nine sets (independent/ to independent-9/) were read while changing the grader on 2026-12-03 and
2026-12-04 and are development data since (sets 5 to 7 and 9 were each measured once, unread, before that).
The tenth (independent-10/) was written on 2026-12-04; its correct statements called wrong were read, and its
inversions once an eleventh set was being written. The eleventh (independent-11/), written on 2026-12-04 apart
from the grader, is the measure: only its correct statements called wrong are read.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from interview_prep.bank import load_bank
from interview_prep.grading.written import grade_written
from interview_prep.models import Question

SETS = tuple(
    Path(__file__).resolve().parent / name
    for name in (
        "independent",
        "independent-2",
        "independent-3",
        "independent-4",
        "independent-5",
        "independent-6",
        "independent-7",
        "independent-8",
        "independent-9",
        "independent-10",
        "independent-11",
    )
)
QUESTIONS = (
    "bias-variance",
    "learning-rate",
    "beyond-accuracy",
    "batchnorm",
    "tfidf-vs-transformer",
    "project-deep-dive",
    "spam-pipeline",
    "debugging-story",
    "learning-quickly",
)
MIN_TEXTBOOK = 12


def load_set(qid: str, folder: Path = SETS[0]) -> dict[str, Any]:
    with (folder / f"{qid}.yaml").open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@cache
def question(qid: str) -> Question:
    return load_bank([]).get(qid)


def slug(text: str, words: int = 7) -> str:
    return "-".join(re.findall(r"[a-z0-9]+", text.lower())[:words])


def cases(section: str) -> list[Any]:
    out = []
    for qid in QUESTIONS:
        for i, item in enumerate(load_set(qid).get(section) or [], 1):
            out.append(pytest.param(qid, item, id=f"{qid}-{section}-{i:02d}-{slug(item['text'])}"))
    return out


def grade(qid: str, text: str) -> dict[str, Any]:
    return json.loads(json.dumps(grade_written(question(qid), text).to_json()))


def summary(data: dict[str, Any]) -> str:
    kps = [(kp.get("id"), kp.get("verdict"), kp.get("quote")) for kp in data.get("key_points", [])]
    mcs = [(m.get("id"), m.get("quote")) for m in data.get("misconceptions", [])]
    return f"key_points={kps} misconceptions={mcs}"


@pytest.mark.parametrize("folder", SETS, ids=lambda p: p.name)
@pytest.mark.parametrize("qid", QUESTIONS)
def test_the_set_is_complete_and_names_real_ids(qid: str, folder: Path) -> None:
    data = load_set(qid, folder)
    rubric = question(qid).rubric
    assert rubric is not None
    kp_ids = {kp.id for kp in rubric.key_points}
    mc_ids = {m.id for m in rubric.misconceptions}
    assert data["question"] == qid
    textbook, inversions = data["textbook"], data["inversions"]
    assert len(textbook) >= MIN_TEXTBOOK
    for item in textbook:
        assert set(item) == {"text", "supports"} and set(item["supports"]) <= kp_ids, item
    contradicted, asserted = set(), set()
    for item in inversions:
        assert set(item) in ({"text", "contradicts"}, {"text", "asserts_misconception"}), item
        if "contradicts" in item:
            assert item["contradicts"] in kp_ids, item
            contradicted.add(item["contradicts"])
        else:
            assert item["asserts_misconception"] in mc_ids, item
            asserted.add(item["asserts_misconception"])
    assert contradicted == kp_ids, f"key points without an inversion: {kp_ids - contradicted}"
    # Misconceptions added to a rubric after the set was written (2026-12-01) have no sentence yet.
    assert asserted <= mc_ids and asserted, f"misconceptions never asserted: {mc_ids - asserted}"
    texts = [item["text"] for item in textbook + inversions]
    assert len(texts) == len(set(texts)), "duplicate statements"
