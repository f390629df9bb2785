"""The hidden suite of question 31, Dijkstra: a Bellman-Ford oracle on random graphs, edge cases, edges kept, growth."""

from __future__ import annotations

import random

import numpy as np

from interview_prep.grading.checks import assemble, each, inputs_unchanged, value_errors
from interview_prep.grading.complexity import growth, growth_calls
from interview_prep.grading.dsa import matches, short
from interview_prep.grading.report import Category
from interview_prep.grading.suite import Call, ListArg, Suite

F = "shortest_paths"


def oracle(n: int, edges: list[list[int]], source: int) -> list[int | None]:
    """Brute force: Bellman-Ford, relaxing every edge n - 1 times."""
    inf = float("inf")
    dist = [inf] * n
    dist[source] = 0
    for _ in range(max(n - 1, 1)):
        for u, v, w in edges:
            if dist[u] + w < dist[v]:
                dist[v] = dist[u] + w
    return [None if d == inf else int(d) for d in dist]


def _random(rng: random.Random) -> tuple[int, list[list[int]], int]:
    n = rng.randint(1, 9)
    edges = [
        [rng.randrange(n), rng.randrange(n), rng.choice([0, 1, 2, 3, 5, 8, 13])] for _ in range(rng.randint(0, 3 * n))
    ]
    return n, edges, rng.randrange(n)


def _call(cid: str, n: int, edges: list[list[int]], source: int, about: str, keep: bool = False) -> Call:
    return Call(
        cid,
        F,
        (n, edges, source),
        return_args=(1,) if keep else (),
        about=f"{about}, n={n}, source={source}: {short(edges, 110)}",
    )


def _case(cid: str, n: int, edges: list[list[int]], source: int, about: str) -> tuple[Call, list[int | None]]:
    return _call(cid, n, edges, source, about), oracle(n, edges, source)


def _big(n: int) -> tuple[tuple[object, ...], dict[str, object]]:
    """A path through every node in random order (so all are reachable from the source), and 3n random edges."""
    rng = np.random.default_rng(n)
    order = np.concatenate([[0], 1 + rng.permutation(n - 1)])
    chain = np.stack([order[:-1], order[1:], rng.integers(50, 150, n - 1)], axis=1)
    m = 3 * n
    extra = np.stack([rng.integers(0, n, m), rng.integers(0, n, m), rng.integers(1, 100, m)], axis=1)
    edges = np.concatenate([chain, extra])
    return (n, ListArg(edges[rng.permutation(len(edges))]), 0), {}


def build() -> Suite:
    rng = random.Random(31)
    table = [_case(f"random-{i}", *_random(rng), f"random graph {i} (seed 31)") for i in range(200)]
    C, E = Category.CORRECTNESS, Category.EDGE_CASE
    same = lambda got, want: got == want  # noqa: E731
    weights = [
        _case("detour", 4, [[0, 3, 10], [0, 1, 1], [1, 2, 1], [2, 3, 1]], 0, "a direct heavy edge and a light detour"),
        _case(
            "late-better",
            5,
            [[0, 1, 1], [0, 2, 5], [1, 3, 10], [2, 3, 1], [3, 4, 1]],
            0,
            "a longer first hop that wins",
        ),
    ]
    edge = [
        _case("alone", 1, [], 0, "one node, no edges"),
        _case("unreachable", 5, [[0, 1, 2], [3, 4, 1]], 0, "two parts, the source in the first"),
        _case("directed", 3, [[1, 0, 1], [2, 1, 1]], 0, "edges that point towards the source only"),
        _case(
            "parallel",
            3,
            [[0, 1, 2], [0, 1, 7], [1, 2, 1], [1, 2, 4], [2, 2, 0], [0, 0, 3]],
            0,
            "parallel edges and self-loops",
        ),
        _case("zero", 4, [[0, 1, 0], [1, 2, 0], [2, 3, 0]], 0, "zero-weight edges"),
        _case("source-last", 3, [[2, 0, 4], [0, 1, 1]], 2, "the source not node 0"),
    ]
    kept = [
        _call("kept", 4, [[2, 3, 1], [0, 1, 4], [0, 2, 1], [1, 3, 1]], 0, "a small graph", keep=True),
        _call("kept-2", 3, [[0, 1, 5], [0, 1, 2], [1, 2, 1]], 0, "parallel edges", keep=True),
    ]
    bad = [
        _call("negative", 3, [[0, 1, 2], [1, 2, -1]], 0, "a negative weight"),
        _call("bad-node", 3, [[0, 3, 1]], 0, "an edge to node 3 of 3"),
        _call("bad-source", 3, [[0, 1, 1]], 5, "source 5 of 3 nodes"),
    ]
    timing = growth_calls(
        F,
        _big,
        (250, 500, 1000, 2000),
        "n log n",
        about=lambda n: f"{n:,} nodes, all reachable, and {4 * n - 1:,} edges",
    )
    parts = [
        each(
            "matches a Bellman-Ford oracle on random graphs",
            C,
            3,
            table,
            matches(same),
            f"every distance (None where unreachable) on all {len(table)} random graphs.",
            hint="Pop the closest node from a heap, skip stale entries, relax its out-edges.",
        ),
        each(
            "weights, not hops",
            C,
            1,
            weights,
            matches(same),
            "a light detour beats a heavy direct edge.",
            hint="Order the frontier by distance (a heap), not by the number of edges (a BFS queue).",
        ),
        each(
            "unreachable nodes, direction, parallel edges, zero weights",
            E,
            1,
            edge,
            matches(same),
            "None for unreachable nodes; directed, parallel and zero-weight edges handled.",
            hint="Return None for nodes never reached; keep edges one-way; keep the lightest of parallel edges.",
        ),
        inputs_unchanged(
            "edges not modified",
            C,
            1,
            kept,
            ["n", "edges", "source"],
            hint="Build adjacency lists of your own; do not sort or edit the caller's edges.",
        ),
        value_errors(
            "ValueError on negative weights or bad nodes",
            E,
            1,
            bad,
            hint="Check 0 <= u, v, source < n and w >= 0 before searching.",
        ),
        growth(timing, "A heap gives O((V + E) log V); scanning every node for the closest unvisited one is O(V^2)."),
    ]
    return assemble("dijkstra", (F,), parts, "dijkstra.py", timeout=20.0)
