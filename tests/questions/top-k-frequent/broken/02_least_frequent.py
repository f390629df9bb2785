# prep: top-k-frequent
# ruff: noqa  (deliberately broken test data)
# bug: sorts by count ascending, so the least frequent come first
# expect-fail: matches a brute-force oracle on random lists
from collections import Counter


def top_k_frequent(nums, k):
    counts = Counter(nums)
    if not 0 <= k <= len(counts):
        raise ValueError("bad k")
    return sorted(counts, key=lambda v: (counts[v], v))[:k]
