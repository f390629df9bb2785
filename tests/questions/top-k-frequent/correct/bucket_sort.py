# prep: top-k-frequent
# Bucket sort by count (O(n)): buckets from the highest count down, each bucket sorted for the tie rule.
def top_k_frequent(nums, k):
    counts = {}
    for x in nums:
        counts[x] = counts.get(x, 0) + 1
    if k < 0 or k > len(counts):
        raise ValueError("k must be between 0 and the number of distinct values")
    buckets = [[] for _ in range(len(nums) + 1)]
    for value, c in counts.items():
        buckets[c].append(value)
    out = []
    for c in range(len(nums), 0, -1):
        for value in sorted(buckets[c]):
            if len(out) == k:
                return out
            out.append(value)
    return out
