# prep: lowest-common-ancestor
# ruff: noqa  (deliberately broken test data)
# bug: the classic recursion: RecursionError on a 3,000-deep path
# expect-fail: skewed trees (depth 3,000)
class TreeNode:
    def __init__(self, val=0, left=None, right=None):
        self.val = val
        self.left = left
        self.right = right


def _contains(node, v):
    stack = [node]
    while stack:
        n = stack.pop()
        if n is not None:
            if n.val == v:
                return True
            stack += [n.left, n.right]
    return False


def lowest_common_ancestor(root, p, q):
    if not (_contains(root, p) and _contains(root, q)):
        raise ValueError("missing")

    def go(node):
        if node is None or node.val in (p, q):
            return node
        left, right = go(node.left), go(node.right)
        return node if left and right else left or right

    return go(root).val
