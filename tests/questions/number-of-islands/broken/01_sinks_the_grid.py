# prep: number-of-islands
# ruff: noqa  (deliberately broken test data)
# bug: sinks each island by writing '0' into the caller's grid
# expect-fail: grid not modified
def num_islands(grid):
    rows = len(grid)
    cols = len(grid[0]) if rows else 0
    if any(len(row) != cols for row in grid):
        raise ValueError("ragged")
    count = 0
    for r in range(rows):
        for c in range(cols):
            if grid[r][c] == "1":
                count += 1
                stack = [(r, c)]
                grid[r][c] = "0"
                while stack:
                    i, j = stack.pop()
                    for a, b in ((i + 1, j), (i - 1, j), (i, j + 1), (i, j - 1)):
                        if 0 <= a < rows and 0 <= b < cols and grid[a][b] == "1":
                            grid[a][b] = "0"
                            stack.append((a, b))
    return count
