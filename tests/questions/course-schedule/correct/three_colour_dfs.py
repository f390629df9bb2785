# prep: course-schedule
# Iterative three-colour DFS (0 unseen, 1 on the path, 2 done); post-order is a valid order.
def course_order(num_courses, prerequisites):
    if num_courses < 0:
        raise ValueError("num_courses must be >= 0")
    needs = [[] for _ in range(num_courses)]
    for course, before in prerequisites:
        if not (0 <= course < num_courses and 0 <= before < num_courses):
            raise ValueError("a pair names a course outside the range")
        needs[course].append(before)
    colour, order = [0] * num_courses, []
    for start in range(num_courses):
        if colour[start]:
            continue
        colour[start] = 1
        stack = [(start, iter(needs[start]))]
        while stack:
            node, it = stack[-1]
            nxt = next(it, None)
            if nxt is None:
                colour[node] = 2
                order.append(node)
                stack.pop()
            elif colour[nxt] == 1:
                return []
            elif colour[nxt] == 0:
                colour[nxt] = 1
                stack.append((nxt, iter(needs[nxt])))
    return order
