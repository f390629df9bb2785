# prep: merge-intervals
# ruff: noqa  (deliberately broken test data)
# bug: sets the end to the next interval's end, so a nested interval shrinks the merged one
# expect-fail: nested and duplicate intervals
def merge_intervals(intervals):
    for s, e in intervals:
        if s > e:
            raise ValueError("start > end")
    merged = []
    for s, e in sorted(intervals):
        if merged and s <= merged[-1][1]:
            merged[-1][1] = e
        else:
            merged.append([s, e])
    return merged
