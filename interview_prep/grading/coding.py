"""Grade a coding answer: parse it, run its hidden suite in the sandbox, judge every check in the parent."""

from __future__ import annotations

import ast
import tempfile
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from pathlib import Path

from interview_prep import paths
from interview_prep.errors import AnswerError
from interview_prep.grading.report import GATING, Category, CheckResult, GradeReport, Status, coding_report
from interview_prep.grading.running import ImportFailure, call_seconds, execute
from interview_prep.grading.shrinking import shrink_failures
from interview_prep.grading.snippets import failure_source, parameter_names, source_of
from interview_prep.grading.source import PREP_LINE, parse_python, read_source
from interview_prep.grading.suite import Check, Fail, Returned, Suite, Unusable, load_suite
from interview_prep.models import Question

__all__ = ["grade_coding", "guess_question_id", "question_from_functions", "run_suite", "shrink_failures"]


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


# --- judging ---------------------------------------------------------------------------------


class _Reads(Mapping[str, Returned]):
    """The results a judge was given, remembering which it read, in order: the calls a failure of a
    check without a counterexample of its own is about."""

    def __init__(self, results: Mapping[str, Returned]) -> None:
        self._results = results
        self.read: dict[str, None] = {}

    def __getitem__(self, key: str) -> Returned:
        r = self._results[key]
        self.read.pop(key, None)  # the last read last: the one a judge that raises was looking at
        self.read[key] = None
        return r

    def __iter__(self) -> Iterator[str]:
        return iter(self._results)

    def __len__(self) -> int:
        return len(self._results)


def _stopped(check: Check, r: Returned, budget: float) -> tuple[Status, str] | None:
    """The verdict when a call the check reads did not return normally (and the check does not judge
    that itself), else None."""
    if r.outcome == "timeout":
        if r.call.id.startswith("perf-") and not r.detail.startswith("not run"):
            return (
                Status.TIMEOUT,
                f"{r.call.func} did not finish within the time limit ({budget:.1f} s; one call may use "
                f"{call_seconds(budget):.1f} s of it) on {r.call.about}, where the reference takes "
                f"milliseconds: it is far too slow. {check.hint}",
            )
        return Status.TIMEOUT, r.detail
    if r.outcome == "memory":
        about = f" on {r.call.about}" if r.call.about else ""
        return Status.MEMORY, r.detail or f"{r.call.func} ran out of memory{about} (the limit is about 2 GB)."
    if r.outcome in ("crashed", "not-run"):
        return Status.ERROR, r.detail
    if r.outcome == "missing":
        return Status.ERROR, f"the file defines no function `{r.call.func}`; the question asks for it."
    if r.raised and r.exc_type == "ForbiddenImport":
        return Status.ERROR, f"{r.call.func}: {r.exc_msg}."
    if r.raised and not check.may_raise:
        where = f" at {r.where}" if r.where else ""
        about = f" on {r.call.about}" if r.call.about else ""
        return Status.ERROR, f"{r.call.func} raised {r.exc_type}: {r.exc_msg}{where}{about}."
    return None


def _judge(
    check: Check,
    results: Mapping[str, Returned],
    tree: ast.Module,
    budget: float,
    names: Mapping[str, Sequence[str]] | None = None,
) -> CheckResult:
    def result(status: Status, message: str) -> CheckResult:
        points = check.points if status is Status.PASS else 0.0
        return CheckResult(check.name, check.category, status, points, check.points, message)

    for cid in check.calls:
        r = results[cid]
        stopped = _stopped(check, r, budget)
        if stopped is not None:
            # The call that hung, ran out of memory or raised is the counterexample (one not run is none).
            culprit = r.outcome in ("timeout", "memory", "raised") and not r.detail.startswith("not run")
            source = source_of([r.call], results, names or {}) if culprit and r.exc_type != "ForbiddenImport" else None
            return replace(result(*stopped), counterexample=source)
    reads = _Reads(results)
    try:
        if check.static is not None:
            note = check.static(tree)
        else:
            note = check.judge(reads)
    except Fail as exc:
        hint = f" {check.hint}" if check.hint else ""
        source = failure_source(check, exc, list(reads.read), results, names or {})
        return replace(result(Status.FAIL, f"{exc}{hint}"), counterexample=source)
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
    reference = reference or paths.solutions_dir() / suite.reference
    start = time.monotonic()
    try:
        results = execute(suite, path, budget, reference)
    except ImportFailure as failure:
        checks = [CheckResult(c.name, c.category, failure.status, 0.0, c.points, failure.message) for c in suite.checks]
        return coding_report(suite.question, checks, {"seconds": round(time.monotonic() - start, 3)})
    names = parameter_names(reference)
    checks = [_judge(c, results, tree, budget, names) for c in suite.checks]
    if shrink:
        checks = shrink_failures(suite, checks, results, path)
    return coding_report(
        suite.question, _speed_needs_correctness(checks), {"seconds": round(time.monotonic() - start, 3)}
    )


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
