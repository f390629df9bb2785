# prep: longest-substring
# ruff: noqa  (deliberately broken test data)
# bug: the window's length as right - left, one short
# expect-fail: matches a brute-force oracle on random strings
def length_of_longest_substring(s):
    last, left, best = {}, 0, 0
    for right, c in enumerate(s):
        if last.get(c, -1) >= left:
            left = last[c] + 1
        last[c] = right
        best = max(best, right - left)
    return best
