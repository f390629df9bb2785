# prep: level-order
# ruff: noqa  (deliberately broken test data)
# bug: reads root.val before checking for the empty tree
# expect-fail: empty tree and one node
from collections import deque


class TreeNode:
    def __init__(self, val=0, left=None, right=None):
        self.val = val
        self.left = left
        self.right = right


def level_order(root):
    levels, level, queue = [], [root], None
    while level:
        levels.append([n.val for n in level])
        level = [c for n in level for c in (n.left, n.right) if c is not None]
    return levels
