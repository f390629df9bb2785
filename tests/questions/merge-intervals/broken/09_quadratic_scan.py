# prep: merge-intervals
# ruff: noqa  (deliberately broken test data)
# bug: scans every merged interval for each new one (O(n^2)); correct but slow
# expect-fail: time grows like the expected solution
# still-passes: yes
def merge_intervals(intervals):
    for s, e in intervals:
        if s > e:
            raise ValueError("start > end")
    merged = []
    for s, e in intervals:
        keep = []
        for a, b in merged:
            if a <= e and s <= b:
                s, e = min(s, a), max(e, b)
            else:
                keep.append([a, b])
        keep.append([s, e])
        merged = keep
    return sorted(merged)
