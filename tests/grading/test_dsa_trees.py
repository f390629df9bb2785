"""Trees cross the sandbox as level-order lists: the child builds them from the solution's own TreeNode
(or the harness's), any depth, and sends back a digest that tells whether the function rewired them."""

from __future__ import annotations

import random
import time
from pathlib import Path

from interview_prep.grading.dsa import Shape, children_of, parent_of, tree, tree_digest, tree_values
from interview_prep.grading.running import execute, run_calls
from interview_prep.grading.suite import Call, Returned, Suite

SOURCE = """
class TreeNode:
    def __init__(self, val=0, left=None, right=None):
        self.val, self.left, self.right = val, left, right
        self.mine = True

def describe(root):
    out, stack = [], [root]
    while stack:
        node = stack.pop()
        if node is not None:
            out.append((node.val, getattr(node, "mine", False)))
            stack += [node.right, node.left]
    return out

def depth(root):
    d = 0
    while root is not None:
        root, d = root.left, d + 1
    return d

def rewire(root):
    root.left, root.right = root.right, root.left
    return None
"""


def _run(tmp_path: Path, source: str, calls: list[Call]) -> dict:
    path = tmp_path / "solution.py"
    path.write_text(source)
    suite = Suite("trees", ("describe",), tuple(calls), (), "unused.py", 10.0)
    return execute(suite, path, 10.0, path)


def test_the_child_builds_the_tree_from_the_solutions_own_treenode(tmp_path: Path) -> None:
    values = [3, 9, 20, None, None, 15, 7]
    results = _run(tmp_path, SOURCE, [Call("a", "describe", (tree(values),)), Call("none", "describe", (tree([]),))])
    assert results["a"].value.python == [[3, True], [9, True], [20, True], [15, True], [7, True]]
    assert results["none"].value.python == []  # root None for the empty tree


def test_a_solution_without_treenode_gets_the_harness_nodes(tmp_path: Path) -> None:
    source = SOURCE.replace("class TreeNode:", "class Other:")
    results = _run(tmp_path, source, [Call("a", "describe", (tree([1, None, 2]),))])
    assert results["a"].value.python == [[1, False], [2, False]]


def test_skewed_trees_of_any_depth_are_built_without_recursion(tmp_path: Path) -> None:
    values = Shape.skewed(20000, 0).level_order(list(range(20000)))
    results = _run(tmp_path, SOURCE, [Call("deep", "depth", (tree(values),))])
    assert results["deep"].value.python == 20000


def test_the_digest_sent_back_tells_a_rewired_tree(tmp_path: Path) -> None:
    values = [1, 2, 3, None, 4]
    calls = [
        Call("read", "describe", (tree(values),), return_args=(0,)),
        Call("rewire", "rewire", (tree(values),), return_args=(0,)),
    ]
    results = _run(tmp_path, SOURCE, calls)
    assert results["read"].args_after[0].kind == "tree"
    assert results["read"].args_after[0].data == tree_digest(values)
    assert results["rewire"].args_after[0].data != tree_digest(values)


def test_shapes_round_trip_through_level_order() -> None:
    rng = random.Random(0)
    for n in (0, 1, 5, 30):
        shape = Shape.random(rng, n)
        values = list(range(100, 100 + n))
        encoded = shape.level_order(values)
        assert encoded == tree_values(encoded)
        root, kids = children_of(encoded)
        assert (root is None) == (n == 0) and len(kids) == n
        assert len(parent_of(encoded)) == n
        assert sorted(v for v in encoded if v is not None) == values
        # In-order positions are a permutation of the nodes (what BST values are assigned by).
        assert sorted(shape.inorder()) == list(range(n))


def test_thin_trees_are_about_half_as_deep_as_they_are_large() -> None:
    # The tree problems' growth check times these: only on a deep tree is a rescan per level O(n^2).
    rng = random.Random(1)
    for n in (1, 2, 7, 400, 3201):
        shape = Shape.thin(rng, n)
        children = [c for c in shape.left + shape.right if c != -1]
        assert sorted(children) == list(range(1, n))  # every node but the root hangs once
        assert all(c > i for i in range(n) for c in (shape.left[i], shape.right[i]) if c != -1)
        assert max(shape.depths()) == n // 2
        assert sorted(shape.inorder()) == list(range(n))
    # The spine turns both ways: some nodes go on down their left child, some their right.
    t = Shape.thin(random.Random(2), 400)
    inner = {i for i in range(t.n) if t.left[i] != -1 or t.right[i] != -1}
    assert any(t.left[i] in inner for i in inner) and any(t.right[i] in inner for i in inner)


COUNTING = """
class TreeNode:
    built = 0

    def __init__(self, val=0, left=None, right=None):
        TreeNode.built += 1
        self.val, self.left, self.right = val, left, right


def nodes_built(root):
    return TreeNode.built
"""


def test_timed_repeats_give_a_user_call_fresh_trees_and_build_the_references_once(tmp_path: Path) -> None:
    path = tmp_path / "counting.py"
    path.write_text(COUNTING)
    values = (1, 2, 3, None, 4)
    calls = [
        Call("user", "nodes_built", (tree(values),), repeat=3),
        Call("reference", "nodes_built", (tree(values),), module="reference", repeat=3),
    ]
    results: dict[str, Returned] = {}
    run_calls(calls, path, time.monotonic() + 20, 20, None, results)
    assert results["user"].value is not None and results["reference"].value is not None
    # A user call may modify its tree, so each repeat gets a new one; the reference's is built once.
    assert results["user"].value.data == 3 * 4
    assert results["reference"].value.data == 3 * 4 + 4
