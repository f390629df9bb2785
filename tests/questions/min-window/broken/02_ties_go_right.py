# prep: min-window
# ruff: noqa  (deliberately broken test data)
# bug: replaces the best window when the new one is as short (<=), so the rightmost tie wins
# expect-fail: the leftmost of the shortest
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
            while need[s[left]] < 0:
                need[s[left]] += 1
                left += 1
            if best is None or right + 1 - left <= len(best):
                best = s[left : right + 1]
            need[s[left]] += 1
            missing += 1
            left += 1
    return best or ""
