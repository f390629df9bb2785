"""Run a suite's calls in the sandbox: the user's calls in child runs (restarted after a crash, a
call that hangs stopped at its share of the budget), the reference's timing calls in a child of their
own, beside them."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from interview_prep.grading.report import Status
from interview_prep.grading.sandbox import ChildRun, Limits, run_harness
from interview_prep.grading.suite import Call, FromCall, ListArg, Returned, Rng, Suite, TreeArg, decode_value

if TYPE_CHECKING:
    import numpy as np
else:
    from interview_prep.grading.lazynp import np

from interview_prep.grading.lazynp import loaded

_MAX_RESTARTS = 3  # a solution that kills its process on every call is not restarted forever
_REFERENCE_SECONDS = 1.0  # the least time the reference's own timing run is given
# One call may use at most this share of the suite's budget (and at least _CALL_MIN_SECONDS): a call
# that hangs is stopped there, and the calls after it run with the rest of the budget.
_CALL_SHARE = 0.25
_CALL_MIN_SECONDS = 0.5


def encode_args(calls: list[Call]) -> tuple[list[dict[str, Any]], dict[str, np.ndarray]]:
    arrays: dict[str, np.ndarray] = {}
    keys: dict[int, str] = {}
    numpy_values = loaded()  # else no input is a NumPy array or scalar, and asking would import NumPy

    def key_for(arr: np.ndarray) -> str:
        if id(arr) not in keys:
            keys[id(arr)] = f"a{len(keys)}"
            arrays[keys[id(arr)]] = arr
        return keys[id(arr)]

    def enc(v: Any) -> Any:
        if numpy_values and isinstance(v, np.ndarray):
            return {"__npy__": key_for(v)}
        if isinstance(v, ListArg):
            return {"__list__": key_for(v.array)}
        if isinstance(v, FromCall):
            return {"__from__": v.call_id, "item": v.item}
        if isinstance(v, TreeArg):
            return {"__tree__": list(v.values)}
        if isinstance(v, Rng):
            return {"__rng__": int(v.seed), "stream": v.stream}
        if isinstance(v, dict):
            # Tagged, so a user-facing key can never be mistaken for one of the tags above.
            return {"__dict__": {str(k): enc(x) for k, x in v.items()}}
        if isinstance(v, tuple):
            return {"__tuple__": [enc(x) for x in v]}
        if isinstance(v, list):
            return [enc(x) for x in v]
        if numpy_values and isinstance(v, (np.integer, np.floating)):
            return v.item()
        return v

    # The child keeps a result only when a later call takes it as an input.
    kept: set[str] = set()

    def taken(v: Any) -> None:
        if isinstance(v, FromCall):
            kept.add(v.call_id)
        elif isinstance(v, (tuple, list)):
            for x in v:
                taken(x)
        elif isinstance(v, dict):
            for x in v.values():
                taken(x)

    for c in calls:
        taken((c.args, list(c.kwargs.values())))
    out = []
    for c in calls:
        out.append(
            {
                "id": c.id,
                "func": c.func,
                "module": c.module,
                "args": [enc(a) for a in c.args],
                "kwargs": {k: enc(v) for k, v in c.kwargs.items()},
                "repeat": c.repeat,
                "send": c.send,
                "return_args": list(c.return_args),
                "keep": c.id in kept,
            }
        )
    return out, arrays


def names_numpy(path: Path) -> bool:
    """Whether the solution's text names numpy: then the child imports NumPy before the solution, so
    the names it encodes results with are held before the solution could patch them. A pure-Python
    solution's child imports NumPy only if its calls need it (a third of a child's start-up)."""
    try:
        return b"numpy" in path.read_bytes()
    except OSError:
        return True


def call_seconds(budget: float) -> float:
    """How long one call may run: a share of the whole suite's budget."""
    return max(_CALL_MIN_SECONDS, _CALL_SHARE * budget)


def returned(call: Call, rec: Mapping[str, Any], budget: float | None = None) -> Returned:
    if rec.get("timeout"):
        during = f"{call.func}({call.about})" if call.about else call.func
        limit = f" ({budget:.1f} s)" if budget is not None else ""
        return Returned(
            call,
            "timeout",
            detail=f"{during} did not finish within the time limit{limit}: it was {rec.get('exc_msg', 'stopped')}, "
            "one call's share, so the calls after it could still run. Look for a loop that can never end, such as "
            "a convergence test that is never met (or give more time with --timeout).",
        )
    if rec.get("ok"):
        value = decode_value(rec["value"]) if "value" in rec else None
        after = {int(i): decode_value(v) for i, v in rec.get("args_after", {}).items()}
        caught = tuple(str(w) for w in rec.get("warnings", []))
        return Returned(
            call, "ok", value=value, seconds=float(rec.get("seconds", 0.0)), args_after=after, warnings=caught
        )
    if rec.get("memory"):
        return Returned(call, "memory", exc_type=str(rec.get("exc_type", "")), exc_msg=str(rec.get("exc_msg", "")))
    if rec.get("exc_type") == "missing":
        return Returned(call, "missing", detail=str(rec.get("exc_msg", "")))
    if rec.get("exc_type") == "unavailable":  # an input from an earlier call that did not return it
        return Returned(call, "not-run", detail=f"{call.func} was not run: {rec.get('exc_msg', '')}.")
    return Returned(
        call,
        "raised",
        exc_type=str(rec.get("exc_type", "")),
        exc_msg=str(rec.get("exc_msg", "")),
        where=rec.get("where"),
    )


def _memory_death(run: ChildRun) -> bool:
    tail = run.stderr[-4000:]
    return "MemoryError" in tail or "Cannot allocate memory" in tail or "bad_alloc" in tail


def _death(run: ChildRun, limit: float, during: str) -> tuple[str, str]:
    """Why the child stopped early, as (outcome, message) for the call it was running."""
    if run.timed_out or run.signal_name == "SIGXCPU":
        return "timeout", (
            f"{during} did not finish within the time limit ({limit:.1f} s). Look for a loop that "
            "can never end, such as a convergence test that is never met (or give more time with --timeout)."
        )
    if _memory_death(run):
        return "memory", f"{during} ran out of memory (the limit is about 2 GB)."
    if run.signal_name:
        return "crashed", f"the Python process died with {run.signal_name} during {during}."
    return "crashed", (
        f"the Python process exited (exit code {run.returncode}) during {during}: "
        "does your code call os._exit() or start other processes? A function should return its result."
    )


class ImportFailure(Exception):
    def __init__(self, status: Status, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def import_failure(run: ChildRun, limit: float, path: Path) -> ImportFailure | None:
    rec = next((r for r in run.records if r.get("event") == "import"), None)
    if rec is not None and rec.get("ok"):
        return None
    name = path.name
    if rec is None:
        outcome, message = _death(run, limit, f"importing {name}")
        status = {"timeout": Status.TIMEOUT, "memory": Status.MEMORY}.get(outcome, Status.ERROR)
        return ImportFailure(status, message)
    where = f" (line {rec['where'].split()[-1]})" if rec.get("where") else ""
    exc_type, exc_msg = rec.get("exc_type", ""), rec.get("exc_msg", "")
    if rec.get("forbidden"):
        return ImportFailure(Status.ERROR, f"{name}: {exc_msg}.")
    if rec.get("memory"):
        return ImportFailure(Status.MEMORY, f"importing {name} ran out of memory{where}.")
    if exc_type == "SystemExit":
        return ImportFailure(
            Status.ERROR,
            f"importing {name} called sys.exit({exc_msg}){where}, so none of its functions could be tested. "
            'Put demo code under `if __name__ == "__main__":`.',
        )
    return ImportFailure(
        Status.ERROR,
        f"importing {name} raised {exc_type}: {exc_msg}{where}, so none of its functions could be tested.",
    )


class _Beside(threading.Thread):
    """A call run in a thread beside the caller's work; result() waits for it and returns what it
    returned, or raises what it raised. concurrent.futures does the same, but importing it costs
    about 18 ms of every grade."""

    def __init__(self, work: Callable[[], dict[str, Returned]]) -> None:
        super().__init__(daemon=True)
        self.work = work
        self.value: dict[str, Returned] = {}
        self.error: BaseException | None = None
        self.start()

    def run(self) -> None:
        try:
            self.value = self.work()
        except BaseException as exc:  # noqa: BLE001 - handed to the caller in result()
            self.error = exc

    def result(self) -> dict[str, Returned]:
        self.join()
        if self.error is not None:
            raise self.error
        return self.value


def execute(suite: Suite, path: Path, budget: float, reference: Path) -> dict[str, Returned]:
    """Run every call of the suite within one time budget: the user's calls in their child runs
    (restarted after a crash) and, beside them, the reference's timing calls in a child of their own.

    The reference never shares a process with user code, so user code can neither call it nor
    slow it down (by patching NumPy, say) to look fast next to it. The two children run at once
    (a grade waits for the longer, not for both: on two cores a third of a second less): each
    call's time is the best of its repeats in CPU time (harness.py), which two children beside each
    other, or a busy machine, do not move.
    """
    deadline = time.monotonic() + budget
    results: dict[str, Returned] = {}
    user_calls = [c for c in suite.calls if c.module != "reference"]
    reference_calls = [c for c in suite.calls if c.module == "reference"]
    timing = _Beside(lambda: _time_reference(reference_calls, reference, deadline)) if reference_calls else None
    out_of_time = False
    try:
        for run_index, hash_seed in suite.hash_seeds.items():
            pending = [c for c in user_calls if c.run == run_index]
            if out_of_time or not run_calls(pending, path, deadline, budget, hash_seed, results):
                out_of_time = True
    finally:  # the reference's child is never left running, whatever stopped the user's
        timed = timing.result() if timing is not None else {}
    results.update(timed)
    for c in suite.calls:
        if c.id not in results:
            results[c.id] = Returned(
                c, "timeout", detail=f"not run: the time limit ({budget:.1f} s) ran out on an earlier call."
            )
    return results


def _time_reference(calls: list[Call], reference: Path, deadline: float) -> dict[str, Returned]:
    """Run the reference's timing calls in a child of their own; any failure there is prep's, said so."""
    # prep's own run: at least a second, even with a budget smaller than that.
    limit = max(deadline - time.monotonic(), _REFERENCE_SECONDS)
    why = ""
    results: dict[str, Returned] = {}
    try:
        run_calls(calls, reference, time.monotonic() + limit, limit, None, results)
    except ImportFailure as failure:  # a broken install, never the user's fault
        why = failure.message
    for c in calls:
        r = results.get(c.id)
        if r is None or r.outcome != "ok":
            detail = why or (r.detail or f"it raised {r.exc_type}: {r.exc_msg}" if r else "it did not finish in time")
            results[c.id] = Returned(c, "crashed", detail=f"prep could not time its reference solution: {detail}")
    return results


def run_calls(
    calls: list[Call],
    path: Path,
    deadline: float,
    budget: float,
    hash_seed: int | None,
    results: dict[str, Returned],
) -> bool:
    """Run `calls` on the module at `path` in child runs, restarting after a crash; record each
    outcome in `results`. False when the time ran out (the calls left have no result)."""
    pending = list(calls)
    restarts = 0
    while pending:
        remaining = deadline - time.monotonic()
        if remaining <= 0.05:
            return False
        job_calls, arrays = encode_args(pending)
        job = {
            "solution": str(path.resolve()),
            "calls": job_calls,
            "call_seconds": call_seconds(budget),
            "numpy": names_numpy(path),
        }
        run = run_harness(job, arrays, Limits(wall_seconds=remaining), hash_seed=hash_seed)
        failure = import_failure(run, budget, path)
        if failure is not None:
            raise failure
        by_id = {r["id"]: r for r in run.records if r.get("event") == "call"}
        culprit = next((i for i, c in enumerate(pending) if c.id not in by_id), None)
        for c in pending[: culprit if culprit is not None else len(pending)]:
            results[c.id] = returned(c, by_id[c.id], budget)
        if culprit is None:
            return True
        call = pending[culprit]
        outcome, detail = _death(run, budget, f"{call.func}({call.about})" if call.about else call.func)
        results[call.id] = Returned(call, outcome, detail=detail)
        pending = pending[culprit + 1 :]
        restarts += 1
        # After a timeout too, the calls left get a fresh child with what remains of the budget.
        if restarts > _MAX_RESTARTS:
            for c in pending:
                results[c.id] = Returned(c, "not-run", detail="not run: the process kept dying on earlier calls.")
            return True
    return True
