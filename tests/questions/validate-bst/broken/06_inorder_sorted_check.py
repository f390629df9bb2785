# prep: validate-bst
# ruff: noqa  (deliberately broken test data)
# bug: in-order values compared with sorted(values), which lets duplicates through
# expect-fail: duplicate values are not allowed
class TreeNode:
    def __init__(self, val=0, left=None, right=None):
        self.val = val
        self.left = left
        self.right = right


def is_valid_bst(root):
    values, stack, node = [], [], root
    while stack or node:
        while node:
            stack.append(node)
            node = node.left
        node = stack.pop()
        values.append(node.val)
        node = node.right
    return values == sorted(values)
