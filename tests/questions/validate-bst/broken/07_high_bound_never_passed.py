# prep: validate-bst
# ruff: noqa  (deliberately broken test data)
# bug: going right keeps the parent's high bound but never passes a high bound down the left
# expect-fail: checks whole subtrees, not only children
class TreeNode:
    def __init__(self, val=0, left=None, right=None):
        self.val = val
        self.left = left
        self.right = right


def is_valid_bst(root):
    stack = [(root, None)]
    while stack:
        node, low = stack.pop()
        if node is None:
            continue
        if low is not None and node.val <= low:
            return False
        if node.left is not None and node.left.val >= node.val:
            return False
        stack.append((node.left, low))
        stack.append((node.right, node.val))
    return True
