"""Grade a coding answer: parse it, run its hidden suite in the sandbox, judge every check in the parent."""

from __future__ import annotations

import ast
import re
import tempfile
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np

from interview_prep import paths
from interview_prep.errors import AnswerError
from interview_prep.grading.report import GATING, Category, CheckResult, GradeReport, Status, coding_report
from interview_prep.grading.sandbox import ChildRun, Limits, run_harness
from interview_prep.grading.source import PREP_LINE, parse_python, read_source
from interview_prep.grading.suite import (
    Call,
    Check,
    Fail,
    FromCall,
    ListArg,
    Returned,
    Rng,
    Shrink,
    Suite,
    TreeArg,
    Unusable,
    decode_value,
    load_suite,
)
from interview_prep.models import Question

_MAX_RESTARTS = 3  # a solution that kills its process on every call is not restarted forever
_REFERENCE_SECONDS = 1.0  # the least time the reference's own timing run is given
# One call may use at most this share of the suite's budget (and at least _CALL_MIN_SECONDS): a call
# that hangs is stopped there, and the calls after it run with the rest of the budget.
_CALL_SHARE = 0.25
_CALL_MIN_SECONDS = 0.5
# Shrinking a failure: at most this many rounds (one child run each, the candidates of every check being
# shrunk in it), this much time in all, and the first few failing checks only (the others carry their
# failing input as it was), so a wrong answer's grade stays within about a second of before.
SHRINK_ROUNDS = 3
SHRINK_SECONDS = 0.8
_SHRINK_CHECKS = 2
_SHRINK_ROUND_SECONDS = 0.3  # the least a round is given: a child's start-up alone takes most of it
_SHRINK_BATCH = 24  # candidates of one check in one round


# --- finding the question a file answers -----------------------------------------------------


def guess_question_id(source: str, candidates: Iterable[Question]) -> str | None:
    """The id a solution names in a `# prep: ID` line (as written), else the coding question whose
    functions it defines at top level; None when neither says."""
    match = PREP_LINE.search(source)
    if match:
        return match.group(1)
    return question_from_functions(source, candidates)


def question_from_functions(source: str, candidates: Iterable[Question]) -> str | None:
    """The coding question whose functions the source defines at top level, if one fits."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return None
    defined = {node.name for node in tree.body if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))}
    best: tuple[int, str] | None = None
    for q in candidates:
        if not q.is_coding or not q.functions:
            continue
        names = {f.name for f in q.functions}
        hits = len(names & defined)
        # Every function of the question must be there, so `bce_loss` alone does not pick `bce`
        # over a question that needs more; the question with the most matching names wins.
        if hits == len(names) and (best is None or hits > best[0]):
            best = (hits, q.id)
    return best[1] if best else None


# --- running the calls -----------------------------------------------------------------------


def _encode_args(calls: list[Call]) -> tuple[list[dict[str, Any]], dict[str, np.ndarray]]:
    arrays: dict[str, np.ndarray] = {}
    keys: dict[int, str] = {}

    def key_for(arr: np.ndarray) -> str:
        if id(arr) not in keys:
            keys[id(arr)] = f"a{len(keys)}"
            arrays[keys[id(arr)]] = arr
        return keys[id(arr)]

    def enc(v: Any) -> Any:
        if isinstance(v, np.ndarray):
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
        if isinstance(v, (np.integer, np.floating)):
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


def _call_seconds(budget: float) -> float:
    """How long one call may run: a share of the whole suite's budget."""
    return max(_CALL_MIN_SECONDS, _CALL_SHARE * budget)


def _returned(call: Call, rec: Mapping[str, Any], budget: float | None = None) -> Returned:
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


class _ImportFailure(Exception):
    def __init__(self, status: Status, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def _import_failure(run: ChildRun, limit: float, path: Path) -> _ImportFailure | None:
    rec = next((r for r in run.records if r.get("event") == "import"), None)
    if rec is not None and rec.get("ok"):
        return None
    name = path.name
    if rec is None:
        outcome, message = _death(run, limit, f"importing {name}")
        status = {"timeout": Status.TIMEOUT, "memory": Status.MEMORY}.get(outcome, Status.ERROR)
        return _ImportFailure(status, message)
    where = f" (line {rec['where'].split()[-1]})" if rec.get("where") else ""
    exc_type, exc_msg = rec.get("exc_type", ""), rec.get("exc_msg", "")
    if rec.get("forbidden"):
        return _ImportFailure(Status.ERROR, f"{name}: {exc_msg}.")
    if rec.get("memory"):
        return _ImportFailure(Status.MEMORY, f"importing {name} ran out of memory{where}.")
    if exc_type == "SystemExit":
        return _ImportFailure(
            Status.ERROR,
            f"importing {name} called sys.exit({exc_msg}){where}, so none of its functions could be tested. "
            'Put demo code under `if __name__ == "__main__":`.',
        )
    return _ImportFailure(
        Status.ERROR,
        f"importing {name} raised {exc_type}: {exc_msg}{where}, so none of its functions could be tested.",
    )


def _execute(suite: Suite, path: Path, budget: float, reference: Path) -> dict[str, Returned]:
    """Run every call of the suite within one time budget: the user's calls in their child runs
    (restarted after a crash), then the reference's timing calls in a child of their own.

    The reference never shares a process with user code, so user code can neither call it nor
    slow it down (by patching NumPy, say) to look fast next to it.
    """
    deadline = time.monotonic() + budget
    results: dict[str, Returned] = {}
    user_calls = [c for c in suite.calls if c.module != "reference"]
    reference_calls = [c for c in suite.calls if c.module == "reference"]
    out_of_time = False
    for run_index, hash_seed in suite.hash_seeds.items():
        pending = [c for c in user_calls if c.run == run_index]
        if out_of_time or not _run_calls(pending, path, deadline, budget, hash_seed, results):
            out_of_time = True
    if reference_calls and not out_of_time:
        _time_reference(reference_calls, reference, deadline, results)
    for c in suite.calls:
        if c.id not in results:
            results[c.id] = Returned(
                c, "timeout", detail=f"not run: the time limit ({budget:.1f} s) ran out on an earlier call."
            )
    return results


def _time_reference(calls: list[Call], reference: Path, deadline: float, results: dict[str, Returned]) -> None:
    """Run the reference's timing calls in a child of their own; any failure there is prep's, said so."""
    # prep's own run: it gets a second even when the user's calls used up most of their budget.
    limit = max(deadline - time.monotonic(), _REFERENCE_SECONDS)
    why = ""
    try:
        _run_calls(calls, reference, time.monotonic() + limit, limit, None, results)
    except _ImportFailure as failure:  # a broken install, never the user's fault
        why = failure.message
    for c in calls:
        r = results.get(c.id)
        if r is None or r.outcome != "ok":
            detail = why or (r.detail or f"it raised {r.exc_type}: {r.exc_msg}" if r else "it did not finish in time")
            results[c.id] = Returned(c, "crashed", detail=f"prep could not time its reference solution: {detail}")


def _run_calls(
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
        job_calls, arrays = _encode_args(pending)
        job = {"solution": str(path.resolve()), "calls": job_calls, "call_seconds": _call_seconds(budget)}
        run = run_harness(job, arrays, Limits(wall_seconds=remaining), hash_seed=hash_seed)
        failure = _import_failure(run, budget, path)
        if failure is not None:
            raise failure
        by_id = {r["id"]: r for r in run.records if r.get("event") == "call"}
        culprit = next((i for i, c in enumerate(pending) if c.id not in by_id), None)
        for c in pending[: culprit if culprit is not None else len(pending)]:
            results[c.id] = _returned(c, by_id[c.id], budget)
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


# --- judging ---------------------------------------------------------------------------------


def _judge(check: Check, results: Mapping[str, Returned], tree: ast.Module, budget: float) -> CheckResult:
    def result(status: Status, message: str) -> CheckResult:
        points = check.points if status is Status.PASS else 0.0
        return CheckResult(check.name, check.category, status, points, check.points, message)

    for cid in check.calls:
        r = results[cid]
        if r.outcome == "timeout":
            if r.call.id.startswith("perf-") and not r.detail.startswith("not run"):
                return result(
                    Status.TIMEOUT,
                    f"{r.call.func} did not finish within the time limit ({budget:.1f} s; one call may use "
                    f"{_call_seconds(budget):.1f} s of it) on {r.call.about}, where the reference takes "
                    f"milliseconds: it is far too slow. {check.hint}",
                )
            return result(Status.TIMEOUT, r.detail)
        if r.outcome == "memory":
            about = f" on {r.call.about}" if r.call.about else ""
            return result(
                Status.MEMORY, r.detail or f"{r.call.func} ran out of memory{about} (the limit is about 2 GB)."
            )
        if r.outcome in ("crashed", "not-run"):
            return result(Status.ERROR, r.detail)
        if r.outcome == "missing":
            return result(Status.ERROR, f"the file defines no function `{r.call.func}`; the question asks for it.")
        if r.raised and r.exc_type == "ForbiddenImport":
            return result(Status.ERROR, f"{r.call.func}: {r.exc_msg}.")
        if r.raised and not check.may_raise:
            where = f" at {r.where}" if r.where else ""
            about = f" on {r.call.about}" if r.call.about else ""
            return result(Status.ERROR, f"{r.call.func} raised {r.exc_type}: {r.exc_msg}{where}{about}.")
    try:
        if check.static is not None:
            note = check.static(tree)
        else:
            note = check.judge(results)
    except Fail as exc:
        hint = f" {check.hint}" if check.hint else ""
        return result(Status.FAIL, f"{exc}{hint}")
    except Unusable as exc:
        return result(Status.ERROR, str(exc))
    except Exception as exc:  # noqa: BLE001 - odd data must become a verdict, never a crash of prep
        return result(Status.ERROR, f"what it returned could not be judged ({type(exc).__name__}: {exc}).")
    return result(Status.PASS, note)


def run_suite(
    suite: Suite,
    path: Path,
    *,
    timeout: float | None = None,
    reference: Path | None = None,
    tree: ast.Module | None = None,
    shrink: bool = True,
) -> GradeReport:
    """Grade the solution at `path` with `suite`, timed against `reference` (default: the suite's own
    file under solutions/). `tree` is the solution's syntax tree, when the caller has parsed it.
    `shrink`: a failing property also carries the smallest failing input found (see shrink_failures)."""
    if tree is None:
        tree = parse_python(path, read_source(path))
    budget = timeout if timeout is not None else suite.timeout
    start = time.monotonic()
    try:
        results = _execute(suite, path, budget, reference or paths.solutions_dir() / suite.reference)
    except _ImportFailure as failure:
        checks = [CheckResult(c.name, c.category, failure.status, 0.0, c.points, failure.message) for c in suite.checks]
        return coding_report(suite.question, checks, {"seconds": round(time.monotonic() - start, 3)})
    checks = [_judge(c, results, tree, budget) for c in suite.checks]
    if shrink:
        checks = shrink_failures(suite, checks, results, path)
    return coding_report(
        suite.question, _speed_needs_correctness(checks), {"seconds": round(time.monotonic() - start, 3)}
    )


@dataclass
class _Shrinking:
    """One failing check being shrunk: its smallest failing case so far, and how it failed."""

    spec: Shrink
    call: Call
    case: object
    verdict: str
    shape: str
    done: bool = False


def _shape(verdict: str, about: str) -> str:
    """How a check failed: the start of its message, without the numbers and the input's description.
    Two failures of the same shape fail the same way ("class 0 has 40 samples, so train should hold
    28 of them" ~ "class 1 has 3 samples, so train should hold 2 or 3 of them")."""
    text = verdict.replace(about, "") if about else verdict
    return " ".join(re.sub(r"-?\d+(\.\d+)?(e[-+]?\d+)?", "#", text).split()[:8])


def _elements(call: Call) -> int:
    """How big a call's input is: the number of array (or list) elements among its arguments."""
    total = 0
    for a in (*call.args, *call.kwargs.values()):
        if isinstance(a, np.ndarray):
            total += a.size
        elif isinstance(a, ListArg):
            total += a.array.size
    return total


def shrink_failures(
    suite: Suite, checks: list[CheckResult], results: Mapping[str, Returned], path: Path
) -> list[CheckResult]:
    """Give every failing check that can shrink (Check.shrink) the smallest input found that still
    fails the same way, as Python source (CheckResult.counterexample).

    Shrinking runs in the parent: each round asks every failing check for smaller candidates of its
    smallest failing case, runs all of them in one child, and keeps, per check, the first candidate
    that fails the same way; it stops when no check got smaller, after SHRINK_ROUNDS rounds or
    SHRINK_SECONDS.
    """
    states: dict[int, _Shrinking] = {}
    for i, (check, res) in enumerate(zip(suite.checks, checks, strict=True)):
        if res.status is not Status.FAIL or check.shrink is None:
            continue
        try:
            start = check.shrink.failing(results)
            verdict = None if start is None else check.shrink.fails(results[start[0].id], start[1])
        except Exception:  # noqa: BLE001 - a shrinker never breaks a grade
            continue
        if start is not None and verdict is not None:
            states[i] = _Shrinking(check.shrink, start[0], start[1], verdict, _shape(verdict, start[0].about))
    deadline = time.monotonic() + SHRINK_SECONDS
    for round_ in range(SHRINK_ROUNDS):
        batch: list[tuple[int, Call, object]] = []
        shrinking = 0  # checks with candidates in this round: the first _SHRINK_CHECKS of them
        for i, st in states.items():
            if st.done or shrinking >= _SHRINK_CHECKS:
                continue
            try:
                found = list(st.spec.candidates(st.call, st.case))[:_SHRINK_BATCH]
            except Exception:  # noqa: BLE001
                found = []
            st.done = not found
            shrinking += bool(found)
            batch += [(i, replace(c, id=f"shrink-{round_}-{i}-{j}"), case) for j, (c, case) in enumerate(found)]
        remaining = deadline - time.monotonic()
        if not batch or remaining < _SHRINK_ROUND_SECONDS:
            break
        # A round may use most of what is left (its smallest candidates run first, so a cut-off round
        # still has them); the last one, all of it.
        share = remaining if round_ == SHRINK_ROUNDS - 1 else max(_SHRINK_ROUND_SECONDS, 0.6 * remaining)
        out: dict[str, Returned] = {}
        try:
            _run_calls([c for _, c, _ in batch], path, time.monotonic() + share, share, suite.hash_seeds.get(0), out)
        except _ImportFailure:
            break
        # Per check, the smallest candidate that fails the same way: fewest array elements, then the
        # shortest source (rounder values, smaller arguments).
        best: dict[int, tuple[tuple[int, int], Call, object, str]] = {}
        for i, c, case in batch:
            st = states[i]
            r = out.get(c.id)
            if r is None:
                continue
            try:
                verdict = st.spec.fails(r, case)
                size = (_elements(c), len(st.spec.source(c)))
            except Exception:  # noqa: BLE001
                continue
            if verdict is not None and _shape(verdict, c.about) == st.shape and (i not in best or size < best[i][0]):
                best[i] = (size, c, case, verdict)
        for i, st in states.items():
            if i in best:
                _size, st.call, st.case, st.verdict = best[i]
            else:
                st.done = True
    shrunk = list(checks)
    for i, st in states.items():
        try:
            source = st.spec.source(st.call)
        except Exception:  # noqa: BLE001
            continue
        shrunk[i] = replace(checks[i], counterexample=source, counterexample_verdict=st.verdict)
    return shrunk


def _speed_needs_correctness(checks: list[CheckResult]) -> list[CheckResult]:
    """A fast wrong answer earns no speed or style points: they count once every gating check passed.

    Otherwise an empty stub or an infinite loop would collect the "no Python loop" point.
    """
    failing = [c.name for c in checks if c.category in GATING and c.status is not Status.PASS]
    if not failing:
        return checks
    return [
        CheckResult(
            c.name,
            c.category,
            Status.FAIL,
            0.0,
            c.max_points,
            f"not scored: {'speed' if c.category is Category.PERFORMANCE else 'style'} counts once "
            f"the solution is correct (first to fix: {failing[0]}).",
        )
        if c.category in (Category.PERFORMANCE, Category.STYLE) and c.status is Status.PASS
        else c
        for c in checks
    ]


def grade_coding(
    question: Question, path: Path, source: str | None = None, *, timeout: float | None = None, shrink: bool = True
) -> GradeReport:
    """Grade a `.py` solution of a coding question against its hidden suite.

    `source` is the file's text as the caller read it (read here when None); exactly that text is
    run, from a private copy, so the grade and the history always see the same answer. Raises
    AnswerError for a file that cannot be graded at all (missing, empty, binary, or one that does
    not parse: the message gives line and column). Everything the code does when it runs —
    raising, looping, exhausting memory, exiting — ends as check statuses in the report instead.
    """
    if timeout is not None and not timeout > 0:
        raise AnswerError(f"--timeout must be a positive number of seconds, got {timeout}")
    if question.suite is None:
        raise AnswerError(f"'{question.id}' has no hidden suite to grade against.")
    if source is None:
        source = read_source(path)
    tree = parse_python(path, source)
    suite = load_suite(question.suite)
    with tempfile.TemporaryDirectory(prefix="prep-answer-") as folder:
        snapshot = Path(folder) / path.name
        snapshot.write_text(source, encoding="utf-8")
        return run_suite(suite, snapshot, timeout=timeout, reference=question.reference, tree=tree, shrink=shrink)
