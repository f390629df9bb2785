# prep: level-order
# ruff: noqa  (deliberately broken test data)
# bug: the empty tree gives [[]]: the level list is appended before checking the root
# expect-fail: empty tree and one node
from collections import deque


class TreeNode:
    def __init__(self, val=0, left=None, right=None):
        self.val = val
        self.left = left
        self.right = right


def level_order(root):
    levels, queue = [[]], deque([root] if root else [])
    while queue:
        for _ in range(len(queue)):
            node = queue.popleft()
            levels[-1].append(node.val)
            for child in (node.left, node.right):
                if child:
                    queue.append(child)
        if queue:
            levels.append([])
    return levels
