# prep: min-window
# ruff: noqa  (deliberately broken test data)
# bug: records the window as soon as it is complete, without shrinking it from the left first
# expect-fail: matches a brute-force oracle on random strings
from collections import Counter


def min_window(s, t):
    if not t:
        return ""
    need = Counter(t)
    missing, left, best = len(t), 0, None
    for right, c in enumerate(s):
        if need[c] > 0:
            missing -= 1
        need[c] -= 1
        if missing == 0:
            if best is None or right + 1 - left < len(best):
                best = s[left : right + 1]
            need[s[left]] += 1
            if need[s[left]] > 0:
                missing += 1
            left += 1
    return best or ""
