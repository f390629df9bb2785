# prep: lowest-common-ancestor
# ruff: noqa  (deliberately broken test data)
# bug: compares root-to-node paths and returns the first node where they differ, one too deep
# expect-fail: matches a brute-force oracle on random trees
class TreeNode:
    def __init__(self, val=0, left=None, right=None):
        self.val = val
        self.left = left
        self.right = right


def _path(root, v):
    stack = [(root, [root])] if root else []
    while stack:
        node, path = stack.pop()
        if node.val == v:
            return path
        stack += [(c, path + [c]) for c in (node.left, node.right) if c]
    raise ValueError(f"{v} missing")


def lowest_common_ancestor(root, p, q):
    a, b = _path(root, p), _path(root, q)
    i = 0
    while i < len(a) and i < len(b) and a[i] is b[i]:
        i += 1
    return (a[i] if i < len(a) else a[-1]).val
