"""The harness extensions the drills need: dict inputs and returns, results chained between calls, generators made in the child."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from interview_prep.grading.running import encode_args, returned
from interview_prep.grading.sandbox import Limits, run_harness
from interview_prep.grading.suite import (
    Call,
    FromCall,
    Returned,
    Rng,
    Unusable,
    Value,
    as_dict,
    decode_value,
    load_suite,
    same_value,
)
from tests.grading.helpers import CODING

SOURCE = """
import numpy as np

def scale(params, k):
    return {name: k * np.asarray(v) for name, v in params.items()}

def mutate(params):
    params["w"] += 1
    return None

def forward(x):
    return x * 2, {"x": x, "secret": object()}, len(x)

def backward(dout, cache):
    return dout * cache["x"]

def explode(x):
    raise ValueError("no")

def draw(rng):
    return rng.permutation(5)

def odd_keys():
    return {1: 2.0, "a": [1, 2]}

def overflow(x):
    return 1.0 / (1.0 + np.exp(-x))
"""


def _run(tmp_path: Path, calls: list[Call]) -> dict[str, Returned]:
    solution = tmp_path / "solution.py"
    solution.write_text(SOURCE)
    job_calls, arrays = encode_args(calls)
    run = run_harness({"solution": str(solution), "calls": job_calls}, arrays, Limits(wall_seconds=10))
    by_id = {r["id"]: r for r in run.records if r.get("event") == "call"}
    return {c.id: returned(c, by_id[c.id]) for c in calls}


@pytest.mark.slow
def test_dicts_go_in_as_dicts_of_fresh_arrays_and_come_back_as_dict_values(tmp_path: Path) -> None:
    params = {"w": np.arange(3.0), "b": np.array([0.5]), "__npy__": np.zeros(2)}  # a key that looks like a tag
    results = _run(
        tmp_path,
        [Call("s", "scale", (params, 2)), Call("m", "mutate", (params,), return_args=(0,)), Call("o", "odd_keys", ())],
    )
    value = results["s"].value
    assert value is not None and value.kind == "dict"
    got = as_dict(value, "scale", ["w", "b", "__npy__"])
    assert np.array_equal(got["w"].data, [0.0, 2.0, 4.0]) and np.array_equal(got["__npy__"].data, [0.0, 0.0])
    # What the function did to the dict it was given comes back too, so "params not modified" is judgeable.
    assert np.array_equal(results["m"].args_after[0].python["w"], [1.0, 2.0, 3.0])
    assert results["o"].value is not None and set(results["o"].value.python) == {"<int>", "a"}


def test_as_dict_names_missing_and_unexpected_keys() -> None:
    value = Value("dict", "dict", {"W1": Value("int", "int", 1), "extra": Value("int", "int", 2)})
    with pytest.raises(Unusable, match=r"missing \['b1'\].*unexpected \['extra'\]"):
        as_dict(value, "grads", ["W1", "b1"])
    with pytest.raises(Unusable, match="should be a dict"):
        as_dict(Value("list", "list", []), "grads", ["W1"])
    assert same_value(value, Value("dict", "dict", dict(value.data)))
    assert not same_value(value, Value("dict", "dict", {"W1": Value("int", "int", 1)}))


@pytest.mark.slow
def test_an_opaque_result_is_passed_to_a_later_call_inside_the_child(tmp_path: Path) -> None:
    x = np.arange(4.0)
    results = _run(
        tmp_path,
        [
            Call("fwd", "forward", (x,)),  # its cache holds an object that could never cross the boundary
            Call("bwd", "backward", (np.ones(4), FromCall("fwd", 1))),
            Call("whole", "backward", (np.ones(4), {"x": FromCall("fwd", 0)})),
            Call("bad-item", "backward", (np.ones(4), FromCall("fwd", 5))),
        ],
    )
    assert results["fwd"].outcome == "ok"
    assert results["bwd"].outcome == "ok" and np.array_equal(results["bwd"].value.data, x)  # type: ignore[union-attr]
    assert np.array_equal(results["whole"].value.data, 2 * x)  # type: ignore[union-attr]
    assert results["bad-item"].outcome == "not-run"
    assert "forward returned a tuple of 3 items" in results["bad-item"].detail


@pytest.mark.slow
def test_a_call_whose_input_came_from_a_call_that_raised_is_not_run_and_says_why(tmp_path: Path) -> None:
    results = _run(tmp_path, [Call("e", "explode", (1,)), Call("after", "backward", (np.ones(2), FromCall("e", 1)))])
    assert results["e"].raised
    assert results["after"].outcome == "not-run"
    assert results["after"].detail == "backward was not run: explode raised ValueError."


@pytest.mark.slow
def test_generators_are_made_in_the_child_fresh_or_shared_by_stream(tmp_path: Path) -> None:
    calls = [
        Call("fresh-1", "draw", (Rng(7),)),
        Call("fresh-2", "draw", (Rng(7),)),
        Call("epoch-1", "draw", (Rng(7, stream="train"),)),
        Call("epoch-2", "draw", (Rng(7, stream="train"),)),
    ]
    got = {cid: r.value.data.tolist() for cid, r in _run(tmp_path, calls).items()}  # type: ignore[union-attr]
    rng = np.random.default_rng(7)
    first, second = rng.permutation(5).tolist(), rng.permutation(5).tolist()
    assert got == {"fresh-1": first, "fresh-2": first, "epoch-1": first, "epoch-2": second}


def test_only_results_a_later_call_takes_are_kept() -> None:
    calls = [
        Call("a", "f", ()),
        Call("b", "f", ()),
        Call("c", "g", ((FromCall("a"), [{"k": FromCall("b", 0)}]),)),
    ]
    job, _arrays = encode_args(calls)
    assert [c["keep"] for c in job] == [True, True, False]
    assert job[2]["args"][0] == {
        "__tuple__": [{"__from__": "a", "item": None}, [{"__dict__": {"k": {"__from__": "b", "item": 0}}}]]
    }


def test_decode_value_reads_a_dict_record() -> None:
    raw = {"kind": "dict", "type": "dict", "len": 2, "items": [["a", {"kind": "int", "type": "int", "value": 1}]]}
    value = decode_value(raw)
    assert set(value.data) == {"a", "(more keys)"}


def test_every_chained_input_names_an_earlier_call_of_the_same_child_run() -> None:
    # A FromCall to a later call, or to a call in another child run, could never be resolved.
    def chained(v: object) -> list[FromCall]:
        if isinstance(v, FromCall):
            return [v]
        if isinstance(v, (tuple, list)):
            return [f for x in v for f in chained(x)]
        if isinstance(v, dict):
            return [f for x in v.values() for f in chained(x)]
        return []

    for question in CODING:
        assert question.suite is not None
        qid, suite = question.id, load_suite(question.suite)
        seen: dict[str, int] = {}
        for call in suite.calls:
            for ref in chained((call.args, list(call.kwargs.values()))):
                assert seen.get(ref.call_id) == call.run, f"{qid}: {call.id} takes {ref.call_id}"
            seen[call.id] = call.run


@pytest.mark.slow
def test_warnings_a_call_raises_come_back_with_the_line(tmp_path: Path) -> None:
    results = _run(
        tmp_path, [Call("w", "overflow", (np.array([-1000.0, 0.0]),)), Call("quiet", "overflow", (np.zeros(2),))]
    )
    assert results["w"].outcome == "ok"
    assert len(results["w"].warnings) == 1
    assert results["w"].warnings[0].startswith("RuntimeWarning (overflow encountered in exp) at line ")
    assert results["quiet"].warnings == ()
