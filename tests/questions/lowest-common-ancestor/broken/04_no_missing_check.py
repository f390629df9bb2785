# prep: lowest-common-ancestor
# ruff: noqa  (deliberately broken test data)
# bug: the classic recursion's answer when q is missing: returns p's node as if it were the ancestor
# expect-fail: ValueError when p or q is missing
class TreeNode:
    def __init__(self, val=0, left=None, right=None):
        self.val = val
        self.left = left
        self.right = right


def lowest_common_ancestor(root, p, q):
    parent, found, stack = {}, {}, [(root, None)] if root else []
    while stack:
        node, up = stack.pop()
        parent[node] = up
        if node.val in (p, q):
            found[node.val] = node
        stack += [(c, node) for c in (node.left, node.right) if c]
    if not found:
        return None
    a = found.get(p) or found.get(q)
    b = found.get(q) or a
    seen = set()
    while a:
        seen.add(a)
        a = parent[a]
    while b not in seen:
        b = parent[b]
    return b.val
