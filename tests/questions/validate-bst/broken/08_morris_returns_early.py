# prep: validate-bst
# ruff: noqa  (deliberately broken test data)
# bug: a Morris in-order traversal that returns False mid-way and leaves its threads in the tree
# expect-fail: tree not modified
class TreeNode:
    def __init__(self, val=0, left=None, right=None):
        self.val = val
        self.left = left
        self.right = right


def is_valid_bst(root):
    prev, node = None, root
    while node:
        if node.left is None:
            if prev is not None and node.val <= prev:
                return False
            prev, node = node.val, node.right
        else:
            pred = node.left
            while pred.right and pred.right is not node:
                pred = pred.right
            if pred.right is None:
                pred.right = node
                node = node.left
            else:
                pred.right = None
                if prev is not None and node.val <= prev:
                    return False
                prev, node = node.val, node.right
    return True
