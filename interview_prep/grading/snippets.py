"""Counterexamples as Python source the user can paste: a call and its inputs, array arguments bound
to their parameter names."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from interview_prep.grading.suite import Call, ListArg


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


def python_source(call: Call, names: Sequence[str] = ()) -> str:
    """The call as Python source a user can paste: its array arguments bound to their parameter names
    (`names`, by position) first, e.g. `X = np.array([[0.0, 0.0], [5.0, 5.0]]); kmeans(X, 2, seed=3)`."""
    lines, args = [], []
    for i, a in enumerate(call.args):
        name = names[i] if i < len(names) else ""
        if name and isinstance(a, (np.ndarray, ListArg, dict)):
            lines.append(f"{name} = {_literal(a)}")
            args.append(name)
        else:
            args.append(_literal(a))
    args += [f"{k}={_literal(v)}" for k, v in call.kwargs.items()]
    return "; ".join([*lines, f"{call.func}({', '.join(args)})"])
