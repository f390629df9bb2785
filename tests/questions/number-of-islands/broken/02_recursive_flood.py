# prep: number-of-islands
# ruff: noqa  (deliberately broken test data)
# bug: a recursive flood fill: RecursionError on a winding island of 1,830 cells
# expect-fail: a long winding island
def num_islands(grid):
    rows = len(grid)
    cols = len(grid[0]) if rows else 0
    if any(len(row) != cols for row in grid):
        raise ValueError("ragged")
    seen = set()

    def flood(i, j):
        if not (0 <= i < rows and 0 <= j < cols) or (i, j) in seen or grid[i][j] != "1":
            return
        seen.add((i, j))
        flood(i + 1, j)
        flood(i - 1, j)
        flood(i, j + 1)
        flood(i, j - 1)

    count = 0
    for r in range(rows):
        for c in range(cols):
            if grid[r][c] == "1" and (r, c) not in seen:
                count += 1
                flood(r, c)
    return count
