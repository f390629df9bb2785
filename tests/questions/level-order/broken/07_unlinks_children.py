# prep: level-order
# ruff: noqa  (deliberately broken test data)
# bug: unlinks each node's children once they are queued, to free memory, and so breaks the caller's tree
# expect-fail: tree not modified
from collections import deque


class TreeNode:
    def __init__(self, val=0, left=None, right=None):
        self.val = val
        self.left = left
        self.right = right


def level_order(root):
    levels, queue = [], deque([root] if root else [])
    while queue:
        level = []
        for _ in range(len(queue)):
            node = queue.popleft()
            level.append(node.val)
            for child in (node.left, node.right):
                if child:
                    queue.append(child)
            node.left = node.right = None
        levels.append(level)
    return levels
