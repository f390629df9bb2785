# prep: level-order
# ruff: noqa  (deliberately broken test data)
# bug: tests len(queue) on every step instead of fixing the level size first, so levels run together
# expect-fail: matches a brute-force oracle on random trees
from collections import deque


class TreeNode:
    def __init__(self, val=0, left=None, right=None):
        self.val = val
        self.left = left
        self.right = right


def level_order(root):
    levels, queue = [], deque([root] if root else [])
    while queue:
        level, i = [], 0
        while i < len(queue):
            node = queue.popleft()
            level.append(node.val)
            for child in (node.left, node.right):
                if child:
                    queue.append(child)
            i += 1
        levels.append(level)
    return levels
