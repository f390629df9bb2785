"""Reading and parsing: each fixture's entries and techniques are found, and bad files are one clear error."""

from __future__ import annotations

from pathlib import Path

import pytest

from interview_prep.errors import ExitCode
from interview_prep.resume.catalogue import load_catalogue
from interview_prep.resume.parse import find_numbers, heading_kind, parse_resume
from interview_prep.resume.reading import ResumeError, read_resume
from tests.resume.cvs import FIXTURES

CATALOGUE = load_catalogue()


@pytest.mark.parametrize("fixture", FIXTURES, ids=[f.name for f in FIXTURES])
def test_each_layout_gives_its_entries_and_techniques(fixture: object, cv_files: dict[str, Path]) -> None:
    name = fixture.name  # type: ignore[attr-defined]
    cv = fixture.cv  # type: ignore[attr-defined]
    parsed = parse_resume(read_resume(cv_files[name]), CATALOGUE)
    assert [(e.title, set(e.techniques)) for e in parsed.entries] == [(i.title, set(i.techniques)) for i in cv.entries]
    assert set(parsed.techniques) == cv.techniques


def test_the_numbers_an_entry_states_are_found_without_years_or_names() -> None:
    found = [
        n.text
        for n in find_numbers(
            "XGBoost on 2M card transactions, PR-AUC from 0.42 to 0.61, Jun 2024; 40% faster; ResNet-50 and GPT-4"
        )
    ]
    assert found == ["2M card", "PR-AUC 0.42", "40% faster"]  # no year, no ResNet-50, no GPT-4
    assert [n.text for n in find_numbers("macro F1 0.89 on 50,000 product reviews")] == ["F1 0.89", "50,000 product"]
    # A ranking metric's cut-off is part of its name: the result is 0.41, not 10.
    assert [n.text for n in find_numbers("NDCG@10 of 0.41, recall@5 0.7")] == ["NDCG@10 0.41", "recall@5 0.7"]


def test_a_bold_job_title_keeps_the_company_after_it() -> None:
    """Two internships with the same title at two companies are two entries, with two ids."""
    text = (
        "## Experience\n"
        "**ML Engineer Intern**, Acme Robotics \u2014 Jun 2025 \u2013 Aug 2025\n"
        "- Trained a ranking model with XGBoost on 2M sessions.\n"
        "**ML Engineer Intern** at Beta Labs | 2024\n"
        "- Fine-tuned BERT for sentiment.\n"
        "**Churn model**: predicted churn with logistic regression on 40k customers of a telecom.\n"
    )
    entries = parse_resume(text, CATALOGUE).entries
    assert [e.title for e in entries] == [
        "ML Engineer Intern, Acme Robotics",
        "ML Engineer Intern, Beta Labs",
        "Churn model",
    ]
    assert len({e.slug for e in entries}) == 3
    assert entries[2].lines == ("predicted churn with logistic regression on 40k customers of a telecom.",)


def test_headings_in_their_usual_spellings() -> None:
    for line, kind in [
        ("## Work Experience", "experience"),
        ("PROJECTS", "projects"),
        ("**Technical Skills:**", "skills"),
        ("Research Experience", "experience"),
        ("Skills & Tools", "skills"),
        ("Education", "education"),
        ("Publications", "other"),
        ("Built a model with projects in mind", None),
    ]:
        assert heading_kind(line) == kind, line


def test_aliases_are_whole_words_and_case_insensitive() -> None:
    parsed = parse_resume("Skills\nXGBOOST, Torch, attention to detail, sqlalchemy, post-processing", CATALOGUE)
    assert set(parsed.techniques) == {"gradient-boosting", "pytorch"}


def test_bad_files_are_one_clear_error(tmp_path: Path) -> None:
    from fpdf import FPDF

    scanned = tmp_path / "scanned.pdf"
    pdf = FPDF()
    pdf.add_page()
    pdf.rect(10, 10, 100, 50, style="F")  # a page with a picture and no text, as a scanner makes it
    pdf.output(str(scanned))
    empty = tmp_path / "empty.md"
    empty.write_text("  \n")
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4 not really")
    fake_docx = tmp_path / "cv.docx"
    fake_docx.write_text("not a zip")
    binary = tmp_path / "cv.txt"
    binary.write_bytes(b"\x00\x01\x02" * 10)
    cases = {
        scanned: "has no text",
        empty: "is empty",
        broken: "not a PDF",
        fake_docx: "not a DOCX",
        binary: "not a résumé",
        tmp_path / "missing.pdf": "no such file",
        tmp_path: "is a folder",
    }
    for path, message in cases.items():
        with pytest.raises(ResumeError) as info:
            read_resume(path)
        assert message in info.value.message and "\n" not in info.value.message
        assert info.value.code == ExitCode.USAGE


@pytest.mark.parametrize(
    ("text", "claimed"),
    [
        ("Trained the network with Adam at a learning rate of 3e-4.", True),
        ("Skills: Python, Adam, SQL", True),
        ("References: Adam Smith, Head of Data, Contoso.", False),
        ("Added dropout layers to the LSTM to stop it overfitting.", True),
        ("Predicted student dropout from attendance records.", False),
        ("Moved the nightly ETL jobs to Spark on a 20-node cluster.", True),
        ("Spark", True),
        ("Founded a reading club to spark interest in statistics.", False),
        ("Built forecasting models for weekly sales.", True),
        ("Led budget forecasting for the finance team.", False),
        ("Tuned a CART tree by pruning on the validation set.", True),
        ("Improved the shopping cart checkout flow.", False),
        ("Shipped the service to Kubernetes with Helm charts.", True),
        ("Was at the helm of the student society.", False),
        ("Added attention over the encoder states of the translation model.", True),
        ("Skills: PyTorch, attention, CUDA", True),
        ("Known for attention to detail and clear reports.", False),
        ("Paid close attention to customer feedback.", False),
    ],
)
def test_an_ambiguous_alias_claims_its_technique_only_in_context(text: str, claimed: bool) -> None:
    found = parse_resume(f"Experience\n### Data work | 2024\n- {text}", CATALOGUE).techniques
    assert (
        bool({"adam", "dropout", "spark", "time-series", "decision-trees", "kubernetes", "attention"} & set(found))
        is claimed
    )


def test_fraud_detection_names_the_problem_not_anomaly_detection() -> None:
    """A fraud model is often a supervised classifier: the method it names (XGBoost) is the claim."""
    parsed = parse_resume("Skills\nBuilt a fraud detection model with XGBoost on labelled chargebacks.", CATALOGUE)
    assert set(parsed.techniques) == {"gradient-boosting"}
