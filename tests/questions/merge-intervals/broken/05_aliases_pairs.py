# prep: merge-intervals
# ruff: noqa  (deliberately broken test data)
# bug: appends the caller's pairs and then extends their ends
# expect-fail: input not modified
def merge_intervals(intervals):
    for s, e in intervals:
        if s > e:
            raise ValueError("start > end")
    merged = []
    for pair in sorted(intervals):
        if merged and pair[0] <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], pair[1])
        else:
            merged.append(pair)
    return merged
