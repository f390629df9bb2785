# prep: number-of-islands
# ruff: noqa  (deliberately broken test data)
# bug: marks a cell seen when popped, not when pushed, and counts every land cell it starts from
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
                stack = [(r, c)]
                while stack:
                    i, j = stack.pop()
                    seen.add((i, j))
                    for a, b in ((i + 1, j), (i, j + 1)):
                        if 0 <= a < rows and 0 <= b < cols and (a, b) not in seen and grid[a][b] == "1":
                            stack.append((a, b))
    return count
