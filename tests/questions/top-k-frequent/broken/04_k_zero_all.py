# prep: top-k-frequent
# ruff: noqa  (deliberately broken test data)
# bug: the same slice with k = 0 gives [: -1], nearly everything
# expect-fail: k = 0, one element, one value, all values, negatives
from collections import Counter


def top_k_frequent(nums, k):
    counts = Counter(nums)
    if not 0 <= k <= len(counts):
        raise ValueError("bad k")
    ranked = sorted(counts, key=lambda v: (-counts[v], v))
    return ranked[: k or -1]
