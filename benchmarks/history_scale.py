"""`prep stats` and `prep history` as the history grows: wall time and peak memory at 0, 1,000 and
10,000 attempts, against `prep list` (which reads one small aggregate) as the baseline, in one run.

Both read in SQL (aggregates per question; one page of attempts), so neither should grow much with
the history. The target: under 0.3 s at 10,000 attempts. The whole-file integrity check runs only
when the file changed since its last clean check; the last line times `prep stats` when it does.

The histories are filled by a child process: a child's peak memory as the kernel reports it
includes what its parent held when it forked, so a parent holding 10,000 rows would add its own
memory to every figure.

    python benchmarks/history_scale.py [--runs 5] [--sizes 0,1000,10000]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

COMMANDS = {"prep list": ["list"], "prep stats": ["stats"], "prep history": ["history"]}
QUESTIONS = [("kmeans", "coding"), ("bce", "coding"), ("bias-variance", "written"), ("batchnorm", "written")]


def fill(home: Path, n: int) -> None:
    """A history of n finished attempts over a year, each with a grade of twenty checks, as prep keeps them."""
    from interview_prep.store import open_store
    from interview_prep.store.rows import grade_to_store

    store = open_store(home / "history.sqlite3")
    rng = random.Random(0)
    t0 = datetime(2025, 1, 1, tzinfo=timezone.utc)
    rows = []
    for i in range(n):
        # Messages with figures in them, as real ones have: repeated text would compress far better.
        checks = [
            {
                "name": f"check {c}",
                "category": "correctness",
                "status": "pass",
                "points": 1,
                "max_points": 1,
                "message": f"gave {rng.random():.6f}, expected {rng.random():.6f} (seed {c}, n={rng.randint(10, 500)})",
            }
            for c in range(20)
        ]
        question, kind = QUESTIONS[i % len(QUESTIONS)]
        start = t0 + timedelta(minutes=50 * i)
        score = float(rng.randint(0, 100))
        grade = {"question": question, "kind": kind, "score": score, "passed": score >= 60, "checks": checks}
        mode = "grade" if i % 3 == 0 else "practice"
        used = None if mode == "grade" else float(rng.randint(60, 1800))
        limit = None if mode == "grade" else 1200.0
        rows.append(
            (
                question,
                kind,
                mode,
                start.isoformat(),
                (start + timedelta(minutes=20)).isoformat(),
                used,
                limit,
                int(bool(used and limit and used > limit)),
                "graded",
                "def f(): pass\n" * 30,
                None,
                score,
                int(score >= 60),
                grade_to_store(grade),
                "good" if mode != "grade" else None,
                None,
                "bench",
            )
        )
    with store.write() as c:
        c.executemany(
            "INSERT INTO attempts (question, kind, mode, started_at, ended_at, time_used_s, time_limit_s,"
            " over_time, status, answer, answer_path, score, passed, grade_json, self_rating, rating,"
            " grader_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
    store.close()


def measure(args: list[str], home: Path, runs: int, *, changed: Path | None = None) -> tuple[float, float, float]:
    """(median seconds, median CPU seconds, peak resident MB) of `prep ARGS`, each run its own process;
    with `changed`, that file's times are touched before each run, as a write by another program would.

    CPU time is the steadier figure on a machine other work shares: wall time also counts waiting."""
    prep = Path(sys.executable).with_name("prep")
    command = [str(prep)] if prep.exists() else [sys.executable, "-m", "interview_prep"]
    env = {**os.environ, "PREP_HOME": str(home), "COLUMNS": "80"}
    times, cpu, peaks = [], [], []
    for _ in range(runs):
        if changed is not None:
            os.utime(changed)
        start = time.perf_counter()
        child = subprocess.Popen([*command, *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        _, status, usage = os.wait4(child.pid, 0)
        times.append(time.perf_counter() - start)
        cpu.append(usage.ru_utime + usage.ru_stime)
        if os.waitstatus_to_exitcode(status) != 0:
            raise SystemExit(f"prep {' '.join(args)} failed with a history of that size")
        peaks.append(usage.ru_maxrss / 1024 if sys.platform != "darwin" else usage.ru_maxrss / 2**20)
    return statistics.median(times), statistics.median(cpu), max(peaks)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", default="0,1000,10000")
    parser.add_argument("--fill", nargs=2, metavar=("HOME", "N"), help=argparse.SUPPRESS)
    opts = parser.parse_args()
    if opts.fill:
        fill(Path(opts.fill[0]), int(opts.fill[1]))
        return
    sizes = [int(s) for s in opts.sizes.split(",")]
    print(f"median of {opts.runs} runs (wall, then CPU time); peak resident memory of the process")
    print(f"  {'attempts':>8}  " + "  ".join(f"{name:>22}" for name in COMMANDS))
    worst, checked, on_disk = 0.0, "", ""
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            home = Path(tmp) / str(n)
            home.mkdir()
            if n:
                subprocess.run([sys.executable, __file__, "--fill", str(home), str(n)], check=True)
            cells = []
            for name, args in COMMANDS.items():
                seconds, cpu, mb = measure(args, home, opts.runs)
                if name != "prep list" and n == max(sizes):
                    worst = max(worst, seconds)
                cells.append(f"{seconds * 1000:4.0f} {cpu * 1000:4.0f} ms {mb:4.0f} MB")
            print(f"  {n:>8}  " + "  ".join(f"{c:>22}" for c in cells))
            if n == max(sizes) and n:
                size = (home / "history.sqlite3").stat().st_size
                on_disk = (
                    f"{size / 2**20:.0f} MB, {size / n / 1024:.1f} KB an attempt (its answer, its grade compressed)"
                )
                seconds, cpu, mb = measure(COMMANDS["prep stats"], home, opts.runs, changed=home / "history.sqlite3")
                checked = f"{seconds * 1000:.0f} ms ({cpu * 1000:.0f} ms CPU), {mb:.0f} MB"
    print(f"slowest of stats and history at {max(sizes)} attempts: {worst:.2f} s (target < 0.3 s)")
    if max(sizes):
        print(f"prep stats at {max(sizes)} attempts, just after the file changed (the whole-file check): {checked}")
        print(f"the history file at {max(sizes)} attempts: {on_disk}")


if __name__ == "__main__":
    main()
