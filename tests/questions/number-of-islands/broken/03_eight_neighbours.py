# prep: number-of-islands
# ruff: noqa  (deliberately broken test data)
# bug: floods to the eight neighbours, so cells touching at a corner join
# expect-fail: diagonal cells are not connected
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
                    for di in (-1, 0, 1):
                        for dj in (-1, 0, 1):
                            a, b = i + di, j + dj
                            if 0 <= a < rows and 0 <= b < cols and (a, b) not in seen and grid[a][b] == "1":
                                seen.add((a, b))
                                stack.append((a, b))
    return count
