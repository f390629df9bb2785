# prep: merge-intervals
# ruff: noqa  (deliberately broken test data)
# bug: keeps a current interval and forgets to append it after the loop
# expect-fail: matches a brute-force oracle on random inputs
def merge_intervals(intervals):
    for s, e in intervals:
        if s > e:
            raise ValueError("start > end")
    merged = []
    current = None
    for s, e in sorted(intervals):
        if current is None:
            current = [s, e]
        elif s <= current[1]:
            current[1] = max(current[1], e)
        else:
            merged.append(current)
            current = [s, e]
    return merged
