# prep: number-of-islands
# ruff: noqa  (deliberately broken test data)
# bug: floods only down and right, so a U-shaped island counts twice
# expect-fail: matches a brute-force oracle on random grids
def num_islands(grid):
    rows = len(grid)
    cols = len(grid[0]) if rows else 0
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
                    for a, b in ((i + 1, j), (i, j + 1)):
                        if a < rows and b < cols and (a, b) not in seen and grid[a][b] == "1":
                            seen.add((a, b))
                            stack.append((a, b))
    return count
