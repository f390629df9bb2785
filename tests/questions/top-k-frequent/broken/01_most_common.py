# prep: top-k-frequent
# ruff: noqa  (deliberately broken test data)
# bug: Counter.most_common(k): ties come in order of first appearance, not by value
# expect-fail: ties by smaller value
from collections import Counter


def top_k_frequent(nums, k):
    counts = Counter(nums)
    if not 0 <= k <= len(counts):
        raise ValueError("bad k")
    return [v for v, _ in counts.most_common(k)]
