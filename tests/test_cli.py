"""`prep list`, `prep show` and `prep --version` through the real entry point, and their start-up cost."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import typer
from samples import GOOD
from typer.testing import CliRunner

from interview_prep import __version__
from interview_prep.cli import app
from interview_prep.cli_options import session_command
from interview_prep.commands.session_options import SessionOptions

runner = CliRunner()


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.strip() == f"prep {__version__}"


def test_list_shows_the_twelve() -> None:
    result = runner.invoke(app, ["list"], env={"COLUMNS": "140"})
    assert result.exit_code == 0
    for qid in ("kmeans", "stratified-split", "tfidf-vs-transformer", "learning-quickly"):
        assert qid in result.stdout
    assert "Batch norm: train vs inference" in result.stdout


def test_list_json_has_the_twelve_with_the_contract_keys() -> None:
    result = runner.invoke(app, ["list", "--json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert [d["number"] for d in data[:12]] == list(range(1, 13))
    assert all(d["category"] in ("drill", "dsa") for d in data[12:])
    assert [d["category"] for d in data[12:]] == sorted(d["category"] for d in data[12:])  # the drills, then dsa
    for entry in data:
        assert {"id", "number", "title", "category"} <= entry.keys()


def test_list_category_dsa_lists_the_leetcode_style_problems() -> None:
    data = json.loads(runner.invoke(app, ["list", "--category", "dsa", "--json"]).stdout)
    assert data and all(d["category"] == "dsa" and d["number"] >= 20 for d in data)
    assert "merge-intervals" in {d["id"] for d in data}


def test_list_category_filter() -> None:
    data = json.loads(runner.invoke(app, ["list", "--category", "behavioral", "--json"]).stdout)
    assert [d["id"] for d in data] == ["debugging-story", "learning-quickly"]


def test_list_unknown_category_exits_2_with_the_choices() -> None:
    result = runner.invoke(app, ["list", "--category", "maths"])
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "Error: no category 'maths'. Categories: coding, fundamentals, depth, project, system-design, behavioral, drill, dsa."
    )


def test_show_by_id_and_by_number_hides_the_rubric_unless_asked() -> None:
    by_id = runner.invoke(app, ["show", "batchnorm"], env={"COLUMNS": "100"})
    by_number = runner.invoke(app, ["show", "7"], env={"COLUMNS": "100"})
    assert by_id.exit_code == by_number.exit_code == 0
    assert by_id.stdout == by_number.stdout
    assert "batch normalization layer" in by_id.stdout
    assert "running" not in by_id.stdout  # the answer is hidden
    with_rubric = runner.invoke(app, ["show", "batchnorm", "--rubric"], env={"COLUMNS": "100"})
    assert "How to answer" in with_rubric.stdout and "What they look for" in with_rubric.stdout
    assert "running mean/variance" in " ".join(with_rubric.stdout.split())


def test_show_coding_question_lists_the_functions_to_write() -> None:
    result = runner.invoke(app, ["show", "bce"], env={"COLUMNS": "120"})
    assert "def bce_loss(y_true, y_pred, eps=1e-12):" in result.stdout
    assert "def bce_grad(y_true, y_pred, eps=1e-12):" in result.stdout


def test_show_unknown_id_exits_2_with_a_suggestion() -> None:
    result = runner.invoke(app, ["show", "batchnrom"])
    assert result.exit_code == 2
    assert (
        result.stderr.strip()
        == "Error: no question 'batchnrom'. Did you mean 'batchnorm' or 'batchnorm-layer'? `prep list` shows them all."
    )
    assert result.stdout == ""


def test_broken_user_bank_is_one_line_naming_file_line_field(tmp_path: Path) -> None:
    (tmp_path / "mine.yaml").write_text("id: mine\nnumber: 50\ntitle: [oops\n", encoding="utf-8")
    result = runner.invoke(app, ["list", "--bank", str(tmp_path)])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"Error: {tmp_path / 'mine.yaml'}:")
    assert "Traceback" not in result.output


def test_prep_bank_env_adds_questions(tmp_path: Path) -> None:
    (tmp_path / "mine.yaml").write_text(GOOD, encoding="utf-8")
    result = runner.invoke(app, ["list", "--json"], env={"PREP_BANK": str(tmp_path)})
    assert result.exit_code == 0
    assert json.loads(result.stdout)[-1]["id"] == "my-question"


def _modules_after(args: list[str]) -> set[str]:
    code = (
        "import sys\n"
        "from interview_prep.cli import app\n"
        f"try:\n    app({args!r})\nexcept SystemExit:\n    pass\n"
        "print('MODULES', ' '.join(sorted(sys.modules)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    line = next(line for line in out.splitlines() if line.startswith("MODULES"))
    return set(line.split()[1:])


def test_list_and_help_do_not_import_numpy_or_other_heavy_modules() -> None:
    for args in (["list"], ["--help"], ["show", "1"]):
        loaded = _modules_after(args)
        heavy = {m for m in loaded if m.split(".")[0] in {"numpy", "fsrs", "prompt_toolkit", "sqlite3", "pydantic"}}
        assert not heavy, f"prep {' '.join(args)} imported {sorted(heavy)}"


def test_installed_prep_runs_as_a_subprocess(tmp_path: Path) -> None:
    # The console script is what users run; run it from a directory outside the repo.
    prep = Path(sys.executable).with_name("prep")
    command = [str(prep)] if prep.exists() else [sys.executable, "-m", "interview_prep"]
    result = subprocess.run([*command, "list", "--json"], capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert [d["id"] for d in json.loads(result.stdout)][:3] == ["kmeans", "bce", "stratified-split"]


def test_list_with_a_history_stays_light(tmp_path: Path) -> None:
    # Shell completion and quick looks run `prep list`: with a history it reads SQLite, and nothing more.
    from interview_prep.store import open_store

    home = tmp_path / "home"
    env = {**os.environ, "PREP_HOME": str(home)}
    s = open_store(home / "history.sqlite3")
    s.close()
    code = (
        "import sys\n"
        "from interview_prep.cli import app\n"
        "try:\n    app(['list'])\nexcept SystemExit:\n    pass\n"
        "print('MODULES', ' '.join(sorted(sys.modules)))\n"
    )
    for _ in range(2):  # the second run reads the bank from its parse cache, as every later run does
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env).stdout
    loaded = set(next(line for line in out.splitlines() if line.startswith("MODULES")).split()[1:])
    assert "sqlite3" in loaded  # it did read the history
    forbidden = {"numpy", "rich.syntax", "interview_prep.practice.session", "interview_prep.practice.stats", "fsrs"}
    forbidden |= {"snowballstemmer", "interview_prep.grading.written"}  # rubric claims are checked once, then cached
    # It reads the schedule's part of the store only: not the attempts, their rows, figures or transfer.
    forbidden |= {f"interview_prep.store.{part}" for part in ("db", "attempts", "rows", "figures", "transfer")}
    assert not (forbidden & loaded), sorted(forbidden & loaded)


def test_show_follow_ups_lists_what_the_interviewer_may_ask() -> None:
    from interview_prep.bank import load_bank

    kmeans, batchnorm = load_bank([]).get("kmeans"), load_bank([]).get("batchnorm")
    shown = runner.invoke(app, ["show", "kmeans", "--follow-ups"], env={"COLUMNS": "200"})
    assert shown.exit_code == 0
    assert all(" ".join(fu.prompt.split()[:6]) in " ".join(shown.stdout.split()) for fu in kmeans.follow_ups)
    data = json.loads(runner.invoke(app, ["show", "batchnorm", "--follow-ups", "--json"]).stdout)
    assert batchnorm.rubric is not None
    assert data["probes"] == {kp.id: kp.probe for kp in batchnorm.rubric.key_points}
    assert set(data["challenges"]) == {mc.id for mc in batchnorm.rubric.misconceptions}
    assert "What the interviewer may ask next" not in runner.invoke(app, ["show", "kmeans"]).stdout


def test_the_entry_point_builds_one_command_with_the_same_help_and_errors() -> None:
    # main() builds only the command asked for; what users see of it must not change.
    env = {**os.environ, "COLUMNS": "80", "TERM": "dumb"}
    names = [*(c.name for c in app.registered_commands), "judge"]
    full = {name: runner.invoke(app, [name, "--help"]).stdout for name in names}
    code = (
        "import sys\n"
        "from interview_prep import cli\n"
        "args = sys.argv[1:]\n"
        "cli.build_only_what_is_asked(args)\n"
        "print('BUILT', ' '.join(c.name for c in cli.app.registered_commands), flush=True)\n"
        "cli.app(args, prog_name='prep')\n"
    )
    for name, expected in full.items():
        run = subprocess.run([sys.executable, "-c", code, name, "--help"], capture_output=True, text=True, env=env)
        built, _, shown = run.stdout.partition("\n")
        assert built.split() == (["BUILT"] if name == "judge" else ["BUILT", name])
        assert run.returncode == 0 and "".join(shown.split()) == "".join(expected.split()), (
            name
        )  # the runner wraps wider
    unknown = subprocess.run([sys.executable, "-c", code, "lst"], capture_output=True, text=True, env=env)
    assert unknown.stdout.startswith("BUILT list show grade")  # all kept: the error can suggest 'list'
    assert unknown.returncode == 2 and "Did you mean 'list'?" in unknown.stderr


def test_a_session_command_gets_the_shared_options_after_its_own_as_one_session_options(tmp_path: Path) -> None:
    seen: list[tuple[SessionOptions, str | None]] = []
    demo = typer.Typer()

    @demo.command()
    @session_command(json_help="Demo JSON.")
    def session(options: SessionOptions, name: str | None = typer.Option(None, "--name")) -> None:
        seen.append((options, name))

    args = ["--name", "x", "-m", "2.5", "-w", str(tmp_path), "--no-follow-ups", "--json", "--bank", str(tmp_path)]
    result = runner.invoke(demo, args)
    assert result.exit_code == 0, result.output
    assert seen == [(SessionOptions([tmp_path], 2.5, tmp_path, follow_ups=False, judge=None, as_json=True), "x")]
    seen.clear()
    assert runner.invoke(demo, []).exit_code == 0
    assert seen == [(SessionOptions(None, None, Path("prep-work")), None)]
    for command in ("practice", "mock"):
        text = runner.invoke(app, [command, "--help"], env={"COLUMNS": "200"}).output
        for option in ("--minutes", "--workspace", "--no-follow-ups", "--judge", "--json", "--bank"):
            assert option in text, (command, option)
