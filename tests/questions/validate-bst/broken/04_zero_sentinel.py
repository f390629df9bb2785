# prep: validate-bst
# ruff: noqa  (deliberately broken test data)
# bug: starts the low bound at -1 as if values were non-negative
# expect-fail: negative values
class TreeNode:
    def __init__(self, val=0, left=None, right=None):
        self.val = val
        self.left = left
        self.right = right


def is_valid_bst(root):
    stack = [(root, -1, 10**18)]
    while stack:
        node, low, high = stack.pop()
        if node is None:
            continue
        if not low < node.val < high:
            return False
        stack.append((node.left, low, node.val))
        stack.append((node.right, node.val, high))
    return True
