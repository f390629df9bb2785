"""What a hidden suite is made of (calls, checks, returned values), and how a suite file is loaded.

A suite file (`questions/NN-id/suite.py`, beside its question) defines `build() -> Suite`. The
parent process makes every input from fixed seeds and keeps every expected value; the child only
runs the calls. A check's judge reads what came back (plain data, decoded here from JSON and
allow_pickle=False .npy) and either returns a short pass note or raises `Fail` / `Unusable` with a
message written for the user.
"""

from __future__ import annotations

import ast
import base64
import hashlib
import importlib.util
import io
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from interview_prep.errors import PrepError
from interview_prep.grading.report import Category

if TYPE_CHECKING:
    import numpy as np
else:
    from interview_prep.grading.lazynp import np


class Fail(Exception):
    """The property the check tests does not hold; the message says what, where and a hint.

    `calls` are the calls the failure is about (the two calls with one seed that disagree), for the
    counterexample the report shows, with `notes` after them; `counterexample` is that source itself,
    when the check wrote it, or "" when no input shows the failure (a growth rate, measured over sizes).
    """

    def __init__(
        self,
        message: str,
        *,
        calls: Sequence[Call] = (),
        notes: Sequence[str] = (),
        counterexample: str | None = None,
    ) -> None:
        super().__init__(message)
        self.calls = tuple(calls)
        self.notes = tuple(notes)  # comment lines after the calls' source: what to look at in it
        self.counterexample = counterexample


class Unusable(Exception):
    """What the function returned cannot be judged (wrong type, ragged, object array...)."""


class ListArg:
    """An input the child passes as a plain Python list (made from this array with .tolist())."""

    def __init__(self, array: np.ndarray) -> None:
        self.array = array


@dataclass(frozen=True)
class TreeArg:
    """A binary tree the child builds from its level-order list (LeetCode's encoding: None for a
    missing child, the children of a missing node not listed), as nodes of the solution's own
    `TreeNode` class (val, left, right), or the harness's when the solution defines none. Sent back
    after a call (return_args) as a digest of the tree's level-order list, so a check can tell
    whether the function rewired the caller's tree."""

    values: tuple[int | None, ...]


@dataclass(frozen=True)
class FromCall:
    """An input the child takes from what an earlier call in the same process returned: item `item`
    of its tuple (or the whole value when item is None). For opaque values that cannot cross the
    process boundary, such as the cache a forward pass returns for its backward pass."""

    call_id: str
    item: int | None = None


@dataclass(frozen=True)
class Rng:
    """An input the child makes as np.random.default_rng(seed). Calls that name the same `stream`
    share one Generator, drawn from in call order (two epochs of one training run); without a
    stream every call gets a fresh one."""

    seed: int
    stream: str | None = None


@dataclass(frozen=True)
class Call:
    """One call of a user's (or the reference's) function, on inputs the parent made."""

    id: str
    func: str
    args: tuple[Any, ...]
    kwargs: Mapping[str, Any] = field(default_factory=dict)
    module: str = "user"  # "reference": solutions/<suite>.py, for timing, in a child run of its own
    repeat: int = 1  # the best of `repeat` timed calls is reported
    send: bool = True  # False: only the time comes back (large inputs)
    return_args: tuple[int, ...] = ()  # positional args sent back after the call
    run: int = 0  # which child process runs it (see Suite.hash_seeds)
    about: str = ""  # the input, for messages: "random data, seed 3, n=40, d=2, k=6"


@dataclass(frozen=True)
class Value:
    """A returned value as plain data: its kind, its exact type name, and the data itself."""

    kind: str  # ndarray, ndarray-subclass, tuple, list, dict, int, float, bool, str, none, object
    type_name: str
    data: Any  # np.ndarray | list[Value] | dict[str, Value] | int | float | bool | str | None

    @property
    def python(self) -> Any:
        """The plain Python/NumPy data, recursively (for comparing two returns)."""
        if self.kind in ("tuple", "list"):
            return [v.python for v in self.data]
        if self.kind == "dict":
            return {k: v.python for k, v in self.data.items()}
        return self.data


@dataclass
class Returned:
    """What became of one call."""

    call: Call
    outcome: str  # ok, raised, timeout, memory, crashed, not-run
    value: Value | None = None
    exc_type: str = ""
    exc_msg: str = ""
    where: str | None = None
    seconds: float | None = None
    args_after: dict[int, Value] = field(default_factory=dict)
    detail: str = ""  # for crashed / not-run: what happened to the process
    warnings: tuple[str, ...] = ()  # the warnings the call raised: "RuntimeWarning (overflow ...) at line 9"

    @property
    def raised(self) -> bool:
        return self.outcome == "raised"


Judge = Callable[[Mapping[str, Returned]], str]
StaticJudge = Callable[[ast.Module], str]


def _no_judge(results: Mapping[str, Returned]) -> str:
    raise Unusable("this check has no judge")


@dataclass(frozen=True)
class Shrink:
    """How a failing check finds a smaller input that fails the same way (see coding.shrink_failures).

    `failing(results)` is the first failing case, (its call, what it is judged by), or None;
    `candidates(call, case)` are smaller cases, the preferred first; `fails(result, case)` is how a
    result fails (the Fail message) or None when it does not; `source(call)` is the call as Python
    source the user can paste.
    """

    failing: Callable[[Mapping[str, Returned]], tuple[Call, Any] | None]
    candidates: Callable[[Call, Any], Sequence[tuple[Call, Any]]]
    fails: Callable[[Returned, Any], str | None]
    source: Callable[[Call], str]


@dataclass(frozen=True)
class Check:
    name: str
    category: Category
    points: float
    calls: tuple[str, ...]
    judge: Judge = _no_judge
    hint: str = ""  # appended to a failure message: what to do about it
    may_raise: bool = False  # the judge handles calls that raised (the ValueError checks)
    static: StaticJudge | None = None  # judges the source's syntax tree instead of calls
    shrink: Shrink | None = None  # finds the smallest failing input, when the check fails on one


@dataclass(frozen=True)
class Suite:
    question: str
    function_names: tuple[str, ...]
    calls: tuple[Call, ...]
    checks: tuple[Check, ...]
    reference: str  # file name under solutions/
    timeout: float = 6.0  # default wall-time budget for the whole suite, all child runs together
    hash_seeds: Mapping[int, int | None] = field(default_factory=lambda: {0: None})


def load_suite(path: Path) -> Suite:
    """Build the suite a suite file defines (`build() -> Suite`); a file that does not is a PrepError."""
    key = f"interview_prep_suite_{hashlib.sha1(str(path.resolve()).encode()).hexdigest()[:12]}"
    module = sys.modules.get(key)
    if module is None:
        spec = importlib.util.spec_from_file_location(key, path)
        if spec is None or spec.loader is None or not path.is_file():
            raise PrepError(f"{path}: no hidden suite there.")
        module = importlib.util.module_from_spec(spec)
        sys.modules[key] = module
        try:
            spec.loader.exec_module(module)
        except BaseException:
            del sys.modules[key]
            raise
    build = getattr(module, "build", None)
    if not callable(build):
        raise PrepError(f"{path} is not a hidden suite: it defines no build() returning a Suite.")
    suite = build()
    if not isinstance(suite, Suite):
        raise PrepError(f"{path}: build() returned {type(suite).__name__}, not a Suite.")
    return suite


# --- decoding what the child sent ------------------------------------------------------------


def decode_value(raw: Mapping[str, Any]) -> Value:
    kind = str(raw.get("kind", "object"))
    type_name = str(raw.get("type", "?"))
    if kind == "ndarray":
        npy = raw.get("npy")
        if npy is None:
            return Value("ndarray-object", type_name, None)
        arr = np.load(io.BytesIO(base64.b64decode(npy)), allow_pickle=False)
        return Value(kind, type_name, arr)
    if kind in ("tuple", "list"):
        items = [decode_value(v) for v in raw.get("items", [])]
        if int(raw.get("len", len(items))) != len(items):
            items.append(Value("object", "(more items)", None))
        return Value(kind, type_name, items)
    if kind == "dict":
        entries = {str(k): decode_value(v) for k, v in raw.get("items", [])}
        if int(raw.get("len", len(entries))) != len(entries):
            entries["(more keys)"] = Value("object", "(more items)", None)
        return Value(kind, type_name, entries)
    return Value(kind, type_name, raw.get("value"))


# --- helpers for judges: turn values into what the contract promised, or say why not -----------


def describe(value: Value) -> str:
    if value.kind == "ndarray" and isinstance(value.data, np.ndarray):
        return f"an array of shape {value.data.shape} and dtype {value.data.dtype}"
    if value.kind == "ndarray-subclass":
        return f"a {value.type_name} (a subclass of ndarray)"
    if value.kind == "ndarray-object":
        return "an array of dtype object"
    if value.kind in ("tuple", "list"):
        return f"a {value.kind} of {len(value.data)} items"
    if value.kind == "dict":
        return f"a dict with keys {sorted(value.data)}"
    if value.kind == "none":
        return "None"
    return f"a {value.type_name}"


def as_tuple(value: Value | None, n: int, what: str) -> list[Value]:
    """The items of a returned tuple (or list) of exactly n items."""
    if value is None:
        raise Unusable(f"{what}: nothing came back")
    if value.kind not in ("tuple", "list") or len(value.data) != n:
        raise Unusable(f"{what} should return a tuple of {n} items, but returned {describe(value)}")
    return list(value.data)


def as_dict(value: Value | None, what: str, keys: Sequence[str]) -> dict[str, Value]:
    """The entries of a returned dict with exactly the given (string) keys."""
    if value is None:
        raise Unusable(f"{what}: nothing came back")
    if value.kind != "dict":
        raise Unusable(f"{what} should be a dict with keys {sorted(keys)}, but it is {describe(value)}")
    if set(value.data) != set(keys):
        missing, extra = sorted(set(keys) - set(value.data)), sorted(set(value.data) - set(keys))
        parts = ([f"missing {missing}"] if missing else []) + ([f"unexpected {extra}"] if extra else [])
        raise Unusable(f"{what} should have the keys {sorted(keys)}, but has {sorted(value.data)} ({', '.join(parts)})")
    return dict(value.data)


def as_array(
    value: Value,
    what: str,
    *,
    ndim: int | None = None,
    shape: tuple[int, ...] | None = None,
    numeric: bool = True,
) -> np.ndarray:
    """A plain ndarray (no subclass, no object dtype), of the given shape; dtype not judged here."""
    if value.kind != "ndarray" or not isinstance(value.data, np.ndarray):
        raise Unusable(f"{what} should be a NumPy array, but it is {describe(value)}")
    arr = value.data
    if numeric and arr.dtype.kind not in "biuf":
        raise Unusable(f"{what} should hold numbers, but its dtype is {arr.dtype}")
    if ndim is not None and arr.ndim != ndim:
        raise Unusable(f"{what} should be {ndim}-D, but has shape {arr.shape}")
    if shape is not None and arr.shape != shape:
        raise Unusable(f"{what} should have shape {shape}, but has shape {arr.shape}")
    return arr


def as_int_array(value: Value, what: str, *, shape: tuple[int, ...] | None = None) -> np.ndarray:
    """Integer values (an integral float array is accepted here; the dtype check is separate)."""
    arr = as_array(value, what, ndim=1 if shape is None else None, shape=shape)
    if arr.dtype.kind == "f":
        if not np.all(np.isfinite(arr)) or not np.all(arr == np.round(arr)):
            raise Unusable(f"{what} should hold whole numbers (indices), but holds fractions or NaN")
        arr = arr.astype(np.int64)
    return arr.astype(np.int64)


def as_float(value: Value | None, what: str) -> float:
    """A real number (Python float or NumPy floating scalar, or a size-1 array for judging)."""
    if value is None:
        raise Unusable(f"{what}: nothing came back")
    if value.kind in ("float", "int") and not isinstance(value.data, bool):
        return float(value.data)
    if value.kind == "ndarray" and isinstance(value.data, np.ndarray) and value.data.size == 1:
        if value.data.dtype.kind in "iuf":
            return float(value.data.reshape(()))
    raise Unusable(f"{what} should be a float, but it is {describe(value)}")


def same_value(a: Value | None, b: Value | None) -> bool:
    """Exactly equal returns (same kinds, shapes, dtypes kinds and bits of data); NaN equals NaN."""
    if a is None or b is None or a.kind != b.kind or a.type_name != b.type_name:
        return False
    if a.kind in ("tuple", "list"):
        return len(a.data) == len(b.data) and all(same_value(x, y) for x, y in zip(a.data, b.data, strict=True))
    if a.kind == "dict":
        return a.data.keys() == b.data.keys() and all(same_value(a.data[k], b.data[k]) for k in a.data)
    if a.kind == "ndarray":
        x, y = a.data, b.data
        return bool(x.shape == y.shape and x.dtype == y.dtype and np.array_equal(x, y, equal_nan=x.dtype.kind in "fc"))
    return bool(a.data == b.data)
