"""The hidden suite of question 30, course schedule: any valid order judged, cycles found by brute force, growth."""

from __future__ import annotations

import random

import numpy as np

from interview_prep.grading.checks import assemble, each, inputs_unchanged, value_errors
from interview_prep.grading.complexity import growth, growth_calls
from interview_prep.grading.dsa import matches, short
from interview_prep.grading.report import Category
from interview_prep.grading.suite import Call, ListArg, Suite

F = "course_order"


def has_cycle(n: int, pairs: list[list[int]]) -> bool:
    """Brute force: the transitive closure (Floyd-Warshall on booleans); a cycle is a course that reaches itself."""
    reach = [[False] * n for _ in range(n)]
    for course, before in pairs:
        reach[before][course] = True
    for k in range(n):
        for i in range(n):
            if reach[i][k]:
                row_k, row_i = reach[k], reach[i]
                for j in range(n):
                    if row_k[j]:
                        row_i[j] = True
    return any(reach[i][i] for i in range(n))


def _random(rng: random.Random) -> tuple[int, list[list[int]]]:
    n = rng.randint(1, 9)
    rank = list(range(n))
    rng.shuffle(rank)
    pairs = []
    for _ in range(rng.randint(0, 2 * n)):
        a, b = rng.sample(range(n), 2) if n > 1 else (0, 0)
        if n > 1 and rank[a] < rank[b]:
            a, b = b, a  # acyclic: `before` has the smaller rank
        if n > 1:
            pairs.append([a, b])
    if pairs and rng.random() < 0.35:  # one reversed pair usually closes a cycle
        a, b = rng.choice(pairs)
        pairs.append([b, a])
    return n, pairs


def _call(cid: str, n: int, pairs: list[list[int]], about: str, keep: bool = False) -> Call:
    return Call(cid, F, (n, pairs), return_args=(1,) if keep else (), about=f"{about}, n={n}: {short(pairs, 110)}")


class Valid:
    """What a valid answer is: [] when there is a cycle, else every course once with each pair in order."""

    def __init__(self, n: int, pairs: list[list[int]]) -> None:
        self.n, self.pairs, self.cycle = n, pairs, has_cycle(n, pairs)

    def __repr__(self) -> str:
        return (
            "[] (the prerequisites have a cycle)" if self.cycle else "an order of all courses with each pair in order"
        )


def _valid(got: object, want: Valid) -> bool:
    if want.cycle:
        return got == []
    if not isinstance(got, list) or sorted(got) != list(range(want.n)):
        return False
    where = {c: i for i, c in enumerate(got)}
    return all(where[before] < where[course] for course, before in want.pairs)


def _big(n: int) -> tuple[tuple[object, ...], dict[str, object]]:
    rng = np.random.default_rng(n)
    a, b = rng.integers(0, n, 2 * n), rng.integers(0, n, 2 * n)
    keep = a != b
    course, before = np.maximum(a, b)[keep], np.minimum(a, b)[keep]
    return (n, ListArg(np.stack([course, before], axis=1))), {}


def build() -> Suite:
    rng = random.Random(30)
    table = []
    for i in range(200):
        n, pairs = _random(rng)
        table.append((_call(f"random-{i}", n, pairs, f"random prerequisites {i} (seed 30)"), Valid(n, pairs)))
    C, E = Category.CORRECTNESS, Category.EDGE_CASE

    def case(cid: str, n: int, pairs: list[list[int]], about: str) -> tuple[Call, Valid]:
        return _call(cid, n, pairs, about), Valid(n, pairs)

    edge = [
        case("zero", 0, [], "no courses"),
        case("free", 4, [], "four courses, no prerequisites"),
        case("one", 1, [], "one course"),
        case("isolated", 5, [[1, 0], [2, 1]], "a chain and two courses with no pairs"),
        case("repeated", 3, [[1, 0], [1, 0], [2, 1], [2, 1]], "repeated pairs"),
    ]
    cycles = [
        case("self", 2, [[1, 1]], "a course that is its own prerequisite"),
        case("two", 2, [[0, 1], [1, 0]], "two courses each before the other"),
        case("long", 6, [[1, 0], [2, 1], [3, 2], [4, 3], [1, 4], [5, 0]], "a cycle of four behind course 0"),
        case("split", 7, [[1, 0], [2, 1], [4, 3], [5, 4], [3, 5], [6, 6]], "disconnected, a cycle in one part"),
    ]
    kept = [
        _call("kept", 4, [[3, 1], [1, 0], [2, 0], [3, 2]], "a diamond", keep=True),
        _call("kept-cycle", 3, [[1, 0], [2, 1], [0, 2]], "a cycle", keep=True),
    ]
    bad = [
        _call("bad-range", 3, [[1, 0], [3, 1]], "a pair naming course 3 of 3"),
        _call("bad-negative", -1, [], "num_courses = -1"),
        _call("bad-negative-course", 2, [[0, -1]], "a pair naming course -1"),
    ]
    timing = growth_calls(
        F, _big, (500, 1000, 2000, 4000), "linear, V + E", about=lambda n: f"{n:,} courses and about {2 * n:,} pairs"
    )
    parts = [
        each(
            "valid order or [] on random prerequisites",
            C,
            3,
            table,
            matches(_valid),
            f"a valid order, or [] for a cycle, on all {len(table)} random inputs.",
            hint="Kahn's algorithm: queue the courses of in-degree 0, and return [] if not all come out.",
        ),
        each(
            "no courses, isolated courses, repeated pairs",
            E,
            1,
            edge,
            matches(_valid),
            "every course once, isolated ones and repeated pairs included.",
            hint="Start from every course of in-degree 0, isolated ones too; count a repeated pair twice consistently.",
        ),
        each(
            "cycles give []",
            C,
            2,
            cycles,
            matches(_valid),
            "[] for a self-loop, a 2-cycle, a longer cycle and a cycle in one component of several.",
            hint="Fewer courses out than num_courses means a cycle; a DFS needs an on-path state to see it.",
        ),
        inputs_unchanged(
            "prerequisites not modified",
            C,
            1,
            kept,
            ["num_courses", "prerequisites"],
            hint="Build your own in-degree and adjacency structures; leave the pairs alone.",
        ),
        value_errors(
            "ValueError on bad courses", E, 1, bad, hint="Check num_courses >= 0 and 0 <= course, before < num_courses."
        ),
        growth(
            timing,
            "Adjacency lists and a queue of ready courses: O(V + E). Rescanning all courses for a ready one is O(V^2).",
        ),
    ]
    return assemble("course-schedule", (F,), parts, "course_schedule.py", timeout=20.0)
