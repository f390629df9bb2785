# prep: validate-bst
# In-order traversal as an iterative generator: the values must be strictly increasing.
class TreeNode:
    def __init__(self, val=0, left=None, right=None):
        self.val = val
        self.left = left
        self.right = right


def _inorder(root):
    stack, node = [], root
    while stack or node is not None:
        while node is not None:
            stack.append(node)
            node = node.left
        node = stack.pop()
        yield node.val
        node = node.right


def is_valid_bst(root):
    prev = None
    for value in _inorder(root):
        if prev is not None and value <= prev:
            return False
        prev = value
    return True
