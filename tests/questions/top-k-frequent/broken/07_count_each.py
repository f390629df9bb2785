# prep: top-k-frequent
# ruff: noqa  (deliberately broken test data)
# bug: counts each value with nums.count (O(n^2)); correct but slow
# expect-fail: time grows like the expected solution
# still-passes: yes
def top_k_frequent(nums, k):
    counts = {}
    for x in nums:
        counts[x] = nums.count(x)
    if not 0 <= k <= len(counts):
        raise ValueError("bad k")
    return sorted(counts, key=lambda v: (-counts[v], v))[:k]
