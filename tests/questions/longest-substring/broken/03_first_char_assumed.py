# prep: longest-substring
# ruff: noqa  (deliberately broken test data)
# bug: starts best at 1, as if the string had at least one character
# expect-fail: empty, one character, all same, all different
def length_of_longest_substring(s):
    last, left, best = {}, 0, 1
    for right, c in enumerate(s):
        if last.get(c, -1) >= left:
            left = last[c] + 1
        last[c] = right
        best = max(best, right - left + 1)
    return best
