# prep: top-k-frequent
# ruff: noqa  (deliberately broken test data)
# bug: a bucket array indexed by value, which breaks on negative values
# expect-fail: k = 0, one element, one value, all values, negatives
def top_k_frequent(nums, k):
    if not nums:
        if k:
            raise ValueError("bad k")
        return []
    counts = [0] * (max(nums) + 1)
    for x in nums:
        counts[x] += 1
    values = [v for v in range(len(counts)) if counts[v]]
    if not 0 <= k <= len(values):
        raise ValueError("bad k")
    return sorted(values, key=lambda v: (-counts[v], v))[:k]
