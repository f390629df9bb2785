# prep: longest-substring
# ruff: noqa  (deliberately broken test data)
# bug: shrinks the window by one character per repeat (if, not while), so a repeat can stay inside
# expect-fail: matches a brute-force oracle on random strings
def length_of_longest_substring(s):
    window, left, best = set(), 0, 0
    for right, c in enumerate(s):
        if c in window:
            window.discard(s[left])
            left += 1
        window.add(c)
        best = max(best, right - left + 1)
    return best
