# prep: longest-substring
# ruff: noqa  (deliberately broken test data)
# bug: left = last[c] + 1 without max(), so a repeat from before the window moves it back
# expect-fail: the window never moves back
def length_of_longest_substring(s):
    last, left, best = {}, 0, 0
    for right, c in enumerate(s):
        if c in last:
            left = last[c] + 1
        last[c] = right
        best = max(best, right - left + 1)
    return best
