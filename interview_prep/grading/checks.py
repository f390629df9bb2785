"""The vocabulary of checks every suite shares, each owning the calls it judges.

A builder here returns a `Part`: one Check and the Calls it reads. A suite lists its parts and
`assemble` collects their calls (a Call shared by two parts is the same object, listed once), so a
call id is written in one place only: where the call is made. The checks: values close to a
formula over a table of cases, ValueError on a table of bad inputs, inputs left unchanged, a
gradient against central finite differences, speed against the reference, and (see loops.py) no
Python loop over samples.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, TypeVar

import numpy as np

from interview_prep.grading.loops import loop_style_check, sample_loops
from interview_prep.grading.report import Category
from interview_prep.grading.suite import Call, Check, Fail, Judge, ListArg, Returned, Shrink, Suite, Value

__all__ = [
    "SLOW_RATIO",
    "SLOW_SECONDS",
    "Part",
    "Timed",
    "assemble",
    "close",
    "each",
    "fewer_rows",
    "fewer_samples",
    "finite_differences",
    "fmt",
    "fmt_pair",
    "inputs_kept",
    "inputs_unchanged",
    "judged",
    "loop_style",
    "loop_style_check",
    "no_warnings",
    "performance",
    "performance_check",
    "python_source",
    "shrink_each",
    "smaller_matrices",
    "raises_value_error",
    "rounder",
    "sample_loops",
    "timed",
    "timing_calls",
    "value_errors",
    "values_close",
]

T = TypeVar("T")

# A solution loses the performance points only when it is both far slower than the reference
# (a Python loop over samples is 30-300x) and slow in absolute terms, so timer noise on a fast
# machine never costs points.
SLOW_RATIO = 10.0
SLOW_SECONDS = 0.05


# --- numbers in messages ------------------------------------------------------------------------


def fmt(x: float, digits: int = 6) -> str:
    """A number for a message: %g with `digits` significant digits."""
    return f"{float(x):.{digits}g}"


def fmt_pair(got: float, want: float, digits: int = 6) -> tuple[str, str]:
    """`got` and `want` for a "gave ..., expected ..." message: %g while that tells them apart, else
    more digits up to repr precision, so two different numbers never read the same ("gave 1,
    expected 1" when got is 1 - 6.7e-16)."""
    g, w = float(got), float(want)
    if g == w or (np.isnan(g) and np.isnan(w)):
        return fmt(g, digits), fmt(w, digits)
    for d in range(digits, 18):
        a, b = fmt(g, d), fmt(w, d)
        if a != b:
            return a, b
    return repr(g), repr(w)


def no_warnings(r: Returned, why: str) -> None:
    """Fail when the call raised a warning (an overflow RuntimeWarning, say) that the contract rules
    out; `why` is the clause, for the message."""
    if r.warnings:
        about = f" on {r.call.about}" if r.call.about else ""
        raise Fail(f"{r.call.func} warned {r.warnings[0]}{about}; {why}.")


# --- parts and how a suite is assembled from them ----------------------------------------------


@dataclass(frozen=True)
class Part:
    """A check with the calls it judges (static checks have none)."""

    check: Check
    calls: tuple[Call, ...] = ()


def judged(
    name: str,
    category: Category,
    points: float,
    calls: Sequence[Call],
    judge: Judge,
    *,
    hint: str = "",
    may_raise: bool = False,
    shrink: Shrink | None = None,
) -> Part:
    """A check of its own kind: `judge` reads the results of exactly these calls. A check of one call
    reports that call's input as Python source when it fails."""
    ids = tuple(c.id for c in calls)
    if shrink is None and len(calls) == 1 and not may_raise:
        shrink = _one_call(calls[0], judge)
    check = Check(name, category, points, ids, judge, hint=hint, may_raise=may_raise, shrink=shrink)
    return Part(check, tuple(calls))


def _one_call(call: Call, judge: Judge) -> Shrink:
    """The failing input of a check that judges one call: that call, as it was made."""

    def fails(r: Returned, _case: Any) -> str | None:
        if r.outcome != "ok":
            return None
        try:
            judge({call.id: r})
        except Fail as exc:
            return str(exc)
        except Exception:  # noqa: BLE001 - not the same failure
            return None
        return None

    def failing(results: Mapping[str, Returned]) -> tuple[Call, Any] | None:
        r = results.get(call.id)
        return (call, None) if r is not None and fails(r, None) is not None else None

    return Shrink(failing, _no_smaller, fails, python_source)


def assemble(
    question: str,
    function_names: tuple[str, ...],
    parts: Sequence[Part | Check],
    reference: str,
    *,
    timeout: float = 6.0,
    hash_seeds: Mapping[int, int | None] | None = None,
) -> Suite:
    """The suite of these parts: their checks in order, their calls in order of first use."""
    calls: dict[str, Call] = {}
    checks = []
    for piece in parts:
        part = piece if isinstance(piece, Part) else Part(piece)
        for call in part.calls:
            if calls.setdefault(call.id, call) is not call:
                raise ValueError(f"{question}: two different calls share the id {call.id!r}")
        checks.append(part.check)
    extra = {} if hash_seeds is None else {"hash_seeds": dict(hash_seeds)}
    return Suite(question, function_names, tuple(calls.values()), tuple(checks), reference, timeout, **extra)


def loop_style(funcs: tuple[str, ...], n_sample_args: int, what: str, hint: str, points: float = 1) -> Part:
    """No Python loop over the first `n_sample_args` parameters of `funcs` (a static check, no calls)."""
    return Part(loop_style_check(funcs, n_sample_args, what, hint, points))


# --- values over a table of cases ----------------------------------------------------------------


def each(
    name: str,
    category: Category,
    points: float,
    cases: Sequence[tuple[Call, T]],
    verify: Callable[[Returned, T], None],
    passed: str,
    *,
    hint: str = "",
    shrink: Callable[[Call, T], Sequence[tuple[Call, T]]] | None = None,
    names: Sequence[str] = (),
) -> Part:
    """`verify(result, case)` holds for every row of the table (it raises Fail when not).

    A failure carries the failing row's input as Python source (the positional arguments named
    `names` bound first); with `shrink` (smaller cases of a case), the smallest input found that
    still fails the same way."""

    def judge(results: Mapping[str, Returned]) -> str:
        for call, case in cases:
            verify(results[call.id], case)
        return passed

    spec = shrink_each(cases, verify, shrink or _no_smaller, names)
    return judged(name, category, points, [c for c, _ in cases], judge, hint=hint, shrink=spec)


# --- the smallest failing input ----------------------------------------------------------------------


def _no_smaller(call: Call, case: Any) -> list[tuple[Call, Any]]:
    return []


def shrink_each(
    cases: Sequence[tuple[Call, T]],
    verify: Callable[[Returned, T], None],
    candidates: Callable[[Call, T], Sequence[tuple[Call, T]]],
    names: Sequence[str],
) -> Shrink:
    """How a table check shrinks: its first failing row, judged by the same `verify`."""

    def verdict(r: Returned, case: T) -> str | None:
        if r.outcome != "ok":
            return None
        try:
            verify(r, case)
        except Fail as exc:
            return str(exc)
        except Exception:  # noqa: BLE001 - an unusable return is not the same failure
            return None
        return None

    def failing(results: Mapping[str, Returned]) -> tuple[Call, Any] | None:
        for call, case in cases:
            r = results.get(call.id)
            if r is not None and verdict(r, case) is not None:
                return call, case
        return None

    return Shrink(failing, candidates, verdict, lambda call: python_source(call, names))


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


def fewer_rows(n: int, least: int = 1) -> list[np.ndarray]:
    """Index arrays of fewer than n rows (never fewer than `least`), the smallest first: prefixes,
    suffixes and evenly spread subsets of a few sizes (jumping down at once), then one row dropped."""
    out: list[np.ndarray] = []
    seen: set[bytes] = set()
    sizes = sorted({m for m in (least, least + 1, least + 2, n // 4, n // 2) if least <= m < n})
    rows = [np.arange(n)[:m] for m in sizes] + [np.arange(n - m, n) for m in sizes]
    rows += [np.linspace(0, n - 1, m).round().astype(int) for m in sizes]
    if least <= n - 1 and n <= 8:
        rows += [np.delete(np.arange(n), i) for i in range(n)]
    for idx in sorted(rows, key=len):
        if idx.tobytes() not in seen:
            seen.add(idx.tobytes())
            out.append(idx)
    return out


def rounder(a: np.ndarray) -> list[np.ndarray]:
    """A float array rounded to whole numbers and to one decimal (the ones that differ from it)."""
    if a.dtype.kind != "f":
        return []
    # + 0.0 turns the -0.0 that rounding leaves into 0.0, which reads better in a snippet.
    return [r for r in (np.round(a, 0) + 0.0, np.round(a, 1) + 0.0) if not np.array_equal(r, a)]


def fewer_samples(call: Call, case: Any, aligned: int = 2, least: int = 1) -> list[tuple[Call, Any]]:
    """A call and its case on fewer samples, for tables whose case starts with the call's arrays: the
    first `aligned` positional arguments (arrays or lists aligned on their first axis) are cut to the
    same rows, and so are the case's first `aligned` items; then each rounded on its own."""
    arrays = [a.array if isinstance(a, ListArg) else np.asarray(a) for a in call.args[:aligned]]
    variants = [[a[idx] for a in arrays] for idx in fewer_rows(len(arrays[0]), least)]
    variants += [[r if i == j else a for i, a in enumerate(arrays)] for j in range(aligned) for r in rounder(arrays[j])]
    out = []
    for v in variants:
        args = tuple(ListArg(x) if isinstance(o, ListArg) else x for x, o in zip(v, call.args, strict=False))
        out.append((replace(call, args=args + call.args[aligned:], about="this input"), (*v, *case[aligned:])))
    return out


def smaller_matrices(X: np.ndarray, least_rows: int = 1) -> list[np.ndarray]:
    """Smaller versions of a 2-D array (the shrinker keeps the smallest that still fails): fewer rows
    (prefixes, also rounded to whole numbers or one decimal, suffixes and spread subsets, jumping
    down at once), one row dropped, fewer columns, rounder values."""
    n, d = X.shape
    out: list[np.ndarray] = []
    seen: set[tuple[tuple[int, ...], bytes]] = set()

    def add(a: np.ndarray) -> None:
        if a.shape[0] < least_rows or (a.shape == X.shape and np.array_equal(a, X)):
            return
        key = (a.shape, a.tobytes())
        if key not in seen:
            seen.add(key)
            out.append(a)

    for idx in fewer_rows(n, least_rows):
        for a in [*rounder(X[idx]), X[idx]]:
            add(a)
    if d > 1:
        for j in range(d):
            add(np.delete(X, j, axis=1))
    for a in rounder(X):
        add(a)
    return out


def close(got: float | np.ndarray, want: float | np.ndarray, rtol: float, atol: float) -> bool:
    """Finite and allclose (NaN or inf never counts as close, even where `want` is inf)."""
    g = np.asarray(got, dtype=np.float64)
    return bool(np.all(np.isfinite(g)) and g.shape == np.shape(want) and np.allclose(g, want, rtol=rtol, atol=atol))


def values_close(
    name: str,
    category: Category,
    points: float,
    cases: Sequence[tuple[Call, Any]],
    read: Callable[[Returned], Any],
    *,
    rtol: float,
    atol: float,
    fail: Callable[[Returned, Any, Any], str],
    passed: str,
    hint: str = "",
    shrink: Callable[[Call, Any], Sequence[tuple[Call, Any]]] | None = None,
    names: Sequence[str] = (),
) -> Part:
    """What each call returned (`read` turns it into a float or an array) is close to the table's
    expected value; `fail(result, got, want)` words the first miss (`shrink`, `names`: see `each`)."""

    def verify(r: Returned, want: Any) -> None:
        got = read(r)
        if not close(got, want, rtol, atol):
            raise Fail(fail(r, got, want))

    return each(name, category, points, cases, verify, passed, hint=hint, shrink=shrink, names=names)


# --- bad inputs ------------------------------------------------------------------------------------


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


def value_errors(
    name: str,
    category: Category,
    points: float,
    calls: Sequence[Call],
    *,
    hint: str = "",
    passed: str = "",
    why_bad: str = "",
) -> Part:
    """Every one of these bad inputs makes the function raise ValueError."""
    ids = [c.id for c in calls]

    def judge(results: Mapping[str, Returned]) -> str:
        return raises_value_error(results, ids, passed=passed, why_bad=why_bad)

    return judged(name, category, points, calls, judge, hint=hint, may_raise=True)


# --- inputs left as they were --------------------------------------------------------------------


def _same_input(after: Value | None, orig: object) -> bool:
    if after is None:
        return False
    if isinstance(orig, np.ndarray):
        return after.kind == "ndarray" and bool(np.array_equal(after.data, orig))
    return True


def inputs_kept(
    results: Mapping[str, Returned], ids: Sequence[str], names: Sequence[str], *, why: str = "", passed: str = ""
) -> str:
    """The arguments sent back after each call (Call.return_args) equal what was passed in; `why`
    is added to a failure (how it usually happens)."""
    for cid in ids:
        r = results[cid]
        for i in r.call.return_args:
            if not _same_input(r.args_after.get(i), r.call.args[i]):
                tail = f" {why}" if why else ""
                raise Fail(f"{r.call.func} modified the caller's {names[i]} in place on {r.call.about}{tail}.")
    return passed or "inputs are left as they were."


def inputs_unchanged(
    name: str,
    category: Category,
    points: float,
    calls: Sequence[Call],
    names: Sequence[str],
    *,
    hint: str = "",
    why: str = "",
    passed: str = "",
) -> Part:
    """The array arguments each call sends back (its return_args) are what was passed in; `names`
    are the parameters' names by position, for the message."""
    ids = [c.id for c in calls]

    def judge(results: Mapping[str, Returned]) -> str:
        return inputs_kept(results, ids, names, why=why, passed=passed)

    return judged(name, category, points, calls, judge, hint=hint)


# --- gradients against finite differences ---------------------------------------------------------


def finite_differences(
    name: str,
    category: Category,
    points: float,
    *,
    grad_calls: Sequence[Call],
    gradient: Callable[[Sequence[Returned]], Mapping[str, np.ndarray]],
    variables: Mapping[str, np.ndarray],
    stepped: Callable[[str, np.ndarray], Call],
    loss: Callable[[Returned], Any],
    step: float,
    fail: Callable[[str, np.ndarray, np.ndarray, Returned], str],
    passed: str,
    hint: str = "",
    rtol: float = 1e-4,
    atol: float = 1e-6,
    change: Callable[[Any, Any], float] = lambda up, down: float(up - down),
) -> Part:
    """The gradient the user's code gives (`gradient` reads it from the results of `grad_calls`, one
    array per variable) against central differences of the user's own loss: for every element of
    every variable, `stepped(variable, moved)` is the call of the loss with that variable moved by
    +-step, and `loss` reads the loss it returned; `change(loss up, loss down)` is how much it
    changed (by default their difference; a layer's output is weighted by its upstream gradient).
    `fail(variable, got, numeric, first grad result)` words a mismatch."""
    plus: dict[str, list[Call]] = {}
    minus: dict[str, list[Call]] = {}
    for var, value in variables.items():
        for sign, tag, table in ((1, "plus", plus), (-1, "minus", minus)):
            row = table.setdefault(var, [])
            for i in range(value.size):
                moved = np.array(value, dtype=np.float64, copy=True)
                moved.flat[i] += sign * step
                row.append(replace(stepped(var, moved), id=f"fd-{tag}-{var}-{i}"))
    # The order the calls were always made in: each element's +step then its -step.
    calls = list(grad_calls) + [
        c for var in variables for pair in zip(plus[var], minus[var], strict=True) for c in pair
    ]

    def judge(results: Mapping[str, Returned]) -> str:
        first = results[grad_calls[0].id]
        got = gradient([results[c.id] for c in grad_calls])
        for var, value in variables.items():
            numeric = np.zeros(np.shape(value), dtype=np.float64)
            for i, (up, down) in enumerate(zip(plus[var], minus[var], strict=True)):
                numeric.flat[i] = change(loss(results[up.id]), loss(results[down.id])) / (2 * step)
            if not close(got[var], numeric, rtol, atol):
                raise Fail(fail(var, got[var], numeric, first))
        return passed

    return judged(name, category, points, calls, judge, hint=hint)


# --- speed against the reference ------------------------------------------------------------------


@dataclass(frozen=True)
class Timed:
    """One function timed on one large input: the user's call and the reference's."""

    func: str
    about: str
    user: Call
    reference: Call


def timing_calls(func: str, args: tuple[object, ...], kwargs: Mapping[str, object], about: str) -> tuple[Call, Call]:
    """The same large input, timed for the user's function and for the reference (in a child of its own,
    where no user code ever runs)."""
    user = Call("perf-user", func, args, dict(kwargs), repeat=2, send=False, about=about)
    ref = Call("perf-reference", func, args, dict(kwargs), module="reference", repeat=3, send=False, about=about)
    return user, ref


def timed(func: str, args: tuple[object, ...], kwargs: Mapping[str, object], about: str, *, tag: str = "") -> Timed:
    """`func` timed on this input; `tag` tells apart the ids when a check times several functions."""
    user, ref = timing_calls(func, args, kwargs, about)
    if tag:
        user, ref = replace(user, id=f"{user.id}-{tag}"), replace(ref, id=f"{ref.id}-{tag}")
    return Timed(func, about, user, ref)


def _speed(t: Timed, results: Mapping[str, Returned]) -> tuple[float, float]:
    """The user's seconds and the ratio to the reference; Fail when far slower and slow."""
    user = results[t.user.id].seconds or 0.0
    ref = max(results[t.reference.id].seconds or 0.0, 1e-6)
    ratio = user / ref
    if ratio > SLOW_RATIO and user > SLOW_SECONDS:
        raise Fail(
            f"{t.func} took {user * 1000:.0f} ms on {t.about}, {ratio:.0f}x the reference ({ref * 1000:.1f} ms)."
        )
    return user, ratio


def performance(timings: Sequence[Timed], hint: str, points: float = 2, *, one_input: bool = False) -> Part:
    """Each timed function is not far slower than the reference (see SLOW_RATIO and SLOW_SECONDS).
    `one_input`: the functions run one after the other on the same input, named once in the note."""

    def judge(results: Mapping[str, Returned]) -> str:
        if one_input:
            notes = []
            for t in timings:
                user, ratio = _speed(t, results)
                notes.append(f"{t.func} {user * 1000:.1f} ms ({ratio:.1f}x the reference)")
            return f"on {timings[0].about}: " + "; ".join(notes) + "."
        sentences = []
        for t in timings:
            user, ratio = _speed(t, results)
            sentences.append(f"{t.func} took {user * 1000:.1f} ms on {t.about} ({ratio:.1f}x the reference).")
        return " ".join(sentences)

    calls = [c for t in timings for c in (t.user, t.reference)]
    return judged("vectorized: time on a large input", Category.PERFORMANCE, points, calls, judge, hint=hint)


def performance_check(func: str, about: str, hint: str, points: float = 2) -> Check:
    """The speed check of one function on the calls `timing_calls` makes."""
    user, ref = timing_calls(func, (), {}, about)
    return performance([Timed(func, about, user, ref)], hint, points).check
