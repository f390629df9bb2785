"""The static style check: find Python loops that walk the samples one by one, whatever the user named them."""

from __future__ import annotations

import ast
from collections.abc import Iterable

from interview_prep.grading.report import Category
from interview_prep.grading.suite import Check, Fail


class _SampleLoops(ast.NodeVisitor):
    """Finds `for` loops and comprehensions that walk the samples one by one.

    A name is "samples" when it is one of the given parameters or made from one by a whole-array
    call (np.asarray(X), X.astype(float), np.clip(p, ...)); a name is "a count of samples" when it
    is len(S), S.shape[0], S.size or the first name unpacked from S.shape. A loop walks the samples
    when it iterates over a samples name (directly, or through enumerate/zip/reversed) or over
    range() of a count of samples. Loops over iterations, clusters or classes are not flagged.
    """

    def __init__(self, sample_params: Iterable[str]) -> None:
        self.samples = set(sample_params)
        self.counts: set[str] = set()
        self.hits: list[int] = []

    # names -------------------------------------------------------------------------------
    def _is_samples(self, node: ast.AST) -> bool:
        if isinstance(node, ast.Name):
            return node.id in self.samples
        if isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Attribute) and func.attr in {
                "astype",
                "ravel",
                "flatten",
                "reshape",
                "copy",
                "tolist",
                "squeeze",
            }:
                return self._is_samples(func.value)
            if node.args and isinstance(func, (ast.Attribute, ast.Name)):
                name = func.attr if isinstance(func, ast.Attribute) else func.id
                if name in {
                    "asarray",
                    "array",
                    "asanyarray",
                    "clip",
                    "ravel",
                    "list",
                    "float64",
                    "atleast_1d",
                    "atleast_2d",
                    "ascontiguousarray",
                    "copy",
                }:
                    return self._is_samples(node.args[0])
        return False

    def _is_count(self, node: ast.AST) -> bool:
        if isinstance(node, ast.Name):
            return node.id in self.counts
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "len":
            return bool(node.args) and self._is_samples(node.args[0])
        if isinstance(node, ast.Attribute) and node.attr == "size":
            return self._is_samples(node.value)
        if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Attribute):
            sl = node.slice
            first = isinstance(sl, ast.Constant) and sl.value == 0
            return first and node.value.attr == "shape" and self._is_samples(node.value.value)
        return False

    def visit_Assign(self, node: ast.Assign) -> None:
        for target in node.targets:
            if isinstance(target, ast.Name):
                if self._is_samples(node.value):
                    self.samples.add(target.id)
                elif self._is_count(node.value):
                    self.counts.add(target.id)
            elif isinstance(target, ast.Tuple) and target.elts and isinstance(target.elts[0], ast.Name):
                value = node.value
                if isinstance(value, ast.Attribute) and value.attr == "shape" and self._is_samples(value.value):
                    self.counts.add(target.elts[0].id)
        self.generic_visit(node)

    # loops -------------------------------------------------------------------------------
    def _walks_samples(self, it: ast.AST) -> bool:
        if self._is_samples(it):
            return True
        if isinstance(it, ast.Call) and isinstance(it.func, ast.Name):
            if it.func.id in {"enumerate", "zip", "reversed", "iter"}:
                return any(self._is_samples(a) for a in it.args)
            if it.func.id == "range":
                return any(self._is_count(a) for a in it.args)
        return False

    def visit_For(self, node: ast.For) -> None:
        if self._walks_samples(node.iter):
            self.hits.append(node.lineno)
        self.generic_visit(node)

    def visit_comprehension(self, node: ast.comprehension) -> None:
        if self._walks_samples(node.iter):
            self.hits.append(getattr(node.iter, "lineno", 0))
        self.generic_visit(node)


def sample_loops(tree: ast.Module, sample_params: Iterable[str]) -> list[int]:
    """Line numbers of loops over samples (run twice so names defined late are known)."""
    finder = _SampleLoops(sample_params)
    finder.visit(tree)
    finder.hits.clear()
    finder.visit(tree)
    return sorted(set(finder.hits))


def loop_style_check(funcs: tuple[str, ...], n_sample_args: int, what: str, hint: str, points: float = 1) -> Check:
    """Flags loops over the first `n_sample_args` parameters of `funcs` (whatever the user named them)."""

    def static(tree: ast.Module) -> str:
        params: set[str] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef) and node.name in funcs:
                params.update(a.arg for a in node.args.args[:n_sample_args])
        lines = sample_loops(tree, params)
        func = " / ".join(funcs)
        if lines:
            where = ", ".join(str(n) for n in lines[:5])
            raise Fail(f"{func} loops in Python over {what}, one at a time (line {where}).")
        return f"no Python loop over {what}."

    return Check(f"no Python loop over {what}", Category.STYLE, points, (), hint=hint, static=static)
