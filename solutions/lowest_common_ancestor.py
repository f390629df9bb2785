# prep: lowest-common-ancestor
"""Reference solution of question 28: parents recorded in one iterative pass, then p's ancestors against q's."""

from __future__ import annotations


class TreeNode:
    def __init__(self, val=0, left=None, right=None):
        self.val = val
        self.left = left
        self.right = right


def lowest_common_ancestor(root, p, q):
    """Parent of each node by an explicit stack; O(n) time and space, no recursion."""
    parent = {}
    found = {}
    stack = [(root, None)] if root is not None else []
    while stack and len(found) < 2:
        node, up = stack.pop()
        parent[node] = up
        if node.val in (p, q):
            found[node.val] = node
        for child in (node.left, node.right):
            if child is not None:
                stack.append((child, node))
    if p not in found or q not in found:
        missing = p if p not in found else q
        raise ValueError(f"{missing} is not in the tree")
    ancestors = set()
    node = found[p]
    while node is not None:
        ancestors.add(node)
        node = parent[node]
    node = found[q]
    while node not in ancestors:
        node = parent[node]
    return node.val
