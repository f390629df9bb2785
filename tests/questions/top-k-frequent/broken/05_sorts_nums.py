# prep: top-k-frequent
# ruff: noqa  (deliberately broken test data)
# bug: sorts nums in place to count runs
# expect-fail: input not modified
from collections import Counter


def top_k_frequent(nums, k):
    counts = Counter(nums)
    if not 0 <= k <= len(counts):
        raise ValueError("bad k")
    nums.sort()
    runs, i = {}, 0
    while i < len(nums):
        j = i
        while j < len(nums) and nums[j] == nums[i]:
            j += 1
        runs[nums[i]] = j - i
        i = j
    return sorted(runs, key=lambda v: (-runs[v], v))[:k]
