# prep: dijkstra
# ruff: noqa  (deliberately broken test data)
# bug: marks a node done when it is first pushed, so a later, shorter path is ignored
# expect-fail: weights, not hops
import heapq


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
    done = {source}
    heap = [(0, source)]
    while heap:
        d, u = heapq.heappop(heap)
        for v, w in adj[u]:
            if v not in done:
                done.add(v)
                dist[v] = d + w
                heapq.heappush(heap, (d + w, v))
    return dist
