# prep: dijkstra
"""Reference solution of question 31: Dijkstra with a binary heap and lazy deletion, O((V + E) log V)."""

from __future__ import annotations

import heapq


def shortest_paths(n, edges, source):
    """Adjacency lists, then a heap of (distance, node); stale entries skipped when popped."""
    if not 0 <= source < n:
        raise ValueError(f"source {source} is not a node of 0..{n - 1}")
    adjacent: list[list[tuple[int, int]]] = [[] for _ in range(n)]
    for u, v, w in edges:
        if not (0 <= u < n and 0 <= v < n):
            raise ValueError(f"the edge [{u}, {v}, {w}] names a node outside 0..{n - 1}")
        if w < 0:
            raise ValueError(f"the edge [{u}, {v}, {w}] has a negative weight")
        adjacent[u].append((v, w))
    dist: list[int | None] = [None] * n
    dist[source] = 0
    heap = [(0, source)]
    while heap:
        d, u = heapq.heappop(heap)
        if d != dist[u]:
            continue
        for v, w in adjacent[u]:
            nd = d + w
            best = dist[v]
            if best is None or nd < best:
                dist[v] = nd
                heapq.heappush(heap, (nd, v))
    return dist
