# prep: course-schedule
# ruff: noqa  (deliberately broken test data)
# bug: starts from the courses that appear in pairs, so courses without prerequisites or dependants are missing
# expect-fail: no courses, isolated courses, repeated pairs
from collections import deque


def course_order(num_courses, prerequisites):
    if num_courses < 0:
        raise ValueError("negative")
    for c, b in prerequisites:
        if not (0 <= c < num_courses and 0 <= b < num_courses):
            raise ValueError("out of range")
    after, indeg = {}, {}
    for c, b in prerequisites:
        after.setdefault(b, []).append(c)
        after.setdefault(c, [])
        indeg[c] = indeg.get(c, 0) + 1
        indeg.setdefault(b, 0)
    queue, order = deque(c for c in indeg if indeg[c] == 0), []
    while queue:
        c = queue.popleft()
        order.append(c)
        for n in after[c]:
            indeg[n] -= 1
            if indeg[n] == 0:
                queue.append(n)
    return order if len(order) == len(indeg) else []
