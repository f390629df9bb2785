# prep: dijkstra
# ruff: noqa  (deliberately broken test data)
# bug: picks the closest unvisited node by scanning all nodes (O(V^2)); correct but slow on sparse graphs
# expect-fail: time grows like the expected solution
# still-passes: yes
def shortest_paths(n, edges, source):
    if not 0 <= source < n:
        raise ValueError("bad source")
    adj = [[] for _ in range(n)]
    for u, v, w in edges:
        if not (0 <= u < n and 0 <= v < n) or w < 0:
            raise ValueError("bad edge")
        adj[u].append((v, w))
    inf = float("inf")
    dist, done = [inf] * n, [False] * n
    dist[source] = 0
    for _ in range(n):
        u, best = -1, inf
        for i in range(n):
            if not done[i] and dist[i] < best:
                u, best = i, dist[i]
        if u == -1:
            break
        done[u] = True
        for v, w in adj[u]:
            if best + w < dist[v]:
                dist[v] = best + w
    return [None if d == inf else d for d in dist]
