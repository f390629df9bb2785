"""The hidden suite of question 29, number of islands: an oracle on random grids, edge cases, the grid kept, growth."""

from __future__ import annotations

import random

import numpy as np

from interview_prep.grading.checks import assemble, each, inputs_unchanged, value_errors
from interview_prep.grading.complexity import growth, growth_calls
from interview_prep.grading.dsa import matches
from interview_prep.grading.report import Category
from interview_prep.grading.suite import Call, ListArg, Suite

F = "num_islands"


def oracle(grid: list[list[str]]) -> int:
    """Brute force: every land cell starts with its own label; each takes the least label among its
    land neighbours until nothing changes; islands are the distinct labels left."""
    rows = len(grid)
    cols = len(grid[0]) if rows else 0
    label = {(r, c): r * cols + c for r in range(rows) for c in range(cols) if grid[r][c] == "1"}
    changed = True
    while changed:
        changed = False
        for (r, c), v in list(label.items()):
            best = min([v] + [label[n] for n in ((r + 1, c), (r - 1, c), (r, c + 1), (r, c - 1)) if n in label])
            if best < v:
                label[(r, c)] = best
                changed = True
    return len(set(label.values()))


def _grid(rng: random.Random, rows: int, cols: int, land: float) -> list[list[str]]:
    return [["1" if rng.random() < land else "0" for _ in range(cols)] for _ in range(rows)]


def _text(grid: list[list[str]]) -> str:
    shown = "/".join("".join(row) for row in grid[:8])
    return shown + ("/..." if len(grid) > 8 else "")


def _call(cid: str, grid: list[list[str]], about: str, keep: bool = False) -> Call:
    size = f"{len(grid)}x{len(grid[0]) if grid else 0}"
    return Call(cid, F, (grid,), return_args=(0,) if keep else (), about=f"{about} ({size}): {_text(grid)}")


def _snake(side: int) -> list[list[str]]:
    """One island winding through the whole grid: every other row land, joined at alternate ends."""
    grid = [["0"] * side for _ in range(side)]
    for r in range(0, side, 2):
        grid[r] = ["1"] * side
        if r + 1 < side:
            grid[r + 1][side - 1 if (r // 2) % 2 == 0 else 0] = "1"
    return grid


def _big(cells: int) -> tuple[tuple[object, ...], dict[str, object]]:
    side = int(round(cells**0.5))
    land = np.random.default_rng(cells).random((side, side)) < 0.6
    return (ListArg(np.where(land, "1", "0")),), {}


def build() -> Suite:
    rng = random.Random(29)
    table = []
    for i in range(150):
        grid = _grid(rng, rng.randint(1, 8), rng.randint(1, 8), rng.choice([0.3, 0.5, 0.7]))
        table.append((_call(f"random-{i}", grid, f"random grid {i} (seed 29)"), oracle(grid)))
    C, E = Category.CORRECTNESS, Category.EDGE_CASE
    same = lambda got, want: got == want  # noqa: E731
    edge = [
        (_call("empty", [], "the empty grid"), 0),
        (_call("empty-rows", [[], []], "two empty rows"), 0),
        (_call("water", [["0"] * 4] * 3, "all water"), 0),
        (_call("land", [["1"] * 5] * 4, "all land"), 1),
        (_call("single", [["1"]], "a single land cell"), 1),
    ]
    diagonal = [
        (_call("diagonal", [["1", "0"], ["0", "1"]], "two cells touching only at a corner"), 2),
        (
            _call(
                "checker", [["1" if (r + c) % 2 == 0 else "0" for c in range(5)] for r in range(5)], "a checkerboard"
            ),
            13,
        ),
    ]
    snake = _snake(60)
    deep = [(_call("snake", snake, "one island winding through a 60x60 grid"), 1)]
    kept = [
        _call("kept", [["1", "1", "0"], ["0", "1", "0"], ["1", "0", "1"]], "three islands", keep=True),
        _call("kept-2", [["0", "1"], ["1", "1"]], "one island", keep=True),
    ]
    bad = [_call("ragged", [["1", "0"], ["1"]], "rows of lengths 2 and 1")]
    timing = growth_calls(
        F,
        _big,
        (600, 1200, 2400, 4800),
        "linear in cells",
        size_name="cells",
        about=lambda n: f"a random grid of {n:,} cells",
    )
    parts = [
        each(
            "matches a brute-force oracle on random grids",
            C,
            3,
            table,
            matches(same),
            f"the island count of all {len(table)} random grids.",
            hint="Flood each unseen land cell's island, marking cells as you go, and count the floods.",
        ),
        each(
            "empty grid, all water, all land",
            E,
            1,
            edge,
            matches(same),
            "0 for empty and all-water grids, 1 for all land.",
            hint="len(grid) can be 0 and rows can be empty: check before reading grid[0].",
        ),
        each(
            "diagonal cells are not connected",
            E,
            1,
            diagonal,
            matches(same),
            "only up, down, left and right connect.",
            hint="Four neighbours: (r+1, c), (r-1, c), (r, c+1), (r, c-1).",
        ),
        each(
            "a long winding island",
            E,
            1,
            deep,
            matches(same),
            "an island of 1,830 cells in one winding line counts once.",
            hint="A recursive flood recurses once per cell; use an explicit stack or a deque.",
        ),
        inputs_unchanged(
            "grid not modified",
            C,
            1,
            kept,
            ["grid"],
            hint="Mark visited cells in a set or your own grid, not by writing '0' into the caller's.",
        ),
        value_errors("ValueError on ragged rows", E, 1, bad, hint="Check every row has len(grid[0]) cells."),
        growth(
            timing,
            "Keep visited cells in a set or a boolean grid: `cell in visited_list` is O(n) per check, O(n^2) in all.",
        ),
    ]
    return assemble("number-of-islands", (F,), parts, "number_of_islands.py", timeout=20.0)
