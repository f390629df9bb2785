# prep: level-order
# ruff: noqa  (deliberately broken test data)
# bug: pushes the right child before the left, so each level comes out right to left
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
        level = []
        for _ in range(len(queue)):
            node = queue.popleft()
            level.append(node.val)
            if node.right:
                queue.append(node.right)
            if node.left:
                queue.append(node.left)
        levels.append(level)
    return levels
