"""Start-up time of `prep list` and `prep --help` against a minimal one-command Typer app, in one run.

Shell completion and every quick look run the program, so start-up is a feature. The minimal
app is the floor any Typer CLI pays; the minimal table app does what `prep list` does (a Rich
table with as many rows as the bank has questions) with the data inline. The target: `prep list`
within 1.2x of the latter.

    python benchmarks/startup.py [--runs 21]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

MINIMAL_APP = """
import typer
app = typer.Typer()
@app.command()
def hello(name: str = "x") -> None:
    print("hello", name)
app()
"""

# The same job as `prep list` with the data inline: a one-command Typer app printing the same
# Rich table. `prep list` over it is what the bank, the CLI layer and the cache cost.
MINIMAL_TABLE_APP = """
import typer
app = typer.Typer()
import os
ROWS = [(str(i), f"question-{i}", f"The title of question {i}", "fundamentals", "medium", "15")
        for i in range(1, int(os.environ["ROWS"]) + 1)]
@app.command()
def show(json: bool = False) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich import box
    table = Table(title="Question bank", title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False)
    for name in ("#", "id", "title", "category", "level", "min"):
        table.add_column(name)
    for row in ROWS:
        table.add_row(*row)
    Console().print(table)
app()
"""


def median_seconds(command: list[str], runs: int, cwd: str, env: dict[str, str] | None = None) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, cwd=cwd, env=env)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    py = sys.executable
    prep = os.path.join(os.path.dirname(py), "prep")
    prep_cmd = [prep] if os.path.exists(prep) else [py, "-m", "interview_prep"]
    # Installed packages run from .pyc files (pip compiles them); with this set, an editable
    # install would recompile every module on every run and measure the compiler.
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryDirectory() as home, tempfile.TemporaryDirectory() as with_history:
        os.environ["PREP_HOME"] = home  # no user history: measure the bare command
        listed = subprocess.run([*prep_cmd, "list", "--json"], capture_output=True, text=True, check=True, cwd=home)
        os.environ["ROWS"] = str(len(json.loads(listed.stdout)))
        # A second home with a history of a few graded attempts: list then reads SQLite for its columns.
        history_env = {**os.environ, "PREP_HOME": with_history}
        answer = os.path.join(with_history, "answer.md")
        with open(answer, "w", encoding="utf-8") as f:
            f.write("Bias is error from wrong assumptions; variance is sensitivity to the training sample.\n")
        for _ in range(3):
            subprocess.run([*prep_cmd, "grade", answer, "-q", "bias-variance"], env=history_env, capture_output=True)
        cases = {
            "python -c pass": [py, "-c", "pass"],
            "minimal typer app": [py, "-c", MINIMAL_APP, "--name", "y"],
            "minimal typer --help": [py, "-c", MINIMAL_APP, "--help"],
            "minimal typer table": [py, "-c", MINIMAL_TABLE_APP],
            "prep list": [*prep_cmd, "list"],
            "prep list (history)": [*prep_cmd, "list"],
            "prep --help": [*prep_cmd, "--help"],
        }
        # Each case's environment: the history case differs only in PREP_HOME (no `env` exec to pay for).
        envs = {name: history_env if name == "prep list (history)" else None for name in cases}
        for name, command in cases.items():  # warm the file cache and .pyc files
            subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=home, env=envs[name])
        # Interleave the cases so that load on a shared machine hits them all alike.
        samples: dict[str, list[float]] = {name: [] for name in cases}
        for _ in range(args.runs):
            for name, command in cases.items():
                samples[name].append(median_seconds(command, 1, home, envs[name]))
    medians = {name: statistics.median(values) for name, values in samples.items()}
    import typer

    print(
        f"typer {typer.__version__}, Python {sys.version.split()[0]}, {os.environ['ROWS']} questions, "
        f"{args.runs} runs each, medians:"
    )
    for name, value in medians.items():
        print(f"  {name:<22} {value * 1000:7.1f} ms")
    print(f"  prep list   / minimal typer table : {medians['prep list'] / medians['minimal typer table']:.2f}x")
    print(f"  prep list   / minimal typer app   : {medians['prep list'] / medians['minimal typer app']:.2f}x")
    with_history = medians["prep list (history)"] / medians["minimal typer table"]
    print(f"  prep list with a history / table  : {with_history:.2f}x (target <= 1.2x)")
    print(f"  prep --help / minimal typer --help: {medians['prep --help'] / medians['minimal typer --help']:.2f}x")


if __name__ == "__main__":
    main()
