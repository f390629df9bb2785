"""The shared checks own their wiring: a builder makes the calls it judges, and a suite is assembled from parts."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest

from interview_prep.grading.checks import (
    Part,
    assemble,
    each,
    finite_differences,
    inputs_unchanged,
    judged,
    loop_style,
    performance,
    timed,
    value_errors,
)
from interview_prep.grading.report import Category
from interview_prep.grading.suite import Call, Fail, Returned, Value

C = Category.CORRECTNESS


def _ok(call: Call, value: Value | None = None, **kw: object) -> Returned:
    return Returned(call, "ok", value, **kw)  # type: ignore[arg-type]


def _float(x: float) -> Value:
    return Value("float", "float", x)


def _array(a: np.ndarray) -> Value:
    return Value("ndarray", "ndarray", a)


def test_a_call_two_checks_judge_is_listed_once_in_order_of_first_use() -> None:
    a, b, c = (Call(i, "f", (), about=i) for i in "abc")

    def note(_results: object) -> str:
        return "fine"

    suite = assemble(
        "q",
        ("f",),
        [judged("one", C, 1, [b, a], note), judged("two", C, 1, [a, c], note), loop_style(("f",), 1, "x", "")],
        "q.py",
    )
    assert [call.id for call in suite.calls] == ["b", "a", "c"]
    assert [check.calls for check in suite.checks] == [("b", "a"), ("a", "c"), ()]
    assert suite.timeout == 6.0 and dict(suite.hash_seeds) == {0: None}


def test_two_different_calls_may_not_share_an_id() -> None:
    def note(_results: object) -> str:
        return "fine"

    with pytest.raises(ValueError, match="share the id 'a'"):
        assemble(
            "q",
            ("f",),
            [judged("one", C, 1, [Call("a", "f", ())], note), judged("two", C, 1, [Call("a", "g", ())], note)],
            "q.py",
        )


def test_each_judges_every_row_of_the_table_and_names_the_first_miss() -> None:
    rows = [(Call(f"r{i}", "f", (i,), about=f"input {i}"), i * 2) for i in range(3)]

    def verify(r: Returned, want: int) -> None:
        if r.value is None or r.value.data != want:
            raise Fail(f"wrong on {r.call.about}")

    part = each("doubles", C, 1, rows, verify, "doubles every input.")
    assert part.check.calls == ("r0", "r1", "r2")
    good = {c.id: _ok(c, Value("int", "int", w)) for c, w in rows}
    assert part.check.judge(good) == "doubles every input."
    bad = dict(good, r1=_ok(rows[1][0], Value("int", "int", 3)))
    with pytest.raises(Fail, match="wrong on input 1"):
        part.check.judge(bad)


def _fd_part(gradient: np.ndarray) -> tuple[Part, dict[str, Returned]]:
    """The finite-difference check of L(w) = sum(w ** 2) at w0, where the user's code says `gradient`."""
    w0 = np.array([1.0, -2.0, 0.5])
    step = 1e-6

    def read(rs: Sequence[Returned]) -> dict[str, np.ndarray]:
        assert rs[0].value is not None
        return {"w": rs[0].value.data}

    part = finite_differences(
        "gradient matches finite differences",
        C,
        2,
        grad_calls=[Call("fd-grad", "grad", (w0,), about="w0")],
        gradient=read,
        variables={"w": w0},
        stepped=lambda _var, w: Call("fd", "loss", (w,), about="w0"),
        loss=lambda r: float(r.value.data) if r.value is not None else float("nan"),
        step=step,
        fail=lambda var, got, num, r: (
            f"d{var} is {got.round(3).tolist()}, not {num.round(3).tolist()} on {r.call.about}"
        ),
        passed="agrees.",
    )
    results: dict[str, Returned] = {}
    for call in part.calls:
        if call.id == "fd-grad":
            results[call.id] = _ok(call, _array(gradient))
        else:
            results[call.id] = _ok(call, _float(float(np.sum(call.args[0] ** 2))))
    return part, results


def test_finite_differences_makes_a_call_per_element_and_side_and_judges_them() -> None:
    part, results = _fd_part(np.array([2.0, -4.0, 1.0]))
    ids = [c.id for c in part.calls]
    assert ids == [
        "fd-grad",
        "fd-plus-w-0",
        "fd-minus-w-0",
        "fd-plus-w-1",
        "fd-minus-w-1",
        "fd-plus-w-2",
        "fd-minus-w-2",
    ]
    assert part.check.calls == tuple(ids)
    assert part.check.judge(results) == "agrees."


def test_finite_differences_fails_a_gradient_that_is_not_the_losss_derivative() -> None:
    part, results = _fd_part(np.array([1.0, -2.0, 0.5]))  # half the true gradient
    with pytest.raises(Fail, match=r"dw is \[1.0, -2.0, 0.5\], not \[2.0, -4.0, 1.0\] on w0"):
        part.check.judge(results)


def test_timed_calls_keep_the_perf_prefix_the_runner_reports_timeouts_by() -> None:
    timings = [timed(f, (np.zeros(3),), {}, "a big input", tag=f) for f in ("f", "g")]
    part = performance(timings, "vectorize")
    assert part.check.calls == ("perf-user-f", "perf-reference-f", "perf-user-g", "perf-reference-g")
    assert all(c.send is False for c in part.calls)
    assert [c.module for c in part.calls] == ["user", "reference", "user", "reference"]
    seconds = {"perf-user-f": 0.01, "perf-reference-f": 0.01, "perf-user-g": 0.4, "perf-reference-g": 0.01}
    results = {c.id: _ok(c, seconds=seconds[c.id]) for c in part.calls}
    with pytest.raises(Fail, match="g took 400 ms on a big input, 40x the reference"):
        part.check.judge(results)


def test_inputs_unchanged_names_the_argument_that_came_back_changed() -> None:
    x = np.arange(3.0)
    call = Call("kept", "f", (x, 2), return_args=(0,), about="a small x")
    part = inputs_unchanged("inputs not modified", C, 1, [call], ["x", "k"], why="(in-place sort?)")
    assert part.check.judge({"kept": _ok(call, args_after={0: _array(x.copy())})}) == "inputs are left as they were."
    with pytest.raises(Fail, match=r"f modified the caller's x in place on a small x \(in-place sort\?\)\."):
        part.check.judge({"kept": _ok(call, args_after={0: _array(x[::-1].copy())})})


def test_value_errors_may_see_raised_calls() -> None:
    call = Call("bad", "f", (), about="a bad input")
    part = value_errors("ValueError on bad input", Category.EDGE_CASE, 1, [call], passed="raises.")
    assert part.check.may_raise
    assert part.check.judge({"bad": Returned(call, "raised", exc_type="ValueError")}) == "raises."
