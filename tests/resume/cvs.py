"""Résumé fixtures, written by real libraries (fpdf2 for PDF, python-docx for DOCX) in four layouts, each with
what a reader should find in it: the entries of its projects and experience, and the techniques each claims.

Shared by tests/resume and benchmarks/resume_parse.py. The expected techniques are written by hand, not
derived from the parser.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Item:
    title: str  # the entry's title as the reader should give it
    meta: str  # dates and place, on the title line or under it
    bullets: tuple[str, ...]
    techniques: tuple[str, ...]  # catalogue ids it claims


@dataclass(frozen=True)
class Section:
    heading: str
    items: tuple[Item, ...] = ()
    lines: tuple[str, ...] = ()  # a section of plain lines (skills, education, publications)


@dataclass(frozen=True)
class CV:
    name: str
    layout: str
    sections: tuple[Section, ...]
    techniques: frozenset[str]  # every technique the whole résumé claims
    side: tuple[str, ...] = field(default=())  # headings of the left column in a two-column layout

    @property
    def entries(self) -> list[Item]:
        kinds = ("projects", "experience", "research experience", "work experience", "selected projects")
        return [i for s in self.sections if s.heading.lower() in kinds for i in s.items]


ONE_COLUMN = CV(
    name="Ada Byron",
    layout="one column",
    sections=(
        Section(
            "EXPERIENCE",
            items=(
                Item(
                    "Machine Learning Intern, Northwind Payments",
                    "Jun 2024 - Aug 2024",
                    (
                        "Built a fraud detection model with XGBoost on 2M card transactions, raising PR-AUC from 0.42 "
                        "with a logistic regression baseline to 0.61 on a time-based holdout.",
                        "Wrote the feature pipeline in SQL over the events warehouse and cut training time by 40%.",
                    ),
                    ("gradient-boosting", "logistic-regression", "sql"),
                ),
                Item(
                    "Software Engineering Intern, Contoso Health",
                    "May 2023 - Aug 2023",
                    (
                        "Packaged the triage service with Docker and added integration tests for its REST API.",
                        "Reduced p95 latency by 30% by caching the model's tokenizer.",
                    ),
                    ("docker",),
                ),
            ),
        ),
        Section(
            "PROJECTS",
            items=(
                Item(
                    "Review Sentiment Classifier",
                    "2024",
                    (
                        "Fine-tuned a transformer on 50,000 product reviews in PyTorch, reaching macro F1 0.89.",
                        "Compared it against a TF-IDF baseline and analysed the errors by review length.",
                    ),
                    ("transformer", "pytorch", "tfidf"),
                ),
                Item(
                    "Customer Segmentation",
                    "2023",
                    ("Clustered 12k customers with k-means after PCA to 10 dimensions; chose k with silhouette.",),
                    ("k-means", "pca"),
                ),
            ),
        ),
        Section("SKILLS", lines=("Python, PyTorch, scikit-learn, SQL, Docker, Git, random forest",)),
        Section("EDUCATION", lines=("BSc Computer Science, University of Leeds, 2024",)),
    ),
    techniques=frozenset(
        {"gradient-boosting", "logistic-regression", "sql", "docker", "transformer", "pytorch", "k-means"}
        | {"pca", "random-forest", "tfidf", "scikit-learn"}
    ),
)

TWO_COLUMN = CV(
    name="Grace Hopper",
    layout="two columns",
    side=("Skills", "Education"),
    sections=(
        Section("Skills", lines=("Python", "PyTorch", "LightGBM", "PostgreSQL", "Docker", "Batch norm")),
        Section("Education", lines=("MSc Data Science", "Imperial College", "2022 - 2023")),
        Section(
            "Work Experience",
            items=(
                Item(
                    "Data Scientist, Fabrikam Retail",
                    "Sep 2023 - Present",
                    (
                        "Forecast weekly demand for 3k stores with LightGBM, lowering MAPE from 18% to 11%.",
                        "Ran the model as a nightly job in Docker.",
                    ),
                    ("gradient-boosting", "docker"),
                ),
            ),
        ),
        Section(
            "Projects",
            items=(
                Item(
                    "Image Classifier From Scratch",
                    "2023",
                    (
                        "Trained a CNN with batch normalization in PyTorch on 60k images; 92% test accuracy.",
                        "Diagnosed a train-eval gap caused by batch norm running statistics.",
                    ),
                    ("cnn", "batch-norm", "pytorch"),
                ),
                Item(
                    "Churn Prediction",
                    "2022",
                    ("Random forest on 200k subscriber records; recall 0.78 at 0.5 precision.",),
                    ("random-forest",),
                ),
            ),
        ),
    ),
    techniques=frozenset({"pytorch", "gradient-boosting", "sql", "docker", "batch-norm", "random-forest", "cnn"}),
)

SKILLS_ONLY = CV(
    name="Alan Turing",
    layout="skills list only",
    sections=(
        Section("Summary", lines=("New graduate looking for a machine learning engineer role.",)),
        Section(
            "Technical Skills",
            lines=(
                "- Languages: Python, SQL",
                "- Machine learning: logistic regression, random forests, gradient boosting, k-means, PCA",
                "- Deep learning: PyTorch, transformers, layer normalization",
                "- Tools: Docker, Git, Linux",
            ),
        ),
    ),
    techniques=frozenset(
        {"sql", "logistic-regression", "random-forest", "gradient-boosting", "k-means", "pca", "pytorch"}
        | {"transformer", "layer-norm", "docker"}
    ),
)

ACADEMIC = CV(
    name="Dr Katherine Johnson",
    layout="academic CV",
    sections=(
        Section("Education", lines=("PhD Computer Science, University of Edinburgh, 2020 - 2024",)),
        Section(
            "Research Experience",
            items=(
                Item(
                    "Doctoral Researcher, Edinburgh NLP Group",
                    "2020 - 2024",
                    (
                        "Studied length generalisation of transformer language models trained on 1B tokens.",
                        "Showed that pre-norm layer normalization stabilises training of 48-layer models.",
                    ),
                    ("transformer", "layer-norm"),
                ),
                Item(
                    "Research Intern, Bioinformatics Institute",
                    "Summer 2019",
                    ("Reduced 20k gene expression profiles with PCA and clustered them with k-means.",),
                    ("pca", "k-means"),
                ),
            ),
        ),
        Section(
            "Publications",
            lines=(
                "K. Johnson and A. Smith. Multi-head attention heads that count. ACL 2023.",
                "K. Johnson. Why pre-norm transformers train. NeurIPS 2022.",
            ),
        ),
        Section("Teaching", lines=("Teaching assistant, Machine Learning Practical, 2021 - 2023",)),
        Section("Skills", lines=("PyTorch, JAX, SQL",)),
    ),
    techniques=frozenset({"transformer", "layer-norm", "pca", "k-means", "attention", "pytorch", "sql"}),
)


# --- writers -------------------------------------------------------------------------------------------


def markdown(cv: CV) -> str:
    out = [f"# {cv.name}", "ada@example.com | +44 20 0000 0000", ""]
    for s in cv.sections:
        out += [f"## {s.heading.title()}", ""]
        for item in s.items:
            out += [f"### {item.title} | {item.meta}", *(f"- {b}" for b in item.bullets), ""]
        out += [*s.lines, ""]
    return "\n".join(out)


def write_markdown(cv: CV, path: Path) -> Path:
    path.write_text(markdown(cv), encoding="utf-8")
    return path


def write_pdf(cv: CV, path: Path) -> Path:
    """One column, or two (the side headings on the left) as a designed résumé lays them out."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 18)
    pdf.cell(0, 10, cv.name, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=9)
    pdf.cell(0, 5, "ada@example.com | github.com/example", new_x="LMARGIN", new_y="NEXT")
    top = pdf.get_y() + 4
    columns = [(10.0, 190.0, cv.sections)]
    if cv.side:
        left = tuple(s for s in cv.sections if s.heading in cv.side)
        right = tuple(s for s in cv.sections if s.heading not in cv.side)
        columns = [(10.0, 55.0, left), (72.0, 128.0, right)]
    for x, width, sections in columns:
        pdf.set_xy(x, top)
        pdf.set_left_margin(x)
        for s in sections:
            pdf.set_font("Helvetica", "B", 12)
            pdf.set_x(x)
            pdf.cell(width, 8, s.heading, new_x="LMARGIN", new_y="NEXT")
            for item in s.items:
                pdf.set_font("Helvetica", "B", 10)
                pdf.set_x(x)
                pdf.multi_cell(width, 5, f"{item.title} | {item.meta}", new_x="LMARGIN", new_y="NEXT")
                pdf.set_font("Helvetica", size=10)
                for b in item.bullets:
                    pdf.set_x(x)
                    pdf.multi_cell(width, 5, f"- {b}", new_x="LMARGIN", new_y="NEXT")
            pdf.set_font("Helvetica", size=10)
            for line in s.lines:
                pdf.set_x(x)
                pdf.multi_cell(width, 5, line, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
    pdf.output(str(path))
    return path


def write_docx(cv: CV, path: Path) -> Path:
    """Heading styles and list bullets; a two-column CV as a table of two cells, as Word templates make it."""
    import docx

    document = docx.Document()
    document.add_heading(cv.name, level=0)
    document.add_paragraph("ada@example.com")

    def fill(add_paragraph: Callable[..., object], sections: tuple[Section, ...], heading_style: str) -> None:
        for s in sections:
            add_paragraph(s.heading, style=heading_style)
            for item in s.items:
                add_paragraph(f"{item.title} | {item.meta}", style=None)
                for b in item.bullets:
                    add_paragraph(b, style="List Bullet")
            for line in s.lines:
                add_paragraph(line, style=None)

    if cv.side:
        table = document.add_table(rows=1, cols=2)
        left, right = table.rows[0].cells
        for cell, chosen in (
            (left, tuple(s for s in cv.sections if s.heading in cv.side)),
            (right, tuple(s for s in cv.sections if s.heading not in cv.side)),
        ):
            fill(cell.add_paragraph, chosen, "Heading 2")
    else:
        fill(document.add_paragraph, cv.sections, "Heading 1")
    document.save(str(path))
    return path


@dataclass(frozen=True)
class Fixture:
    name: str
    cv: CV
    write: Callable[[CV, Path], Path]
    suffix: str


FIXTURES = (
    Fixture("one-column.pdf", ONE_COLUMN, write_pdf, ".pdf"),
    Fixture("one-column.md", ONE_COLUMN, write_markdown, ".md"),
    Fixture("one-column.docx", ONE_COLUMN, write_docx, ".docx"),
    Fixture("two-column.pdf", TWO_COLUMN, write_pdf, ".pdf"),
    Fixture("two-column.docx", TWO_COLUMN, write_docx, ".docx"),
    Fixture("skills-only.md", SKILLS_ONLY, write_markdown, ".md"),
    Fixture("skills-only.pdf", SKILLS_ONLY, write_pdf, ".pdf"),
    Fixture("academic.docx", ACADEMIC, write_docx, ".docx"),
    Fixture("academic.pdf", ACADEMIC, write_pdf, ".pdf"),
)


def write(fixture: Fixture, folder: Path) -> Path:
    return fixture.write(fixture.cv, folder / fixture.name)
