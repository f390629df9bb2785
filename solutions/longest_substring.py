# prep: longest-substring
"""Reference solution of question 23: a sliding window with each character's last index, O(n)."""

from __future__ import annotations


def length_of_longest_substring(s):
    """The window s[left:right + 1] never holds a repeat; left only moves forward."""
    last: dict[str, int] = {}
    left = best = 0
    for right, c in enumerate(s):
        if last.get(c, -1) >= left:
            left = last[c] + 1
        last[c] = right
        best = max(best, right - left + 1)
    return best
