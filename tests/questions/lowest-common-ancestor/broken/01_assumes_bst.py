# prep: lowest-common-ancestor
# ruff: noqa  (deliberately broken test data)
# bug: walks down as if the tree were a search tree
# expect-fail: matches a brute-force oracle on random trees
class TreeNode:
    def __init__(self, val=0, left=None, right=None):
        self.val = val
        self.left = left
        self.right = right


def lowest_common_ancestor(root, p, q):
    node = root
    while node:
        if p < node.val and q < node.val:
            node = node.left
        elif p > node.val and q > node.val:
            node = node.right
        else:
            return node.val
    raise ValueError("not found")
