# prep: merge-intervals
# ruff: noqa  (deliberately broken test data)
# bug: merges only when next start < current end, so touching intervals stay apart
# expect-fail: touching intervals merge
def merge_intervals(intervals):
    for s, e in intervals:
        if s > e:
            raise ValueError("start > end")
    merged = []
    for s, e in sorted(intervals):
        if merged and s < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    return merged
