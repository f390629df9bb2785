# prep: lowest-common-ancestor
# Root-to-node paths by an iterative DFS with parent links; the last node the two paths share.
class TreeNode:
    def __init__(self, val=0, left=None, right=None):
        self.val = val
        self.left = left
        self.right = right


def _path(root, v):
    parent, stack = {root: None} if root else {}, [root] if root else []
    while stack:
        node = stack.pop()
        if node.val == v:
            path = []
            while node is not None:
                path.append(node)
                node = parent[node]
            return path[::-1]
        for child in (node.left, node.right):
            if child is not None:
                parent[child] = node
                stack.append(child)
    raise ValueError(f"{v} is not in the tree")


def lowest_common_ancestor(root, p, q):
    a, b = _path(root, p), _path(root, q)
    last = None
    for x, y in zip(a, b, strict=False):
        if x is not y:
            break
        last = x
    return last.val
