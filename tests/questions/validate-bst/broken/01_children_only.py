# prep: validate-bst
# ruff: noqa  (deliberately broken test data)
# bug: compares each node only with its two children
# expect-fail: checks whole subtrees, not only children
class TreeNode:
    def __init__(self, val=0, left=None, right=None):
        self.val = val
        self.left = left
        self.right = right


def is_valid_bst(root):
    stack = [root]
    while stack:
        node = stack.pop()
        if node is None:
            continue
        if node.left is not None and node.left.val >= node.val:
            return False
        if node.right is not None and node.right.val <= node.val:
            return False
        stack += [node.left, node.right]
    return True
