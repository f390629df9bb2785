"""`prep resume` from the command line, and a pty session on one of its deep-dives, graded and in the history."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from interview_prep.cli import app
from interview_prep.resume import pack
from tests.practice.test_practice_pty import Terminal, prep

runner = CliRunner()


def test_table_json_dry_run_and_forget(cv_files: dict[str, Path]) -> None:
    cv = str(cv_files["one-column.pdf"])
    dry = runner.invoke(app, ["resume", cv, "--dry-run"])
    assert dry.exit_code == 0, dry.output
    assert "Northwind" in dry.output and "nothing was written" in dry.output
    assert not pack.resume_dir().exists()
    shown = runner.invoke(app, ["resume", cv, "--json"])
    data = json.loads(shown.output)
    assert [e["title"] for e in data["entries"]][:2] == [
        "Machine Learning Intern, Northwind Payments",
        "Software Engineering Intern, Contoso Health",
    ]
    assert data["written"] == str(pack.pack_dir()) and len(data["questions"]) == len(list(pack.pack_dir().iterdir()))
    listed = json.loads(runner.invoke(app, ["list", "--json", "--category", "project"]).output)
    assert {q["id"] for q in listed} >= {e["question"] for e in data["entries"]}
    table = runner.invoke(app, ["resume", cv])
    assert table.exit_code == 0 and "questions written to" in table.output
    gone = runner.invoke(app, ["resume", "--forget"])
    assert gone.exit_code == 0 and "Removed" in gone.output and not pack.resume_dir().exists()


def test_the_table_at_80_columns_shows_every_question_id_whole_on_one_line(cv_files: dict[str, Path]) -> None:
    """The ids are what the user types next (`prep practice -q ID`): cut with an ellipsis, they cannot be."""
    cv = str(cv_files["one-column.pdf"])
    ids = [q["id"] for q in json.loads(runner.invoke(app, ["resume", cv, "--json", "--dry-run"]).output)["questions"]]
    table = runner.invoke(app, ["resume", cv, "--dry-run"], env={"COLUMNS": "80"})
    assert table.exit_code == 0, table.output
    assert max(len(line) for line in table.output.splitlines()) <= 80
    assert "\u2026" not in table.output
    assert all(any(i in line for line in table.output.splitlines()) for i in ids), (ids, table.output)


@pytest.mark.parametrize("content", [b"", b"\x00\x01binary"])
def test_unreadable_files_exit_2_with_one_line(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "cv.txt"
    path.write_bytes(content)
    result = runner.invoke(app, ["resume", str(path)])
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and result.output.startswith("Error: ")


@pytest.mark.slow
def test_resume_then_practise_a_deep_dive_in_a_terminal(cv_files: dict[str, Path], tmp_path: Path) -> None:
    home = tmp_path / "home"
    made = prep(home, "resume", str(cv_files["one-column.pdf"]))
    assert made.returncode == 0, made.stderr
    qid = "cv-dive-review-sentiment-classifier"
    assert qid in made.stdout
    answer = (
        "The goal was to flag negative product reviews for the support team. The data was 50,000 product "
        "reviews labelled by star rating and split by time, with the last month held out. I chose the "
        "transformer over the TF-IDF baseline because word order and negation mattered. It trained for three "
        "epochs with Adam and a learning rate of 2e-5 in PyTorch. We evaluated with macro F1, which reached "
        "0.89 against 0.81 for the baseline. The hardest bug: the loss was not decreasing at first. My "
        "hypothesis was the padding mask; to confirm it I overfit a single batch and it still failed. It turned "
        "out the labels were shuffled apart from the texts. The fix was to shuffle pairs, and I verified it: "
        "training loss fell to 0.2 and the single batch overfit in twenty steps."
    )
    term = Terminal(["practice", "-q", qid, "--minutes", "5"], home, tmp_path)
    term.expect("Review Sentiment Classifier")
    term.countdown_seconds()
    term.child.send(answer)
    term.child.sendcontrol("d")
    term.expect(r"Score \S+ / 100")
    term.expect(r"How did it go\?")
    term.child.send("g\r")
    term.expect(r"Rated good; scheduled as \w+")
    assert term.finish() == 0
    assert "Traceback" not in term.output
    history = prep(home, "history")
    assert history.returncode == 0 and qid in history.stdout
    shown = json.loads(prep(home, "stats", "--json").stdout)
    [row] = shown["questions"]
    assert row["name"] == qid and row["attempts"] == 1 and row["last_score"] >= 60


CV = """# Ada Lovelace
## Projects
### Churn model | 2025
- Predicted churn for 40k telecom customers with XGBoost; AUC 0.87.
### Image search
- Fine-tuned a ResNet on 10k product photos.
## Skills
Python, SQL
"""


def test_the_history_of_a_question_survives_an_edit_of_the_cv(tmp_path: Path) -> None:
    """Re-reading an edited résumé keeps each entry's and technique's question id, so its attempts stay its own."""
    cv = tmp_path / "cv.md"
    cv.write_text(CV)
    first = json.loads(runner.invoke(app, ["resume", str(cv), "--json"]).output)
    dive = next(e["question"] for e in first["entries"] if e["title"] == "Churn model")
    answer = tmp_path / "answer.md"
    answer.write_text("We predicted churn with XGBoost because the features were tabular. " * 5)
    graded = runner.invoke(app, ["grade", str(answer), "-q", dive, "--json"])
    assert graded.exit_code in (0, 1), graded.output
    # The user rewrites a bullet, adds a project above the others and a skill.
    cv.write_text(
        CV.replace("## Projects\n", "## Projects\n### Fraud alerts\n- Flagged fraud with an isolation forest.\n")
        .replace("AUC 0.87.", "AUC 0.87, up from 0.80 with a logistic regression baseline.")
        .replace("Python, SQL", "Python, SQL, Docker")
    )
    second = json.loads(runner.invoke(app, ["resume", str(cv), "--json"]).output)
    assert {e["question"] for e in second["entries"]} > {e["question"] for e in first["entries"]}
    assert {q["id"] for q in second["questions"]} > {q["id"] for q in first["questions"]}
    history = json.loads(runner.invoke(app, ["history", dive, "--json"]).output)
    assert history["total"] == 1 and [a["question"] for a in history["attempts"]] == [dive]
    shown = runner.invoke(app, ["show", dive])
    assert shown.exit_code == 0 and "logistic regression" in shown.output  # the edited entry, under its old id
