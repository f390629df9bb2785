# prep: number-of-islands
# ruff: noqa  (deliberately broken test data)
# bug: keeps visited cells in a list, so every membership test is a scan (O(n^2)); correct but slow
# expect-fail: time grows like the expected solution
# still-passes: yes
def num_islands(grid):
    rows = len(grid)
    cols = len(grid[0]) if rows else 0
    if any(len(row) != cols for row in grid):
        raise ValueError("ragged")
    visited, count = [], 0
    for r in range(rows):
        for c in range(cols):
            if grid[r][c] == "1" and (r, c) not in visited:
                count += 1
                visited.append((r, c))
                stack = [(r, c)]
                while stack:
                    i, j = stack.pop()
                    for a, b in ((i + 1, j), (i - 1, j), (i, j + 1), (i, j - 1)):
                        if 0 <= a < rows and 0 <= b < cols and grid[a][b] == "1" and (a, b) not in visited:
                            visited.append((a, b))
                            stack.append((a, b))
    return count
