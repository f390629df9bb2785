# prep: course-schedule
# ruff: noqa  (deliberately broken test data)
# bug: reads each pair as [before, course], so the order comes out backwards
# expect-fail: valid order or [] on random prerequisites
from collections import deque


def course_order(num_courses, prerequisites):
    if num_courses < 0:
        raise ValueError("negative")
    for c, b in prerequisites:
        if not (0 <= c < num_courses and 0 <= b < num_courses):
            raise ValueError("out of range")
    after, indeg = [[] for _ in range(num_courses)], [0] * num_courses
    for b, c in prerequisites:
        after[b].append(c)
        indeg[c] += 1
    queue, order = deque(c for c in range(num_courses) if indeg[c] == 0), []
    while queue:
        c = queue.popleft()
        order.append(c)
        for n in after[c]:
            indeg[n] -= 1
            if indeg[n] == 0:
                queue.append(n)
    return order if len(order) == num_courses else []
