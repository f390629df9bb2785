"""What a written grade adds to start-up: `prep grade answer.md -q ID --no-save` against `prep list`, in one run.

The target: grading a written answer stays within 0.3 s of start-up (the bank's load and the
command's own work included), measured here on each written question's model answer.

    python benchmarks/written_speed.py [--runs 9]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
from interview_prep.bank import load_bank  # noqa: E402 - after the checkout is on the path


def median_seconds(command: list[str], runs: int, env: dict[str, str]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, env=env, capture_output=True, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    prep = [sys.executable, "-m", "interview_prep"]
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)  # as an installed copy runs: from .pyc files
    with tempfile.TemporaryDirectory(prefix="prep-bench-") as home:
        env = {**os.environ, "PYTHONPATH": str(REPO), "PREP_HOME": home}
        base = median_seconds([*prep, "list"], args.runs, env)
        print(f"prep list (start-up)              median {base * 1000:7.0f} ms")
        worst = 0.0
        for q in load_bank([]).questions:
            if q.is_coding:
                continue
            answer = Path(home) / f"{q.id}.md"
            answer.write_text(q.how_to_answer, encoding="utf-8")
            seconds = median_seconds([*prep, "grade", str(answer), "-q", q.id, "--no-save"], args.runs, env)
            worst = max(worst, seconds - base)
            print(f"prep grade {q.id:<22} median {seconds * 1000:7.0f} ms  (+{(seconds - base) * 1000:.0f} ms)")
    print(f"largest addition to start-up: {worst * 1000:.0f} ms (target <= 300 ms)")


if __name__ == "__main__":
    main()
