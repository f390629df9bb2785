# prep: validate-bst
# ruff: noqa  (deliberately broken test data)
# bug: uses <= and >= against the bounds' opposite, so equal values pass
# expect-fail: duplicate values are not allowed
class TreeNode:
    def __init__(self, val=0, left=None, right=None):
        self.val = val
        self.left = left
        self.right = right


def is_valid_bst(root):
    stack = [(root, None, None)]
    while stack:
        node, low, high = stack.pop()
        if node is None:
            continue
        if (low is not None and node.val < low) or (high is not None and node.val > high):
            return False
        stack.append((node.left, low, node.val))
        stack.append((node.right, node.val, high))
    return True
