# prep: validate-bst
# ruff: noqa  (deliberately broken test data)
# bug: overwrites the verdict at each node instead of stopping at the first violation
# expect-fail: matches a brute-force oracle on random trees
class TreeNode:
    def __init__(self, val=0, left=None, right=None):
        self.val = val
        self.left = left
        self.right = right


def is_valid_bst(root):
    ok = True
    stack = [(root, None, None)]
    while stack:
        node, low, high = stack.pop()
        if node is None:
            continue
        ok = (low is None or node.val > low) and (high is None or node.val < high)
        stack.append((node.left, low, node.val))
        stack.append((node.right, node.val, high))
    return ok
