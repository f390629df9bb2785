# prep: longest-substring
# ruff: noqa  (deliberately broken test data)
# bug: lower-cases the string first, so 'a' and 'A' count as the same character
# expect-fail: every character counts (case, spaces, unicode)
def length_of_longest_substring(s):
    s = s.lower()
    last, left, best = {}, 0, 0
    for right, c in enumerate(s):
        if last.get(c, -1) >= left:
            left = last[c] + 1
        last[c] = right
        best = max(best, right - left + 1)
    return best
