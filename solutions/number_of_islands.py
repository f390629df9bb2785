# prep: number-of-islands
"""Reference solution of question 29: scan the cells, flood each new island with an explicit stack and a seen grid."""

from __future__ import annotations


def num_islands(grid):
    """One flood per island, each cell visited once: O(rows x cols) time and space, no recursion."""
    rows = len(grid)
    cols = len(grid[0]) if rows else 0
    if any(len(row) != cols for row in grid):
        raise ValueError("the rows of the grid are not all the same length")
    seen = [[False] * cols for _ in range(rows)]
    islands = 0
    for r in range(rows):
        for c in range(cols):
            if grid[r][c] != "1" or seen[r][c]:
                continue
            islands += 1
            seen[r][c] = True
            stack = [(r, c)]
            while stack:
                i, j = stack.pop()
                for a, b in ((i + 1, j), (i - 1, j), (i, j + 1), (i, j - 1)):
                    if 0 <= a < rows and 0 <= b < cols and not seen[a][b] and grid[a][b] == "1":
                        seen[a][b] = True
                        stack.append((a, b))
    return islands
