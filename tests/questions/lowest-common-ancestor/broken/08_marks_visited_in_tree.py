# prep: lowest-common-ancestor
# ruff: noqa  (deliberately broken test data)
# bug: marks visited nodes by storing a parent attribute and negating values, and never undoes it
# expect-fail: tree not modified
class TreeNode:
    def __init__(self, val=0, left=None, right=None):
        self.val = val
        self.left = left
        self.right = right


def lowest_common_ancestor(root, p, q):
    found, stack = {}, [root] if root else []
    if root:
        root.up = None
    while stack:
        node = stack.pop()
        if node.val in (p, q):
            found[node.val] = node
        for c in (node.left, node.right):
            if c:
                c.up = node
                stack.append(c)
    if p not in found or q not in found:
        raise ValueError("missing")
    node = found[p]
    while node:
        node.val = ("seen", node.val)
        node = node.up
    node = found[q]
    while not isinstance(node.val, tuple):
        node = node.up
    return node.val[1]
