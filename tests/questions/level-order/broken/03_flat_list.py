# prep: level-order
# ruff: noqa  (deliberately broken test data)
# bug: returns one flat list of values in BFS order, not one list per level
# expect-fail: matches a brute-force oracle on random trees
from collections import deque


class TreeNode:
    def __init__(self, val=0, left=None, right=None):
        self.val = val
        self.left = left
        self.right = right


def level_order(root):
    out, queue = [], deque([root] if root else [])
    while queue:
        node = queue.popleft()
        out.append(node.val)
        for child in (node.left, node.right):
            if child:
                queue.append(child)
    return out
