# prep: top-k-frequent
# ruff: noqa  (deliberately broken test data)
# bug: ranks nums itself instead of its distinct values, so a frequent value is listed several times
# expect-fail: matches a brute-force oracle on random lists
from collections import Counter


def top_k_frequent(nums, k):
    counts = Counter(nums)
    if not 0 <= k <= len(counts):
        raise ValueError("bad k")
    return sorted(nums, key=lambda v: (-counts[v], v))[:k]
