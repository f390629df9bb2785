# prep: number-of-islands
# Union-find over the land cells, with path halving; islands are the roots left.
def num_islands(grid):
    rows = len(grid)
    cols = len(grid[0]) if rows else 0
    if any(len(row) != cols for row in grid):
        raise ValueError("the rows are not all the same length")
    parent = {(r, c): (r, c) for r in range(rows) for c in range(cols) if grid[r][c] == "1"}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for r, c in parent:
        for n in ((r + 1, c), (r, c + 1)):
            if n in parent:
                parent[find(n)] = find((r, c))
    return sum(1 for cell in parent if find(cell) == cell)
