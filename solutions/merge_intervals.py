# prep: merge-intervals
"""Reference solution of question 20: sort by start, then one sweep that extends or starts a merged interval."""

from __future__ import annotations


def merge_intervals(intervals):
    """Merge overlapping closed intervals; O(n log n) for the sort, one linear sweep after it."""
    for start, end in intervals:
        if start > end:
            raise ValueError(f"interval [{start}, {end}] has start > end")
    merged: list[list[int]] = []
    for start, end in sorted(intervals, key=lambda pair: pair[0]):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return merged
