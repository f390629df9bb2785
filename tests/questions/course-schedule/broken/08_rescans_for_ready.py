# prep: course-schedule
# ruff: noqa  (deliberately broken test data)
# bug: finds the next ready course by scanning all courses every time (O(V^2)); correct but slow
# expect-fail: time grows like the expected solution
# still-passes: yes
def course_order(num_courses, prerequisites):
    if num_courses < 0:
        raise ValueError("negative")
    for c, b in prerequisites:
        if not (0 <= c < num_courses and 0 <= b < num_courses):
            raise ValueError("out of range")
    after, indeg = [[] for _ in range(num_courses)], [0] * num_courses
    for c, b in prerequisites:
        after[b].append(c)
        indeg[c] += 1
    taken, order = [False] * num_courses, []
    while True:
        ready = -1
        for c in range(num_courses):
            if not taken[c] and indeg[c] == 0:
                ready = c
                break
        if ready == -1:
            break
        taken[ready] = True
        order.append(ready)
        for n in after[ready]:
            indeg[n] -= 1
    return order if len(order) == num_courses else []
