"""Precision and recall of `prep resume`'s reading: the entries and the techniques found in each fixture CV.

The fixtures (tests/resume/cvs.py) are written by fpdf2 and python-docx and as Markdown, in four layouts: one
column, two columns, a skills list only, an academic CV. An entry counts when its title is found in its
section; a technique counts per résumé, and per entry ("claimed by this entry").

    .venv/bin/python benchmarks/resume_parse.py          # exits 1 below --min (0.9)
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from interview_prep.resume.catalogue import load_catalogue  # noqa: E402 - after the checkout is on the path
from interview_prep.resume.parse import parse_resume  # noqa: E402
from interview_prep.resume.reading import read_resume  # noqa: E402
from tests.resume.cvs import FIXTURES, write  # noqa: E402


def _pr(found: set[object], expected: set[object]) -> tuple[float, float]:
    hits = len(found & expected)
    return (hits / len(found) if found else 1.0), (hits / len(expected) if expected else 1.0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min", type=float, default=0.9, help="the lowest precision or recall that passes")
    args = parser.parse_args()
    catalogue = load_catalogue()
    totals: dict[str, tuple[set[object], set[object]]] = {k: (set(), set()) for k in ("entries", "techniques")}
    totals["entry techniques"] = (set(), set())
    print(f"{'fixture':18} {'layout':18} {'entries P/R':>12} {'techniques P/R':>15}")
    with tempfile.TemporaryDirectory() as tmp:
        for fixture in FIXTURES:
            parsed = parse_resume(read_resume(write(fixture, Path(tmp))), catalogue)
            name = fixture.name
            got_entries = {(name, e.title) for e in parsed.entries}
            want_entries = {(name, i.title) for i in fixture.cv.entries}
            got_tech = {(name, t) for t in parsed.techniques}
            want_tech = {(name, t) for t in fixture.cv.techniques}
            totals["entries"][0].update(got_entries)
            totals["entries"][1].update(want_entries)
            totals["techniques"][0].update(got_tech)
            totals["techniques"][1].update(want_tech)
            totals["entry techniques"][0].update((name, e.title, t) for e in parsed.entries for t in e.techniques)
            totals["entry techniques"][1].update((name, i.title, t) for i in fixture.cv.entries for t in i.techniques)
            ep, er = _pr(got_entries, want_entries)
            tp, tr = _pr(got_tech, want_tech)
            print(f"{name:18} {fixture.cv.layout:18} {ep:5.2f}/{er:4.2f}   {tp:8.2f}/{tr:4.2f}")
    worst = 1.0
    print()
    for label, (found, expected) in totals.items():
        p, r = _pr(found, expected)
        worst = min(worst, p, r)
        print(f"{label:17} precision {p:.3f}  recall {r:.3f}  ({len(expected)} expected)")
    return 0 if worst >= args.min else 1


if __name__ == "__main__":
    raise SystemExit(main())
