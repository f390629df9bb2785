"""The vocabulary of checks every suite shares: values close to the formula, ValueError cases, inputs left
unchanged, speed against the reference, and no Python loop over samples."""

from __future__ import annotations

import ast
from collections.abc import Iterable, Mapping, Sequence

import numpy as np

from interview_prep.grading.report import Category
from interview_prep.grading.suite import Call, Check, Fail, Returned, Value

# A solution loses the performance points only when it is both far slower than the reference
# (a Python loop over samples is 30-300x) and slow in absolute terms, so timer noise on a fast
# machine never costs points.
SLOW_RATIO = 10.0
SLOW_SECONDS = 0.05


def timing_calls(func: str, args: tuple[object, ...], kwargs: Mapping[str, object], about: str) -> tuple[Call, Call]:
    """The same large input, timed for the user's function and for the reference (in a child of its own,
    where no user code ever runs)."""
    user = Call("perf-user", func, args, dict(kwargs), repeat=2, send=False, about=about)
    ref = Call("perf-reference", func, args, dict(kwargs), module="reference", repeat=3, send=False, about=about)
    return user, ref


def performance_check(func: str, about: str, hint: str, points: float = 2) -> Check:
    def judge(results: Mapping[str, Returned]) -> str:
        user = results["perf-user"].seconds or 0.0
        ref = max(results["perf-reference"].seconds or 0.0, 1e-6)
        ratio = user / ref
        if ratio > SLOW_RATIO and user > SLOW_SECONDS:
            raise Fail(
                f"{func} took {user * 1000:.0f} ms on {about}, {ratio:.0f}x the reference ({ref * 1000:.1f} ms)."
            )
        return f"{func} took {user * 1000:.1f} ms on {about} ({ratio:.1f}x the reference)."

    return Check(
        "vectorized: time on a large input",
        Category.PERFORMANCE,
        points,
        ("perf-user", "perf-reference"),
        judge,
        hint=hint,
    )


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


def close(got: float | np.ndarray, want: float | np.ndarray, rtol: float, atol: float) -> bool:
    """Finite and allclose (NaN or inf never counts as close, even where `want` is inf)."""
    g = np.asarray(got, dtype=np.float64)
    return bool(np.all(np.isfinite(g)) and g.shape == np.shape(want) and np.allclose(g, want, rtol=rtol, atol=atol))


def raises_value_error(
    results: Mapping[str, Returned], ids: Sequence[str], *, passed: str = "", why_bad: str = ""
) -> str:
    """Every call in `ids` raised ValueError (a check using this must set may_raise=True).

    `passed` is the note when all did (which bad inputs they were); `why_bad` is added to the
    failure of a call that returned normally: why that input is easy to let through.
    """
    for cid in ids:
        r = results[cid]
        if r.outcome == "ok":
            why = f" ({why_bad})" if why_bad else ""
            raise Fail(f"{r.call.func} returned normally for {r.call.about}; it should raise ValueError{why}.")
        if r.exc_type != "ValueError":
            where = f" at {r.where}" if r.where else ""
            raise Fail(
                f"{r.call.func} raised {r.exc_type} ({r.exc_msg}){where} for {r.call.about}; "
                "it should raise ValueError, which says the input is wrong rather than the code."
            )
    return passed or f"ValueError in all {len(ids)} bad-input cases."


def only_ok(results: Mapping[str, Returned], ids: Sequence[str]) -> None:
    """For a may_raise check: any call that raised is a failure worth naming."""
    for cid in ids:
        r = results[cid]
        if r.raised:
            where = f" at {r.where}" if r.where else ""
            raise Fail(f"{r.call.func} raised {r.exc_type}: {r.exc_msg}{where} on {r.call.about}.")


def _same_input(after: Value | None, orig: object) -> bool:
    if after is None:
        return False
    if isinstance(orig, np.ndarray):
        return after.kind == "ndarray" and bool(np.array_equal(after.data, orig))
    return True


def inputs_kept(results: Mapping[str, Returned], ids: Sequence[str], names: Sequence[str]) -> str:
    """The arguments sent back after each call (Call.return_args) equal what was passed in."""
    for cid in ids:
        r = results[cid]
        for i in r.call.return_args:
            if not _same_input(r.args_after.get(i), r.call.args[i]):
                raise Fail(f"{r.call.func} modified the caller's {names[i]} in place on {r.call.about}.")
    return "inputs are left as they were."
