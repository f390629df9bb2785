# prep: dijkstra
# A visited set instead of the stale-distance test, distances in a dict, adjacency from defaultdict.
import heapq
from collections import defaultdict


def shortest_paths(n, edges, source):
    if not 0 <= source < n:
        raise ValueError("source out of range")
    graph = defaultdict(list)
    for u, v, w in edges:
        if w < 0:
            raise ValueError("negative weight")
        if not (0 <= u < n and 0 <= v < n):
            raise ValueError("node out of range")
        graph[u].append((w, v))
    best = {}
    heap = [(0, source)]
    while heap:
        d, u = heapq.heappop(heap)
        if u in best:
            continue
        best[u] = d
        for w, v in graph[u]:
            if v not in best:
                heapq.heappush(heap, (d + w, v))
    return [best.get(v) for v in range(n)]
