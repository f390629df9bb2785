# prep: merge-intervals
# ruff: noqa  (deliberately broken test data)
# bug: sweeps in input order without sorting first
# expect-fail: matches a brute-force oracle on random inputs
def merge_intervals(intervals):
    for s, e in intervals:
        if s > e:
            raise ValueError("start > end")
    merged = []
    for s, e in intervals:
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    return merged
