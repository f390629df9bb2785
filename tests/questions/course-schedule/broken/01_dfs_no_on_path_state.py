# prep: course-schedule
# ruff: noqa  (deliberately broken test data)
# bug: a DFS post-order with only a done set: a cycle recurses until RecursionError
# expect-fail: cycles give []
def course_order(num_courses, prerequisites):
    if num_courses < 0:
        raise ValueError("negative")
    for c, b in prerequisites:
        if not (0 <= c < num_courses and 0 <= b < num_courses):
            raise ValueError("out of range")
    needs = [[] for _ in range(num_courses)]
    for c, b in prerequisites:
        needs[c].append(b)
    done, order = set(), []

    def take(c):
        if c in done:
            return
        for b in needs[c]:
            take(b)
        done.add(c)
        order.append(c)

    for c in range(num_courses):
        take(c)
    return order
