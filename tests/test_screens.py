"""Every screen designed for 80 columns: tables drop or shorten columns, code never wraps, help never truncates."""

from __future__ import annotations

import io
import re
import textwrap
from datetime import datetime, timedelta, timezone
from pathlib import Path

from rich.console import Console
from typer.testing import CliRunner

from interview_prep.bank import load_bank
from interview_prep.cli import app
from interview_prep.store import open_store

# Imported here, outside any CliRunner env: Rich fixes a console's width from COLUMNS when the console
# is made, and the first invoke below (COLUMNS=80) would otherwise fix it for every later test.
from interview_prep.views import console as _console  # noqa: F401

runner = CliRunner()
NARROW = {"COLUMNS": "80"}
T0 = datetime(2026, 3, 1, 9, 0, tzinfo=timezone.utc)
ROOT = Path(__file__).resolve().parents[1]


def some_history() -> None:
    """A graded practice attempt with a rating and over time, an abandoned one, an untimed grade."""
    s = open_store()
    grade = {"question": "classification-metrics", "kind": "coding", "score": 75.0, "passed": True, "checks": []}
    a = s.start_attempt(
        question="classification-metrics", kind="coding", mode="practice", started_at=T0, time_limit_s=1500
    )
    s.finish_attempt(
        a,
        ended_at=T0 + timedelta(minutes=26),
        time_used_s=1560.0,
        over_time=True,
        answer="x",
        answer_path=None,
        grade=grade,
        grader_version="t",
    )
    s.rate_attempt(a, self_rating="again", rating="again", card_json="{}", due=T0 + timedelta(days=1), now=T0)
    b = s.start_attempt(question="kmeans", kind="coding", mode="mock", started_at=T0, time_limit_s=1800)
    s.abandon_attempt(b, ended_at=T0 + timedelta(minutes=1), time_used_s=60.0, answer=None)
    s.record_attempt(
        question="bce",
        kind="coding",
        mode="grade",
        started_at=T0,
        ended_at=T0,
        answer="y",
        answer_path=None,
        grade={**grade, "question": "bce"},
        grader_version="t",
    )
    s.close()


def lines_of(text: str) -> list[str]:
    return [line.rstrip() for line in text.splitlines()]


def test_list_with_a_history_fits_80_columns_with_readable_titles() -> None:
    some_history()
    result = runner.invoke(app, ["list"], env=NARROW)
    assert result.exit_code == 0
    lines = lines_of(result.stdout)
    assert max(map(len, lines)) <= 80
    header = next(line for line in lines if line.split()[:2] == ["#", "id"])
    title_width = header.index(header.split()[3]) - header.index("title")
    assert title_width >= 24, header
    # every row on one or two lines, not the five or six a squeezed title takes
    rows = len(load_bank().questions)
    assert len(lines) <= 3 + 2 * rows
    assert "K-means from scratch" in result.stdout and "best" in header and "due" in header


def test_list_without_history_keeps_its_full_words_at_80() -> None:
    result = runner.invoke(app, ["list"], env=NARROW)
    assert "category" in result.stdout and "medium" in result.stdout
    assert max(map(len, lines_of(result.stdout))) <= 80


def test_history_at_80_columns_cuts_no_column() -> None:
    some_history()
    result = runner.invoke(app, ["history"], env=NARROW)
    assert result.exit_code == 0
    lines = lines_of(result.stdout)
    assert max(map(len, lines)) <= 80
    assert "…" not in result.stdout
    header = next(line for line in lines if line.startswith("#"))
    assert header.split() == ["#", "when", "question", "mode", "status", "score", "time", "rating"]
    text = result.stdout
    for word in ("abandoned", "again", "classification-metrics", "26:00/25:00!", "timed", "grade", "mock"):
        assert word in text, word
    assert "! over the time limit" in text


def test_show_never_wraps_code_back_to_column_0() -> None:
    result = runner.invoke(app, ["show", "kmeans"], env=NARROW)
    lines = lines_of(result.stdout)
    assert max(map(len, lines)) <= 80
    start = next(i for i, line in enumerate(lines) if "def kmeans(" in line)
    end = next(i for i in range(start + 2, len(lines)) if lines[i].strip() == '"""')
    body = [line for line in lines[start + 1 : end] if line.strip()]
    indent = len(lines[start]) - len(lines[start].lstrip())
    assert all(len(line) - len(line.lstrip()) >= indent + 4 for line in body), body


def test_help_summaries_are_whole_at_80_columns() -> None:
    result = runner.invoke(app, ["--help"], env=NARROW)
    assert result.exit_code == 0
    commands = result.stdout.split("Commands:")[1]
    assert not [line for line in commands.splitlines() if line.rstrip().endswith("...")], commands
    assert max(map(len, lines_of(result.stdout))) <= 80


def test_solution_to_a_file_is_the_reference_exactly(tmp_path: Path) -> None:
    result = runner.invoke(app, ["solution", "kmeans", "--force"], env=NARROW)
    assert result.exit_code == 0
    reference = (ROOT / "solutions" / "kmeans.py").read_text(encoding="utf-8")
    assert result.stdout == reference
    compile(result.stdout, "ref.py", "exec")


def test_solution_on_a_terminal_never_wraps_a_line() -> None:
    from interview_prep.views.bank import show_solution

    buffer = io.StringIO()
    console = Console(file=buffer, width=80, force_terminal=True, color_system=None)
    q = load_bank().get("kmeans")
    reference = (ROOT / "solutions" / "kmeans.py").read_text(encoding="utf-8")
    assert max(map(len, reference.splitlines())) > 80  # the case worth testing
    show_solution(q, "python", reference, console)
    shown = re.sub(r"\x1b\[[0-9;]*m", "", buffer.getvalue()).splitlines()
    assert shown[0] == "1. K-means from scratch: the reference"
    assert [line.rstrip() for line in shown[1:]] == [line.rstrip() for line in reference.splitlines()]


def test_h_is_help_everywhere() -> None:
    from typer.main import get_group

    assert runner.invoke(app, ["-h"]).stdout == runner.invoke(app, ["--help"]).stdout
    for name in get_group(app).commands:
        result = runner.invoke(app, [name, "-h"], env=NARROW)
        assert result.exit_code == 0 and result.stdout.startswith(f"Usage: prep {name}"), name


def test_shell_completion_is_offered() -> None:
    result = runner.invoke(app, ["--help"])
    assert "--install-completion" in result.stdout and "--show-completion" in result.stdout


def grade_screen(path: Path, *extra: str) -> tuple[int, list[str]]:
    result = runner.invoke(app, ["grade", str(path), "--no-save", *extra], env={"COLUMNS": "80", "LINES": "24"})
    assert "Traceback" not in result.output
    lines = lines_of(result.stdout)
    return result.exit_code, lines


def from_title(lines: list[str], title: str) -> list[str]:
    """The grade itself: the last block, from the question's title line to the end."""
    start = max(i for i, line in enumerate(lines) if line == title)
    return lines[start:]


def test_an_untouched_starter_reports_each_unimplemented_function_once(tmp_path: Path) -> None:
    q = load_bank().get("bce")
    starter = tmp_path / "bce.py"
    starter.write_text(q.starter, encoding="utf-8")
    code, lines = grade_screen(starter)
    assert code == 1
    grade = from_title(lines, "2. Binary cross-entropy + gradient")
    text = "\n".join(grade)
    assert text.count("NotImplementedError") == 2  # bce_loss and bce_grad, once each
    assert "bce_loss is not written yet" in text and "bce_grad is not written yet" in text
    assert grade[-1].startswith("Score 0.0 / 100   NOT PASSED")
    assert len(grade) <= 22, text


def test_a_coding_grade_fits_a_24_line_screen_failures_first_and_full_on_request() -> None:
    broken = ROOT / "tests" / "questions" / "kmeans" / "broken" / "02_distance_wrong_axis.py"
    code, lines = grade_screen(broken)
    assert code == 1
    grade = from_title(lines, "1. K-means from scratch")
    assert len(grade) <= 22, "\n".join(grade)
    assert grade[-1].startswith("Score ") and "NOT PASSED" in grade[-1] and "--full" in grade[-1]
    assert grade[1].startswith("✗ fixed point on random data (fail)")  # the first to fix, in full
    assert any(line.startswith("✗ k = 1") for line in grade)  # the others, a line each
    assert "How to answer" in "\n".join(lines[: len(lines) - len(grade)])  # the rubric came first
    _, full = grade_screen(broken, "--full")
    assert len(full) > len(lines) and "Score" in "\n".join(full)


def test_a_passing_coding_grade_is_one_summary_line() -> None:
    code, lines = grade_screen(ROOT / "solutions" / "bce.py")
    assert code == 0
    grade = from_title(lines, "2. Binary cross-entropy + gradient")
    assert len(grade) == 2 and grade[1].startswith("Score 100.0 / 100   PASSED")


def test_each_mock_round_starts_on_a_clear_screen() -> None:
    from interview_prep.practice.ui import TerminalUI

    buffer = io.StringIO()
    console = Console(file=buffer, width=80, force_terminal=True)
    ui = TerminalUI(console, lambda *a: None, lambda *a: None)

    class Prompt:
        def prompt(self, text: str) -> str:
            console.print("previous round's rubric")
            return ""

    ui._session = lambda: Prompt()  # type: ignore[method-assign,assignment,return-value]
    ui.round_intro(2, 5, "fundamentals", load_bank().get("bias-variance"))
    out = buffer.getvalue()
    assert out.index("\x1b[2J") > out.index("previous round's rubric")  # cleared after Enter


def test_show_rewraps_a_contract_as_prose_keeping_every_word_in_order() -> None:
    from interview_prep.bank import load_bank
    from interview_prep.views.bank import fit_code

    for q in load_bank().questions:
        for fn in q.functions:
            doc = textwrap.indent(fn.docstring.rstrip(), "    ")
            code = f'{fn.signature}:\n    """{doc.lstrip()}\n    """'
            fitted = fit_code(code, 78)
            assert max(map(len, fitted.splitlines())) <= 78, q.id
            assert fitted.split() == code.split(), q.id  # the same words, in the same order
            compile(fitted + "\n    pass\n", q.id, "exec")  # still Python


def test_a_long_docstring_line_pushes_its_words_into_the_next_line_of_its_sentence() -> None:
    from interview_prep.views.bank import fit_code

    code = (
        "def f(x):\n"
        '    """Return the thing, computed from x in the careful way that the contract asks for here,\n'
        "    and never the other way around, which would be wrong.\n"
        "    x: the input, a number.\n"
        '    """'
    )
    assert fit_code(code, 40).splitlines() == [
        "def f(x):",
        '    """Return the thing, computed from x',
        "    in the careful way that the contract",
        "    asks for here, and never the other",
        "    way around, which would be wrong.",
        "    x: the input, a number.",  # an item of its own: never joined to the sentence above
        '    """',
    ]
