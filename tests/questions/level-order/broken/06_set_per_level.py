# prep: level-order
# ruff: noqa  (deliberately broken test data)
# bug: collects each level in a set, so repeated values collapse (and order is lost)
# expect-fail: duplicate values
from collections import deque


class TreeNode:
    def __init__(self, val=0, left=None, right=None):
        self.val = val
        self.left = left
        self.right = right


def level_order(root):
    levels, queue = [], deque([root] if root else [])
    while queue:
        seen = {}
        for _ in range(len(queue)):
            node = queue.popleft()
            seen[node.val] = True
            for child in (node.left, node.right):
                if child:
                    queue.append(child)
        levels.append(list(seen))
    return levels
