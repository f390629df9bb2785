# prep: validate-bst
# ruff: noqa  (deliberately broken test data)
# bug: correct, but finds the max of the left subtree and the min of the right subtree afresh at every node, O(n h): quadratic on a deep tree
# expect-fail: time grows like the expected solution
# still-passes: yes


class TreeNode:
    def __init__(self, val=0, left=None, right=None):
        self.val = val
        self.left = left
        self.right = right


def _values(node):
    out, stack = [], [node]
    while stack:
        n = stack.pop()
        if n is not None:
            out.append(n.val)
            stack.append(n.left)
            stack.append(n.right)
    return out


def is_valid_bst(root):
    stack = [root]
    while stack:
        node = stack.pop()
        if node is None:
            continue
        if node.left is not None and max(_values(node.left)) >= node.val:
            return False
        if node.right is not None and min(_values(node.right)) <= node.val:
            return False
        stack.append(node.left)
        stack.append(node.right)
    return True
