# prep: number-of-islands
# ruff: noqa  (deliberately broken test data)
# bug: reads len(grid[0]) before checking for the empty grid
# expect-fail: empty grid, all water, all land
def num_islands(grid):
    rows, cols = len(grid), len(grid[0])
    if any(len(row) != cols for row in grid):
        raise ValueError("ragged")
    seen, count = set(), 0
    for r in range(rows):
        for c in range(cols):
            if grid[r][c] == "1" and (r, c) not in seen:
                count += 1
                seen.add((r, c))
                stack = [(r, c)]
                while stack:
                    i, j = stack.pop()
                    for a, b in ((i + 1, j), (i - 1, j), (i, j + 1), (i, j - 1)):
                        if 0 <= a < rows and 0 <= b < cols and (a, b) not in seen and grid[a][b] == "1":
                            seen.add((a, b))
                            stack.append((a, b))
    return count
