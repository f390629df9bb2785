# prep: min-window
# The "formed" variant: count how many distinct characters have reached their need, shrink while formed.
from collections import Counter


def min_window(s, t):
    if not t or not s:
        return ""
    need = Counter(t)
    have = Counter()
    formed, required = 0, len(need)
    best_len, best_start = float("inf"), 0
    left = 0
    for right, c in enumerate(s):
        have[c] += 1
        if c in need and have[c] == need[c]:
            formed += 1
        while formed == required:
            if right - left + 1 < best_len:
                best_len, best_start = right - left + 1, left
            d = s[left]
            have[d] -= 1
            if d in need and have[d] < need[d]:
                formed -= 1
            left += 1
    return "" if best_len == float("inf") else s[best_start : best_start + best_len]
