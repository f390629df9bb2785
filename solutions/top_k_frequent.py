# prep: top-k-frequent
"""Reference solution of question 21: count with a dict, then the k smallest by (-count, value) from a heap."""

from __future__ import annotations

import heapq
from collections import Counter


def top_k_frequent(nums, k):
    """O(n) to count, O(d log k) to pick: the most frequent first, ties by smaller value."""
    counts = Counter(nums)
    if not 0 <= k <= len(counts):
        raise ValueError(f"k must be between 0 and {len(counts)} (the number of distinct values), got {k}")
    return heapq.nsmallest(k, counts, key=lambda v: (-counts[v], v))
