# prep: level-order
# ruff: noqa  (deliberately broken test data)
# bug: recursive DFS with the depth passed down: RecursionError on a 3,000-deep path
# expect-fail: skewed trees (depth 3,000)
from collections import deque


class TreeNode:
    def __init__(self, val=0, left=None, right=None):
        self.val = val
        self.left = left
        self.right = right


def level_order(root):
    levels = []

    def visit(node, depth):
        if node is None:
            return
        if depth == len(levels):
            levels.append([])
        levels[depth].append(node.val)
        visit(node.left, depth + 1)
        visit(node.right, depth + 1)

    visit(root, 0)
    return levels
