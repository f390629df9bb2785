# prep: dijkstra
# ruff: noqa  (deliberately broken test data)
# bug: returns float('inf') for unreachable nodes instead of None
# expect-fail: unreachable nodes, direction, parallel edges, zero weights
import heapq


def shortest_paths(n, edges, source):
    if not 0 <= source < n:
        raise ValueError("bad source")
    adj = [[] for _ in range(n)]
    for u, v, w in edges:
        if not (0 <= u < n and 0 <= v < n) or w < 0:
            raise ValueError("bad edge")
        adj[u].append((v, w))
    dist = [float("inf")] * n
    dist[source] = 0
    heap = [(0, source)]
    while heap:
        d, u = heapq.heappop(heap)
        if d > dist[u]:
            continue
        for v, w in adj[u]:
            if d + w < dist[v]:
                dist[v] = d + w
                heapq.heappush(heap, (d + w, v))
    return dist
