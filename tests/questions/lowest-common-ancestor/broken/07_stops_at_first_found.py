# prep: lowest-common-ancestor
# ruff: noqa  (deliberately broken test data)
# bug: stops the search as soon as it meets p or q, so a value below the other is reported missing
# expect-fail: a node is its own ancestor
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
            continue
        stack += [(c, node) for c in (node.left, node.right) if c]
    if p not in found or q not in found:
        raise ValueError("missing")
    seen, node = set(), found[p]
    while node:
        seen.add(node)
        node = parent[node]
    node = found[q]
    while node not in seen:
        node = parent[node]
    return node.val
