"""Counterexamples as Python source the user can paste: the failing call(s) and their inputs, array,
list and tree arguments bound to their parameter names (read from the reference), one statement a line."""

from __future__ import annotations

import ast
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from interview_prep.grading.suite import Call, Check, Fail, FromCall, ListArg, Returned, Rng, TreeArg

if TYPE_CHECKING:
    import numpy as np
else:
    from interview_prep.grading.lazynp import np


def _literal(value: Any) -> str:
    if isinstance(value, ListArg):
        return repr(value.array.tolist())
    if isinstance(value, np.ndarray):
        body = repr(value.tolist())
        default = value.dtype == np.float64 or (value.size and value.dtype in (np.dtype(np.int64), np.dtype(bool)))
        if default:
            return f"np.array({body})"
        return f"np.array({body}, dtype=np.{value.dtype.name})"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k!r}: {_literal(v)}" for k, v in value.items()) + "}"
    if isinstance(value, tuple):
        return "(" + ", ".join(_literal(v) for v in value) + ("," if len(value) == 1 else "") + ")"
    if isinstance(value, (np.integer, np.floating)):
        return repr(value.item())
    return repr(value)


# Arrays above this many elements are not written out: the snippet builds one of the same shape,
# dtype and range instead, and says so; in a timed call (where only the size matters), above TIMED_ELEMENTS.
LITERAL_ELEMENTS = 2000
TIMED_ELEMENTS = 64
_REBUILT = "the large arrays are random ones of the same shape, dtype and range"


def _rebuilt(a: np.ndarray) -> str:
    """Source for a random array of a's shape, dtype and range of values (a large timed input)."""
    shape = repr(tuple(int(n) for n in a.shape))
    if a.dtype == bool:
        return f"np.random.default_rng(0).random({shape}) < {float(a.mean()):.2g}"
    if a.dtype.kind in "iu":
        lo, hi = (int(a.min()), int(a.max())) if a.size else (0, 0)
        source = f"np.random.default_rng(0).integers({lo}, {hi + 1}, size={shape})"
        return source if a.dtype == np.int64 else f"{source}.astype(np.{a.dtype.name})"
    finite = a[np.isfinite(a)] if a.dtype.kind == "f" else a
    low, high = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)
    made = f"np.random.default_rng(0).uniform({low:.3g}, {high:.3g}, size={shape})"
    return made if a.dtype == np.float64 else f"{made}.astype(np.{a.dtype.name})"


def _tree(values: Sequence[int | None]) -> str:
    """A level-order list as nested TreeNode(val, left, right) calls (the starter's class)."""
    vals = list(values)
    if not vals or vals[0] is None:
        return "None"
    kids: dict[int, list[int | None]] = {0: [None, None]}
    queue, i = [0], 1
    while queue and i < len(vals):
        parent = queue.pop(0)
        for side in range(2):
            if i < len(vals):
                if vals[i] is not None:
                    kids[parent][side] = i
                    kids[i] = [None, None]
                    queue.append(i)
                i += 1

    def node(j: int | None) -> str:
        if j is None:
            return "None"
        left, right = kids[j]
        if left is None and right is None:
            return f"TreeNode({vals[j]})"
        return f"TreeNode({vals[j]}, {node(left)}, {node(right)})"

    return node(0)


class Snippet:
    """Several calls as Python source, one statement a line: each array, list or tree argument bound
    once to its parameter's name (the same object, or an equal array, reuses the name), an input one
    call takes from another's result written as that result, a seeded generator shared by calls of
    one stream made once. `rebuilt` is set when a large array had to be rebuilt rather than written."""

    def __init__(self, names: Mapping[str, Sequence[str]] | None = None) -> None:
        self.names = names or {}
        self.lines: list[str] = []
        self.rebuilt = False
        self._bound: list[tuple[Any, str]] = []  # (value, name), looked up by identity, then equality
        self._results: dict[str, str] = {}  # call id -> the name its result is bound to
        self._streams: dict[str, str] = {}
        self._timed = False  # writing a timed call (only its time came back): only its size matters

    def name_of(self, value: Any) -> str | None:
        for v, name in self._bound:
            if v is value:
                return name
        for v, name in self._bound:
            if isinstance(v, np.ndarray) and isinstance(value, np.ndarray):
                if v.dtype == value.dtype and v.shape == value.shape and np.array_equal(v, value):
                    return name
        return None

    def bind(self, name: str, value: Any, source: str | None = None) -> str:
        """A line `name = <value>` (a fresh name if taken); the name."""
        taken = {n for _, n in self._bound} | set(self._results.values())
        fresh, k = name, 2
        while fresh in taken:
            fresh, k = f"{name}_{k}", k + 1
        self.lines.append(f"{fresh} = {self.literal(value) if source is None else source}")
        self._bound.append((value, fresh))
        return fresh

    def literal(self, value: Any) -> str:
        if isinstance(value, FromCall):
            base = self._results.get(value.call_id, "None")
            return base if value.item is None else f"{base}[{value.item}]"
        if isinstance(value, Rng):
            if value.stream is None:
                return f"np.random.default_rng({value.seed})"
            if value.stream not in self._streams:
                self._streams[value.stream] = self.bind("rng", value, f"np.random.default_rng({value.seed})")
            return self._streams[value.stream]
        if isinstance(value, TreeArg):
            return _tree(value.values)
        array = value.array if isinstance(value, ListArg) else value
        if isinstance(array, np.ndarray) and array.size > (TIMED_ELEMENTS if self._timed else LITERAL_ELEMENTS):
            self.rebuilt = True
            return _rebuilt(array) + (".tolist()" if isinstance(value, ListArg) else "")
        if isinstance(value, dict):
            return "{" + ", ".join(f"{k!r}: {self.literal(v)}" for k, v in value.items()) + "}"
        if isinstance(value, list):
            return "[" + ", ".join(self.literal(v) for v in value) + "]"
        return _literal(value)

    def call(self, call: Call, result: str | None = None) -> str:
        """The call as a statement (its inputs bound first); `result`: bind what it returns to that name."""
        params = self.names.get(call.func, ())
        self._timed = not call.send
        args = []
        for i, a in enumerate(call.args):
            bound = self.name_of(a)
            if bound is not None:
                args.append(bound)
            elif isinstance(a, (np.ndarray, ListArg, dict, TreeArg)) and i < len(params):
                args.append(self.bind(params[i], a))
            else:
                args.append(self.literal(a))
        args += [f"{k}={self.literal(v)}" for k, v in call.kwargs.items()]
        source = f"{call.func}({', '.join(args)})"
        if result is not None:
            self._results[call.id] = result
            source = f"{result} = {source}"
        self.lines.append(source)
        return source

    def calls(self, calls: Sequence[Call], every: Mapping[str, Call] | None = None) -> Snippet:
        """These calls in order, each result bound to out1, out2, ... when there are several; the
        calls they take inputs from (`every`: all calls by id) come first."""
        ordered: list[Call] = []

        def add(c: Call) -> None:
            for a in (*c.args, *c.kwargs.values()):
                if isinstance(a, FromCall) and every is not None and a.call_id in every:
                    add(every[a.call_id])
            if all(o.id != c.id for o in ordered):
                ordered.append(c)

        for c in calls:
            add(c)
        for n, c in enumerate(ordered, 1):
            self.call(c, f"out{n}" if len(ordered) > 1 else None)
        runs = sorted({c.run for c in ordered})
        if len(runs) > 1:
            self.note("these calls ran in separate Python processes: run each in a fresh one to see them differ")
        return self

    def note(self, text: str) -> None:
        self.lines.append(f"# {text}")

    @property
    def source(self) -> str:
        return "\n".join(self.lines)


# Longer source is no help to paste (a growth check's inputs at four sizes): none is given.
MAX_SOURCE = 6000


def calls_source(
    calls: Sequence[Call],
    every: Mapping[str, Call] | None = None,
    names: Mapping[str, Sequence[str]] | None = None,
    notes: Sequence[str] = (),
) -> str | None:
    """Source that makes these calls again, as a user can paste it (see Snippet), then `notes` as
    comments; None when it would be longer than MAX_SOURCE."""
    snippet = Snippet(names).calls(calls, every)
    if snippet.rebuilt:
        snippet.note(_REBUILT)
    for note in notes:
        snippet.note(note)
    return snippet.source if len(snippet.source) <= MAX_SOURCE else None


def python_source(call: Call, names: Sequence[str] = ()) -> str:
    """One call as Python source a user can paste on one line: its array, list and tree arguments bound
    to their parameter names (`names`, by position) first, e.g.
    `X = np.array([[0.0, 0.0], [5.0, 5.0]]); kmeans(X, 2, seed=3)`."""
    snippet = Snippet({call.func: names})
    snippet.call(call)
    source = "; ".join(snippet.lines)
    return f"{source}  # {_REBUILT}" if snippet.rebuilt else source


def parameter_names(path: Path) -> dict[str, tuple[str, ...]]:
    """Each top-level function's parameter names in the file at `path` (the reference), for snippets."""
    try:
        module = ast.parse(path.read_text(encoding="utf-8"))
    except (OSError, SyntaxError, ValueError):
        return {}
    return {
        node.name: tuple(a.arg for a in [*node.args.posonlyargs, *node.args.args])
        for node in module.body
        if isinstance(node, ast.FunctionDef)
    }


def failure_source(
    check: Check,
    failure: Fail,
    read: Sequence[str],
    results: Mapping[str, Returned],
    names: Mapping[str, Sequence[str]],
) -> str | None:
    """The counterexample of a failing check: the source of the calls its failure names, else (for a
    check that does not shrink: shrinking finds the others') of the calls its judge read (`read`, by
    id, in order); never the reference's own timing calls."""
    if failure.counterexample is not None:
        return failure.counterexample or None
    if not failure.calls and check.shrink is not None:
        return None  # shrink_failures finds it
    ids = [c.id for c in failure.calls] or list(read)
    calls = [results[i].call for i in ids if i in results and results[i].call.module != "reference"]
    return source_of(calls, results, names, failure.notes)


def source_of(
    calls: Sequence[Call],
    results: Mapping[str, Returned],
    names: Mapping[str, Sequence[str]],
    notes: Sequence[str] = (),
) -> str | None:
    """These calls as source; when that is too long to paste, the last alone (the one a judge failed on)."""
    every = {r.call.id: r.call for r in results.values()}
    try:
        for some in (calls, calls[-1:]) if calls else ():
            source = calls_source(some, every, names, notes)
            if source is not None:
                return source
    except Exception:  # noqa: BLE001 - a snippet never breaks a grade
        return None
    return None
