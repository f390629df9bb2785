# prep: merge-intervals
# A stack of (start, end) tuples, sorted by (start, end); lists made at the end.
def merge_intervals(intervals):
    if any(s > e for s, e in intervals):
        raise ValueError("an interval has start > end")
    stack = []
    for s, e in sorted(map(tuple, intervals)):
        if stack and s <= stack[-1][1]:
            top = stack.pop()
            stack.append((top[0], max(top[1], e)))
        else:
            stack.append((s, e))
    return [list(p) for p in stack]
