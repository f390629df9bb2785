# prep: longest-substring
# ruff: noqa  (deliberately broken test data)
# bug: looks up the repeat with s.index(c), its first occurrence, not its last
# expect-fail: the window never moves back
def length_of_longest_substring(s):
    left, best = 0, 0
    for right, c in enumerate(s):
        if c in s[left:right]:
            left = s.index(c) + 1
        best = max(best, right - left + 1)
    return best
