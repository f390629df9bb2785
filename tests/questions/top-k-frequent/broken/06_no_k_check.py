# prep: top-k-frequent
# ruff: noqa  (deliberately broken test data)
# bug: never checks k, so too large a k returns fewer values
# expect-fail: ValueError on a bad k
from collections import Counter


def top_k_frequent(nums, k):
    counts = Counter(nums)
    return sorted(counts, key=lambda v: (-counts[v], v))[: max(k, 0)]
