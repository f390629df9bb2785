# prep: merge-intervals
# ruff: noqa  (deliberately broken test data)
# bug: sorts the caller's list in place
# expect-fail: input not modified
def merge_intervals(intervals):
    for s, e in intervals:
        if s > e:
            raise ValueError("start > end")
    intervals.sort()
    merged = []
    for s, e in intervals:
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    return merged
