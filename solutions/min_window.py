# prep: min-window
"""Reference solution of question 25: a sliding window with counts and one `missing` counter, O(|s| + |t|)."""

from __future__ import annotations

from collections import Counter


def min_window(s, t):
    """Each index enters and leaves the window once; the first shortest window is kept."""
    if not t:
        return ""
    need = Counter(t)
    missing = len(t)
    left = 0
    best = (0, 0)
    for right, c in enumerate(s):
        if need[c] > 0:
            missing -= 1
        need[c] -= 1
        if missing == 0:
            while need[s[left]] < 0:
                need[s[left]] += 1
                left += 1
            if best == (0, 0) or right + 1 - left < best[1] - best[0]:
                best = (left, right + 1)
            need[s[left]] += 1
            missing += 1
            left += 1
    return s[best[0] : best[1]]
