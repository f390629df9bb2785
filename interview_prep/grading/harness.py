"""Runs inside the sandboxed child: imports the solution, calls it as told, sends back what it returned.

This file is run as a script (`python -I harness.py JOB_DIR FD`), so it imports nothing from
`interview_prep`: only the standard library and NumPy, and NumPy only when the job needs it (a
pure-Python drill's child starts in a third of the time). It never judges a result; it only turns
each return value into plain data (JSON, arrays as .npy saved with allow_pickle=False) and writes
one record per call to the results pipe, so the parent decides every verdict from raw data and a
late timeout keeps the records already sent.
"""

from __future__ import annotations

import base64
import collections
import hashlib
import importlib.util
import io
import json
import os
import signal
import sys
import time
import traceback
import warnings
from types import SimpleNamespace
from typing import Any

# Held before the solution is imported, so a solution that patches these names in its modules
# cannot change how results are encoded or timed.
_write = os.write
_dumps = json.dumps
_b64 = base64.b64encode
# CPU time of this thread, not the wall clock: the reference's child is timed beside the user's, on a
# machine that may be busy, and what a call costs is the work it does, not the cores it waited for.
_perf = time.thread_time
_sha1 = hashlib.sha1
_deque = collections.deque
_catch_warnings = warnings.catch_warnings
_simplefilter = warnings.simplefilter
_MAX_WARNINGS = 5
_setitimer = signal.setitimer
_ITIMER_REAL = signal.ITIMER_REAL


# NumPy is imported only when the job needs it (input arrays, generators, a solution that names
# numpy); until then its types are a class no value is an instance of.
_NoNumpy = type("_NoNumpy", (), {})
np: Any = SimpleNamespace(bool_=_NoNumpy, integer=_NoNumpy, floating=_NoNumpy)
_ndarray: Any = _NoNumpy
_save: Any = None


def _hold_numpy() -> None:
    """Import NumPy and hold its names: before the solution, or when a NumPy value may first come back."""
    global np, _ndarray, _save
    if _save is None:
        import numpy

        np, _ndarray, _save = numpy, numpy.ndarray, numpy.save


class _CallTimeout(BaseException):
    """Raised inside a call that ran past its share of the time (the job's call_seconds)."""


def _on_alarm(signum: int, frame: Any) -> None:
    raise _CallTimeout()


FORBIDDEN = {"sklearn": "scikit-learn", "torch": "PyTorch", "tensorflow": "TensorFlow", "jax": "JAX"}
_MAX_DEPTH = 4
_MAX_ITEMS = 64


class ForbiddenImport(ImportError):
    """The solution imported a library the question rules out ("from scratch, NumPy only")."""


class _RefuseForbidden:
    """Refuses the ML libraries before any of their code runs: a meta path finder (not subclassing
    importlib.abc.MetaPathFinder, whose import costs a pure-Python child a tenth of its start-up)."""

    def find_spec(self, fullname: str, path: Any = None, target: Any = None) -> None:
        top = fullname.partition(".")[0]
        if top in FORBIDDEN:
            raise ForbiddenImport(
                f"the solution imports {top} ({FORBIDDEN[top]}); the question asks for it from "
                "scratch with NumPy only, so that import is refused"
            )
        return None


def _send(fd: int, record: dict[str, Any]) -> None:
    """One record on the results pipe: a JSON line, written whole."""
    view = memoryview((_dumps(record, allow_nan=True) + "\n").encode())
    while view:
        view = view[_write(fd, view) :]


def encode(value: Any, depth: int = 0) -> dict[str, Any]:
    """Plain data for a returned value, with its exact Python type, never trusting its methods."""
    if _save is None and "numpy" in sys.modules:  # a solution that imported NumPy out of the parent's sight
        _hold_numpy()
    t = type(value)
    name = f"{t.__module__}.{t.__qualname__}" if t.__module__ != "builtins" else t.__qualname__
    if t is _ndarray:
        if value.dtype.hasobject:
            return {"kind": "ndarray", "type": name, "dtype": str(value.dtype), "npy": None}
        buf = io.BytesIO()
        _save(buf, np.array(value, copy=True, subok=False), allow_pickle=False)
        return {"kind": "ndarray", "type": name, "npy": _b64(buf.getvalue()).decode()}
    if isinstance(value, _ndarray):
        return {"kind": "ndarray-subclass", "type": name}
    if t in (tuple, list) and depth < _MAX_DEPTH:
        return {
            "kind": t.__name__,
            "type": name,
            "len": len(value),
            "items": [encode(v, depth + 1) for v in value[:_MAX_ITEMS]],
        }
    if t is dict and depth < _MAX_DEPTH:
        # Keys are sent as strings (a non-string key as its type name), values encoded like any other.
        items = list(value.items())[:_MAX_ITEMS]
        return {
            "kind": "dict",
            "type": name,
            "len": len(value),
            "items": [[k if type(k) is str else f"<{type(k).__qualname__}>", encode(v, depth + 1)] for k, v in items],
        }
    if t is bool or t is np.bool_:
        return {"kind": "bool", "type": name, "value": bool(value)}
    if t is int or (isinstance(value, np.integer) and t.__module__ == "numpy"):
        return {"kind": "int", "type": name, "value": int(value)}
    if t is float or (isinstance(value, np.floating) and t.__module__ == "numpy"):
        return {"kind": "float", "type": name, "value": float(value)}
    if t is str:
        return {"kind": "str", "type": name, "value": value[:200]}
    if value is None:
        return {"kind": "none", "type": name}
    return {"kind": "object", "type": name}


class _TreeNode:
    """The tree node a solution gets when it defines no TreeNode of its own."""

    def __init__(self, val: Any = 0, left: Any = None, right: Any = None) -> None:
        self.val, self.left, self.right = val, left, right


def _build_tree(values: list[Any], cls: Any) -> Any:
    """The tree of a level-order list (None for a missing child), built without recursion so a
    skewed tree of any depth can be made: the list holds, node after node in level order, the two
    children of each node present (a timed call builds trees of thousands of nodes, repeatedly).
    Every node's left and right are set, whatever the class's constructor does with them."""
    nodes = [None if v is None else cls(v) for v in values]
    if not nodes or nodes[0] is None:
        return None
    present = [n for n in nodes if n is not None]
    children = nodes[1:] + [None] * max(0, 2 * len(present) + 1 - len(nodes))
    for n, left, right in zip(present, children[0::2], children[1::2], strict=False):
        n.left, n.right = left, right
    return nodes[0]


def _tree_digest(root: Any, limit: int) -> dict[str, Any]:
    """A digest of the tree's level-order list (trailing Nones dropped), to tell whether a function
    rewired the caller's tree; "cycle" or "too large" when it no longer is one."""
    out: list[Any] = []
    seen: set[int] = set()
    queue = _deque([root])
    while queue:
        n = queue.popleft()
        if n is None:
            out.append(None)
            continue
        if id(n) in seen or len(seen) > limit:
            return {"kind": "tree", "type": "tree", "value": "cycle" if id(n) in seen else "too large"}
        seen.add(id(n))
        out.append(getattr(n, "val", None))
        queue.extend((getattr(n, "left", None), getattr(n, "right", None)))
    while out and out[-1] is None:
        out.pop()
    text = _dumps(out, separators=(",", ":"), default=lambda o: f"<{type(o).__name__}>")
    return {"kind": "tree", "type": "tree", "value": _sha1(text.encode()).hexdigest()}


class _Unavailable(Exception):
    """An input taken from an earlier call that did not return what it was to pass on."""


class _Context:
    """What outlives one call in this child: results kept for later calls, and named generators."""

    def __init__(self) -> None:
        self.kept: dict[str, tuple[str, Any, str]] = {}  # call id -> (func, value, "" or why unavailable)
        self.generators: dict[str, Any] = {}
        self.tree_class: Any = _TreeNode

    def result_item(self, call_id: str, item: int | None) -> Any:
        if call_id not in self.kept:
            raise _Unavailable(f"call {call_id} did not run in this process (it was restarted after a crash)")
        func, value, why = self.kept[call_id]
        if why:
            raise _Unavailable(f"{func} {why}")
        if item is None:
            return value
        if type(value) not in (tuple, list) or not -len(value) <= item < len(value):
            kind = f"a {type(value).__name__} of {len(value)} items" if type(value) in (tuple, list) else "no tuple"
            raise _Unavailable(f"{func} returned {kind}, so item {item} of its result could not be passed on")
        return value[item]

    def generator(self, seed: int, stream: str | None) -> Any:
        _hold_numpy()
        if stream is None:
            return np.random.default_rng(seed)
        if stream not in self.generators:  # calls that name one stream share one Generator, in call order
            self.generators[stream] = np.random.default_rng(seed)
        return self.generators[stream]


def _decode_arg(spec: Any, arrays: Any, ctx: _Context | None = None) -> Any:
    """Inputs as the parent described them: arrays come fresh (copies of the loaded .npy) on every call."""
    if isinstance(spec, dict):
        if "__npy__" in spec:
            return np.array(arrays[spec["__npy__"]])
        if "__list__" in spec:
            return np.array(arrays[spec["__list__"]]).tolist()
        if "__tuple__" in spec:
            return tuple(_decode_arg(v, arrays, ctx) for v in spec["__tuple__"])
        if "__dict__" in spec:
            return {k: _decode_arg(v, arrays, ctx) for k, v in spec["__dict__"].items()}
        if "__from__" in spec:
            return (ctx or _Context()).result_item(spec["__from__"], spec.get("item"))
        if "__tree__" in spec:
            return _build_tree(list(spec["__tree__"]), (ctx or _Context()).tree_class)
        if "__rng__" in spec:
            return (ctx or _Context()).generator(int(spec["__rng__"]), spec.get("stream"))
        return {k: _decode_arg(v, arrays, ctx) for k, v in spec.items()}
    if isinstance(spec, list):
        return [_decode_arg(v, arrays, ctx) for v in spec]
    return spec


def _load_module(name: str, path: str) -> Any:
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _exception_record(exc: BaseException) -> dict[str, Any]:
    # The innermost frame in the solution file says where it went wrong, for the user's message.
    frames = reversed(traceback.extract_tb(exc.__traceback__))
    where = next((f"line {f.lineno}" for f in frames if f.filename == _SOLUTION_PATH), None)
    return {
        "ok": False,
        "exc_type": type(exc).__name__,
        "exc_msg": str(exc)[:500],
        "memory": isinstance(exc, MemoryError),
        "where": where,
    }


_SOLUTION_PATH = ""


def _warning_notes(caught: list[Any]) -> list[str]:
    """The distinct warnings a call raised, as "RuntimeWarning (overflow encountered in exp) at line 9"."""
    notes: list[str] = []
    for w in caught:
        try:
            where = f" at line {w.lineno}" if w.filename == _SOLUTION_PATH else ""
            note = f"{w.category.__name__} ({str(w.message)[:200]}){where}"
        except BaseException:  # noqa: BLE001 - a warning object the solution made odd
            note = "a warning"
        if note not in notes:
            notes.append(note)
        if len(notes) >= _MAX_WARNINGS:
            break
    return notes


def main() -> None:
    global _SOLUTION_PATH
    # -I ignores PYTHONDONTWRITEBYTECODE: without this, importing the solution would leave a
    # __pycache__ folder beside the user's file.
    sys.dont_write_bytecode = True
    job_dir, fd = sys.argv[1], int(sys.argv[2])
    with open(os.path.join(job_dir, "job.json"), encoding="utf-8") as f:
        job = json.load(f)
    names = os.listdir(job_dir)  # job.json, and KEY.npy for each input array (none for pure-Python calls)
    if job.get("numpy", True) or len(names) > 1:
        _hold_numpy()
    npy = [n for n in names if n.endswith(".npy")]
    arrays = {n[:-4]: np.load(os.path.join(job_dir, n), allow_pickle=False) for n in npy}
    # Nothing the solution could read to find the job: not the files, not argv. The reference
    # solution is never loaded into this process: a process that imports user code only ever holds
    # user code, so the user cannot call the reference or slow it down by patching NumPy. The
    # parent times the reference in a run of its own. (This is a practice tool, not a vault: it
    # only keeps the shortcut from being obvious.)
    for name in names:
        os.unlink(os.path.join(job_dir, name))
    del sys.argv[1:]
    _SOLUTION_PATH = job["solution"]
    sys.meta_path.insert(0, _RefuseForbidden())
    # The solution runs as __main__'s neighbour, not as __main__: an `if __name__ == "__main__"`
    # demo block in the user's file does not run during grading.
    try:
        solution = _load_module("solution", job["solution"])
    except BaseException as exc:  # noqa: BLE001 - SystemExit and friends at import are verdicts too
        failure = _exception_record(exc)
        failure.update(event="import", forbidden=isinstance(exc, ForbiddenImport))
        _send(fd, failure)
        return
    _send(fd, {"event": "import", "ok": True})
    # Each call may run for call_seconds at most: one that hangs is stopped and recorded as a timeout,
    # and the calls after it still run (the parent's wall-time kill stays the backstop).
    call_seconds = float(job.get("call_seconds") or 0.0)
    if call_seconds > 0:
        signal.signal(signal.SIGALRM, _on_alarm)
    ctx = _Context()
    user_tree = getattr(solution, "TreeNode", None)
    if isinstance(user_tree, type):  # trees are built from the solution's own TreeNode when it has one
        ctx.tree_class = user_tree
    for call in job["calls"]:
        record: dict[str, Any] = {"event": "call", "id": call["id"]}
        if call.get("keep"):  # until it returns, a later call taking its result finds nothing to take
            ctx.kept[call["id"]] = (call["func"], None, "did not return")
        func = getattr(solution, call["func"], None)
        if not callable(func):
            record.update(ok=False, exc_type="missing", exc_msg=f"no function named {call['func']}")
            _send(fd, record)
            continue
        best, caught, why = float("inf"), [], ""
        try:
            if call_seconds > 0:
                _setitimer(_ITIMER_REAL, call_seconds)
            # Each timed repeat of a user call gets fresh inputs (one it modified must not make the next
            # faster); the reference never modifies its inputs, so its are built once (trees of
            # thousands of nodes cost more to build than to walk), unless they draw random numbers.
            fresh = call.get("module") != "reference" or '"__rng__"' in json.dumps(call)
            args: list[Any] = []
            kwargs: dict[str, Any] = {}
            for repeat in range(int(call.get("repeat", 1))):
                if fresh or not repeat:
                    args = [_decode_arg(a, arrays, ctx) for a in call["args"]]
                    kwargs = {k: _decode_arg(v, arrays, ctx) for k, v in call.get("kwargs", {}).items()}
                # Every warning the call raises is recorded (a contract may rule out an overflow warning).
                with _catch_warnings(record=True) as seen:
                    _simplefilter("always")
                    start = _perf()
                    value = func(*args, **kwargs)
                    best = min(best, _perf() - start)
                caught.extend(seen)
            if call_seconds > 0:
                _setitimer(_ITIMER_REAL, 0)
        except _Unavailable as exc:  # an input from an earlier call: this call is not run
            _setitimer(_ITIMER_REAL, 0)
            record.update(ok=False, exc_type="unavailable", exc_msg=str(exc)[:500])
        except _CallTimeout:
            record.update(ok=False, timeout=True, exc_type="timeout", exc_msg=f"stopped after {call_seconds:g} s")
            why = "did not finish in time"
        except BaseException as exc:  # noqa: BLE001 - every failure of user code is a verdict
            _setitimer(_ITIMER_REAL, 0)
            record.update(_exception_record(exc))
            why = f"raised {type(exc).__name__}"
        if "ok" in record:  # it did not return
            if why and call.get("keep"):
                ctx.kept[call["id"]] = (call["func"], None, why)
            _send(fd, record)
            continue
        record.update(ok=True, seconds=best)
        if caught:
            record["warnings"] = _warning_notes(caught)
        if call.get("keep"):  # a later call takes (part of) this result as an input, in this process
            ctx.kept[call["id"]] = (call["func"], value, "")
        try:
            if call.get("send", True):
                record["value"] = encode(value)
            # Arguments sent back after the call show whether the function modified its input.
            record["args_after"] = {
                str(i): _tree_digest(args[i], 2 * len(call["args"][i]["__tree__"]) + 8)
                if isinstance(call["args"][i], dict) and "__tree__" in call["args"][i]
                else encode(args[i])
                for i in call.get("return_args", [])
            }
        except BaseException as exc:  # noqa: BLE001 - e.g. a returned array too large to copy
            failed = _exception_record(exc)
            failed["exc_msg"] = f"its return value could not be sent back: {failed['exc_msg']}"
            record = {"event": "call", "id": call["id"], **failed}
        _send(fd, record)
    _send(fd, {"event": "done"})


if __name__ == "__main__":
    main()
