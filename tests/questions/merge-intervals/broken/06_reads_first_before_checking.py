# prep: merge-intervals
# ruff: noqa  (deliberately broken test data)
# bug: starts from intervals[0], so the empty list raises IndexError
# expect-fail: empty list and one interval
def merge_intervals(intervals):
    for s, e in intervals:
        if s > e:
            raise ValueError("start > end")
    ordered = sorted(intervals)
    merged = [list(ordered[0])]
    for s, e in ordered[1:]:
        if s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    return merged
