# prep: dijkstra
# ruff: noqa  (deliberately broken test data)
# bug: a BFS that takes the first distance it finds, as if every edge weighed the same
# expect-fail: weights, not hops
from collections import deque


def shortest_paths(n, edges, source):
    if not 0 <= source < n:
        raise ValueError("bad source")
    adj = [[] for _ in range(n)]
    for u, v, w in edges:
        if not (0 <= u < n and 0 <= v < n) or w < 0:
            raise ValueError("bad edge")
        adj[u].append((v, w))
    dist = [None] * n
    dist[source] = 0
    queue = deque([source])
    while queue:
        u = queue.popleft()
        for v, w in adj[u]:
            if dist[v] is None:
                dist[v] = dist[u] + w
                queue.append(v)
    return dist
