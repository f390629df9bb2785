# prep: merge-intervals
# ruff: noqa  (deliberately broken test data)
# bug: never checks start <= end
# expect-fail: ValueError when start > end
def merge_intervals(intervals):
    merged = []
    for s, e in sorted(intervals):
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    return merged
