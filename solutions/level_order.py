# prep: level-order
"""Reference solution of question 26: breadth-first, one level per pass over the queue's current length."""

from __future__ import annotations

from collections import deque


class TreeNode:
    def __init__(self, val=0, left=None, right=None):
        self.val = val
        self.left = left
        self.right = right


def level_order(root):
    """Values level by level with a deque: O(n) time, O(width) extra space, no recursion."""
    levels: list[list[int]] = []
    queue = deque([root] if root is not None else [])
    while queue:
        level = []
        for _ in range(len(queue)):
            node = queue.popleft()
            level.append(node.val)
            if node.left is not None:
                queue.append(node.left)
            if node.right is not None:
                queue.append(node.right)
        levels.append(level)
    return levels
