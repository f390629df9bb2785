# prep: longest-substring
# ruff: noqa  (deliberately broken test data)
# bug: on a repeat, restarts the window at the repeated character itself, dropping what lies between
# expect-fail: the window never moves back
def length_of_longest_substring(s):
    seen, left, best = set(), 0, 0
    for right, c in enumerate(s):
        if c in seen:
            seen = set()
            left = right
        seen.add(c)
        best = max(best, right - left + 1)
    return best
