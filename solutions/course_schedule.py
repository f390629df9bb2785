# prep: course-schedule
"""Reference solution of question 30: Kahn's algorithm, O(V + E); fewer courses out than in means a cycle."""

from __future__ import annotations

from collections import deque


def course_order(num_courses, prerequisites):
    """In-degrees and adjacency lists, then a queue of the courses whose prerequisites are all taken."""
    if num_courses < 0:
        raise ValueError("num_courses must be >= 0")
    after: list[list[int]] = [[] for _ in range(num_courses)]
    indegree = [0] * num_courses
    for course, before in prerequisites:
        if not (0 <= course < num_courses and 0 <= before < num_courses):
            raise ValueError(f"the pair [{course}, {before}] names a course outside 0..{num_courses - 1}")
        after[before].append(course)
        indegree[course] += 1
    queue = deque(c for c in range(num_courses) if indegree[c] == 0)
    order = []
    while queue:
        c = queue.popleft()
        order.append(c)
        for nxt in after[c]:
            indegree[nxt] -= 1
            if indegree[nxt] == 0:
                queue.append(nxt)
    return order if len(order) == num_courses else []
