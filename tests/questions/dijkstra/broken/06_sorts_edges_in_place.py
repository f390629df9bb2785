# prep: dijkstra
# ruff: noqa  (deliberately broken test data)
# bug: sorts the caller's edges in place by weight
# expect-fail: edges not modified
import heapq


def shortest_paths(n, edges, source):
    edges.sort(key=lambda e: e[2])
    if not 0 <= source < n:
        raise ValueError("bad source")
    adj = [[] for _ in range(n)]
    for u, v, w in edges:
        if not (0 <= u < n and 0 <= v < n) or w < 0:
            raise ValueError("bad edge")
        adj[u].append((v, w))
    dist = [None] * n
    dist[source] = 0
    heap = [(0, source)]
    while heap:
        d, u = heapq.heappop(heap)
        if d != dist[u]:
            continue
        for v, w in adj[u]:
            if dist[v] is None or d + w < dist[v]:
                dist[v] = d + w
                heapq.heappush(heap, (d + w, v))
    return dist
