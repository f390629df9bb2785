# prep: course-schedule
# ruff: noqa  (deliberately broken test data)
# bug: never checks the courses' range, so a bad pair raises IndexError
# expect-fail: ValueError on bad courses
from collections import deque


def course_order(num_courses, prerequisites):
    after, indeg = [[] for _ in range(max(num_courses, 0))], [0] * max(num_courses, 0)
    for c, b in prerequisites:
        after[b].append(c)
        indeg[c] += 1
    queue, order = deque(c for c in range(max(num_courses, 0)) if indeg[c] == 0), []
    while queue:
        c = queue.popleft()
        order.append(c)
        for n in after[c]:
            indeg[n] -= 1
            if indeg[n] == 0:
                queue.append(n)
    return order if len(order) == max(num_courses, 0) else []
