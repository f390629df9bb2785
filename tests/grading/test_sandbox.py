"""The sandbox: isolation flags, clean environment, limits, capped output, and results only from the pipe."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from interview_prep.grading.running import names_numpy
from interview_prep.grading.sandbox import ChildRun, Limits, run_harness
from interview_prep.grading.suite import decode_value


def _run(
    tmp_path: Path,
    source: str,
    calls: list[dict[str, Any]],
    *,
    wall: float = 5.0,
    hash_seed: int | None = None,
    **limits: Any,
) -> ChildRun:
    solution = tmp_path / "solution.py"
    solution.write_text(source)
    job = {"solution": str(solution), "calls": calls}
    return run_harness(
        job, {"x": np.arange(6.0).reshape(2, 3)}, Limits(wall_seconds=wall, **limits), hash_seed=hash_seed
    )


def _values(run: ChildRun) -> dict[str, Any]:
    return {r["id"]: decode_value(r["value"]).python for r in run.records if r.get("event") == "call" and r.get("ok")}


def _call(cid: str, func: str, *args: Any) -> dict[str, Any]:
    return {"id": cid, "func": func, "args": list(args), "kwargs": {}}


@pytest.mark.slow
def test_child_is_isolated_in_a_temp_dir_with_a_minimal_environment(tmp_path: Path) -> None:
    source = "import os, sys\ndef flags(): return [sys.flags.isolated, os.getcwd(), sorted(os.environ)]\n"
    run = _run(tmp_path, source, [_call("f", "flags")])
    isolated, cwd, env = _values(run)["f"]
    assert isolated == 1
    assert cwd != str(tmp_path) and "prep-run-" in cwd
    assert "HOME" not in env and "PATH" not in env
    assert {"OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS"} <= set(env)


@pytest.mark.slow
def test_inputs_arrive_as_fresh_arrays_and_plain_data_comes_back(tmp_path: Path) -> None:
    source = "import numpy as np\ndef f(a): a += 1; return a, float(a.sum()), 'ok', None\n"
    run = _run(tmp_path, source, [_call("one", "f", {"__npy__": "x"}), _call("two", "f", {"__npy__": "x"})])
    first, second = _values(run)["one"], _values(run)["two"]
    assert np.array_equal(first[0], np.arange(6.0).reshape(2, 3) + 1)
    assert first[1:] == [21.0, "ok", None]
    assert np.array_equal(second[0], first[0])  # the in-place += of call one did not leak into call two


@pytest.mark.slow
def test_records_come_from_the_pipe_not_from_stdout(tmp_path: Path) -> None:
    forged = json.dumps({"event": "call", "id": "f", "ok": True, "value": {"kind": "int", "type": "int", "value": 1}})
    source = f"def f():\n    print({forged!r})\n    return 2\n"
    run = _run(tmp_path, source, [_call("f", "f")])
    assert _values(run) == {"f": 2}
    assert forged in run.stdout


@pytest.mark.slow
def test_output_is_capped_and_does_not_block_the_child(tmp_path: Path) -> None:
    source = "import sys\nprint('x' * 5_000_000)\nsys.stderr.write('y' * 5_000_000)\ndef f(): return 1\n"
    run = _run(tmp_path, source, [_call("f", "f")], output_bytes=1000)
    assert _values(run) == {"f": 1}
    assert len(run.stdout) == 1000 and len(run.stderr) == 1000 and run.output_truncated


@pytest.mark.slow
def test_a_hang_is_killed_at_the_wall_limit_and_earlier_records_are_kept(tmp_path: Path) -> None:
    source = "def ok(): return 1\ndef hang():\n    while True: pass\n"
    start = time.monotonic()
    run = _run(tmp_path, source, [_call("a", "ok"), _call("b", "hang"), _call("c", "ok")], wall=1.0)
    assert time.monotonic() - start < 1.0 + 2
    assert run.timed_out
    assert _values(run) == {"a": 1}


@pytest.mark.slow
def test_cpu_time_limit_ends_a_busy_child(tmp_path: Path) -> None:
    source = "def hang():\n    while True: pass\n"
    run = _run(tmp_path, source, [_call("b", "hang")], wall=10.0, cpu_seconds=1)
    assert run.signal_name == "SIGXCPU" and not run.timed_out


@pytest.mark.slow
def test_address_space_limit_turns_a_huge_allocation_into_memory_error(tmp_path: Path) -> None:
    source = "import numpy as np\ndef big(): return np.ones(50 * 1024**3 // 8)\n"
    run = _run(tmp_path, source, [_call("b", "big")])
    record = next(r for r in run.records if r.get("id") == "b")
    assert record["ok"] is False and record["memory"] is True


@pytest.mark.slow
def test_file_size_limit(tmp_path: Path) -> None:
    source = "def write():\n    open('big', 'wb').write(b'0' * (32 * 1024 * 1024))\n    return 1\n"
    run = _run(tmp_path, source, [_call("w", "write")], max_file_bytes=1024 * 1024)
    record = next(r for r in run.records if r.get("id") == "w")
    assert record["ok"] is False and "File too large" in record["exc_msg"]


@pytest.mark.slow
def test_a_pinned_hash_seed_fixes_set_order(tmp_path: Path) -> None:
    source = "def order(): return list({'cat', 'dog', 'bird', 'fish', 'ant', 'owl'})\n"
    orders = {seed: _values(_run(tmp_path, source, [_call("o", "order")], hash_seed=seed))["o"] for seed in (0, 1)}
    again = _values(_run(tmp_path, source, [_call("o", "order")], hash_seed=0))["o"]
    assert orders[0] == again
    assert orders[0] != orders[1]


@pytest.mark.slow
def test_subclasses_and_strange_objects_come_back_as_their_type_only(tmp_path: Path) -> None:
    source = (
        "import numpy as np\n"
        "class A(np.ndarray):\n    def __eq__(self, o): return True\n"
        "class B:\n    def __eq__(self, o): return True\n"
        "def f(): return np.zeros(3).view(A), B(), np.array([object()])\n"
    )
    run = _run(tmp_path, source, [_call("f", "f")])
    record = next(r for r in run.records if r.get("id") == "f")
    kinds = [decode_value(v).kind for v in record["value"]["items"]]
    assert kinds == ["ndarray-subclass", "object", "ndarray-object"]


@pytest.mark.slow
def test_the_solution_cannot_see_the_job(tmp_path: Path) -> None:
    solution = tmp_path / "solution.py"
    solution.write_text("import os, sys\ndef f(): return [sys.argv[1:], sorted(os.listdir(os.getcwd()))]\n")
    job = {"solution": str(solution), "calls": [_call("f", "f")]}
    run = run_harness(job, {}, Limits(wall_seconds=5))
    assert _values(run) == {"f": [[], []]}


@pytest.mark.slow
def test_grading_leaves_nothing_beside_the_solution(tmp_path: Path) -> None:
    _run(tmp_path, "def f(): return 1\n", [_call("f", "f")])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["solution.py"]


@pytest.mark.slow
def test_a_pure_python_child_imports_no_numpy_yet_numpy_values_imported_out_of_sight_come_back(
    tmp_path: Path,
) -> None:
    solution = tmp_path / "solution.py"
    solution.write_text(
        "import sys\n"
        "def loaded(): return ('nu' + 'mpy') in sys.modules\n"
        "def hidden():\n    np = __import__('nu' + 'mpy')\n    return np.int64(3), np.arange(2.0), np.bool_(True)\n"
    )
    assert not names_numpy(solution)
    job = {"solution": str(solution), "calls": [_call("a", "loaded"), _call("b", "hidden")], "numpy": False}
    run = run_harness(job, {}, Limits(wall_seconds=5))
    values = _values(run)
    assert values["a"] is False  # a third of a child's start-up saved
    number, array, flag = values["b"]
    assert number == 3 and flag is True and np.array_equal(array, [0.0, 1.0])
    solution.write_text("import sys\nimport numpy\ndef loaded(): return 'numpy' in sys.modules\n")
    assert names_numpy(solution)  # imported before the solution, so the names the harness holds are NumPy's own
