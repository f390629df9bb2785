# prep: level-order
# ruff: noqa  (deliberately broken test data)
# bug: correct, but walks the tree again from the root for every level (the "print given level" way), O(n h): quadratic on a deep tree
# expect-fail: time grows like the expected solution
# still-passes: yes


class TreeNode:
    def __init__(self, val=0, left=None, right=None):
        self.val = val
        self.left = left
        self.right = right


def level_order(root):
    levels = []
    depth = 0
    while True:
        level = []
        stack = [(root, 0)] if root is not None else []
        while stack:
            node, d = stack.pop()
            if d == depth:
                level.append(node.val)
                continue
            for child in (node.right, node.left):
                if child is not None:
                    stack.append((child, d + 1))
        if not level:
            return levels
        levels.append(level)
        depth += 1
