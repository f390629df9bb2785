# prep: number-of-islands
# ruff: noqa  (deliberately broken test data)
# bug: never checks that the rows have the same length
# expect-fail: ValueError on ragged rows
def num_islands(grid):
    seen, count = set(), 0
    for r in range(len(grid)):
        for c in range(len(grid[r])):
            if grid[r][c] == "1" and (r, c) not in seen:
                count += 1
                seen.add((r, c))
                stack = [(r, c)]
                while stack:
                    i, j = stack.pop()
                    for a, b in ((i + 1, j), (i - 1, j), (i, j + 1), (i, j - 1)):
                        if 0 <= a < len(grid) and 0 <= b < len(grid[a]) and (a, b) not in seen and grid[a][b] == "1":
                            seen.add((a, b))
                            stack.append((a, b))
    return count
