"""The pack: deep-dives on the entries' specifics, stable ids and numbers, loaded by every command, forgotten."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from types import SimpleNamespace

import pytest

from interview_prep.bank import load_bank
from interview_prep.grading.written import grade_written
from interview_prep.resume import pack
from interview_prep.resume.catalogue import load_catalogue
from interview_prep.resume.parse import parse_resume
from tests.resume.cvs import ONE_COLUMN, markdown

CATALOGUE = load_catalogue()


def _pack(text: str) -> list[pack.PackQuestion]:
    taken = {q.number for q in load_bank(resume_pack=False).questions}
    return pack.build_pack(parse_resume(text, CATALOGUE), CATALOGUE, taken)


def test_a_deep_dive_asks_for_the_entrys_techniques_and_numbers() -> None:
    questions = _pack(markdown(ONE_COLUMN))
    dive = next(q for q in questions if q.id == "cv-dive-machine-learning-intern")
    prompt = dive.data["prompt"]
    assert prompt.startswith("Walk me through Machine Learning Intern, Northwind Payments")
    assert "why XGBoost here, and not logistic regression?" in prompt
    assert "2M card" in prompt
    points = [p["id"] for p in dive.data["rubric"]["key_points"]]
    seed = ["problem", "data", "model-choice", "training-loop", "evaluation", "debugging", "fix-verified"]
    assert points[:7] == seed
    assert {"why-gradient-boosting", "own-numbers"} <= set(points)
    [question] = pack.validate([dive])
    story = (
        "The goal was to catch card fraud before the payout. The data was 2M card transactions, labelled by "
        "chargebacks and split by time, with the last month held out. I chose XGBoost over the logistic "
        "regression baseline because the signal was in interactions between merchant and amount. It trained "
        "with early stopping on the validation set and a learning rate of 0.05. We evaluated with PR-AUC, "
        "which reached 0.61 against 0.42 for the baseline. The hardest bug: validation PR-AUC was suspiciously "
        "high at first. My hypothesis was leakage from a feature computed on the whole table; to confirm it I "
        "recomputed it with a point-in-time cutoff and the score fell to 0.55. The fix was to build every "
        "feature before the cutoff in SQL, and I verified it on a fresh month, where it held at 0.61."
    )
    report = grade_written(question, story)
    assert report.passed and report.score >= 80, report.score
    assert not grade_written(question, "I built a fraud model and it worked well. " * 20).passed


def test_ids_and_numbers_survive_an_edit_of_the_cv() -> None:
    before = {q.id: q.data["number"] for q in _pack(markdown(ONE_COLUMN))}
    edited = markdown(ONE_COLUMN).replace("cut training time by 40%", "cut training time by half") + (
        "\n## Projects\n\n### Speech Recogniser | 2022\n- Trained an LSTM on 300 hours of audio.\n"
    )
    after = {q.id: q.data["number"] for q in _pack(edited)}
    assert before.items() <= after.items()
    assert all(n >= 500 for n in after.values()) and len(set(after.values())) == len(after)
    builtin = {q.number for q in load_bank(resume_pack=False).questions}
    assert not builtin & set(after.values())


def test_every_alternative_names_a_catalogue_technique() -> None:
    """A key of ALTERNATIVES that is no technique id is dead: its entries were asked about 'a simpler baseline'."""
    assert set(pack.ALTERNATIVES) <= {t.id for t in CATALOGUE}
    lstm = next(q for q in _pack("## Projects\n\n### Speech Recogniser | 2022\n- Trained an LSTM.\n") if q.entry)
    assert "why LSTM here, and not a transformer?" in lstm.data["prompt"]


def test_at_most_five_deep_dives_projects_first() -> None:
    cv = "## Projects\n" + "".join(f"\n### Project {name} | 2024\n- Built it in PyTorch.\n" for name in "ABCDEFG")
    cv += "\n## Experience\n\n### Intern, Acme | 2023\n- Used SQL.\n"
    dives = [q.id for q in _pack(cv) if q.entry is not None]
    assert dives == [f"cv-dive-project-{c}" for c in "abcde"]


def test_the_pack_is_loaded_by_every_command_and_forgotten(tmp_path: Path) -> None:
    parsed = parse_resume(markdown(ONE_COLUMN), CATALOGUE)
    questions = _pack(markdown(ONE_COLUMN))
    folder = pack.write_pack(parsed, questions)
    assert folder == pack.pack_dir() and (pack.resume_dir() / "resume.txt").read_text() == parsed.text
    bank = load_bank()
    assert {q.id for q in questions} <= {q.id for q in bank.questions}
    assert bank.get("cv-transformer-why-softmax").category == "depth"
    assert {q.id for q in pack.deep_dives(bank.questions)} == {q.id for q in questions if q.entry is not None}
    pack.write_pack(parsed, questions[:2])  # reading again replaces the pack, leaving no stale question
    assert len(list(pack.pack_dir().iterdir())) == 2
    assert pack.forget() and not pack.resume_dir().exists()
    assert not any(q.id.startswith("cv-") for q in load_bank().questions)
    assert not pack.forget()


def test_the_mock_loop_has_a_project_round_on_the_resume(monkeypatch: pytest.MonkeyPatch) -> None:
    from interview_prep.practice import mock

    asked: list[tuple[str, str]] = []
    intros: list[str] = []
    monkeypatch.setattr(mock, "run_session", lambda question, ctx: asked.append((question.category, question.id)))
    ctx = SimpleNamespace(
        mode="",
        mock_id="",
        results=[],
        store=SimpleNamespace(due_dates=dict),
        clock=SimpleNamespace(now=lambda: datetime(2026, 3, 1, tzinfo=timezone.utc)),
        ui=SimpleNamespace(round_intro=lambda n, total, category, question: intros.append(category)),
    )
    questions = list(load_bank(resume_pack=False).questions)
    mock.run_mock(questions, ctx)  # type: ignore[arg-type]
    at = intros.index("project")
    assert asked[at][1] == "project-deep-dive"  # without a résumé: the bank's own deep dive
    parsed = parse_resume(markdown(ONE_COLUMN), CATALOGUE)
    pack.write_pack(parsed, _pack(markdown(ONE_COLUMN)))
    bank = load_bank().questions
    asked.clear()
    intros.clear()
    mock.run_mock(bank, ctx, projects=pack.deep_dives(bank))  # type: ignore[arg-type]
    assert intros.index("project") == at
    assert asked[at][1].startswith("cv-dive-")  # with one: a deep dive into the candidate's own project
