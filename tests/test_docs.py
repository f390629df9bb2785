"""The README documents every command, and CI runs exactly the README's test command."""

from __future__ import annotations

import re
from pathlib import Path

import typer.main

from interview_prep.cli import app

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands() -> dict[str, object]:
    group = typer.main.get_group(app)
    return dict(group.commands)


def test_every_command_has_help_and_a_readme_mention() -> None:
    commands = _commands()
    assert {"list", "show", "grade"} <= commands.keys()
    for name, command in commands.items():
        assert getattr(command, "help", None), f"prep {name} has no help text"
        assert re.search(rf"^prep {name}\b", README, re.MULTILINE), f"README's tour does not show prep {name}"


def test_ci_runs_the_readme_test_command() -> None:
    blocks = re.findall(r"```sh\n(.*?)```", README, re.DOTALL)
    test_command = next(line for block in blocks for line in block.splitlines() if "pytest" in line)
    assert test_command in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
