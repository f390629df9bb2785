# prep: min-window
# ruff: noqa  (deliberately broken test data)
# bug: needs each character of t once (a set), not as often as it appears
# expect-fail: repeated characters in t
from collections import Counter


def min_window(s, t):
    if not t:
        return ""
    t = "".join(set(t))
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
            if best is None or right + 1 - left < len(best):
                best = s[left : right + 1]
            need[s[left]] += 1
            missing += 1
            left += 1
    return best or ""
