# prep: lowest-common-ancestor
# ruff: noqa  (deliberately broken test data)
# bug: correct, but walks down from the root searching a whole subtree for p and q at every step (the "covers" way), O(n h): quadratic on a deep tree
# expect-fail: time grows like the expected solution
# still-passes: yes


class TreeNode:
    def __init__(self, val=0, left=None, right=None):
        self.val = val
        self.left = left
        self.right = right


def _covers(node, val):
    stack = [node]
    while stack:
        n = stack.pop()
        if n is None:
            continue
        if n.val == val:
            return True
        stack.append(n.left)
        stack.append(n.right)
    return False


def lowest_common_ancestor(root, p, q):
    if not _covers(root, p) or not _covers(root, q):
        raise ValueError("p or q is not in the tree")
    node = root
    while node.val not in (p, q):
        p_left, q_left = _covers(node.left, p), _covers(node.left, q)
        if p_left != q_left:
            return node.val
        node = node.left if p_left else node.right
    return node.val
