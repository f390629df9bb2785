"""Every failing property carries a counterexample: source that, pasted next to the user's module, makes
the failing call(s) again and shows the failure. Each test grades a broken fixture, takes the
counterexample from its JSON grade and runs it against that fixture's own functions."""

from __future__ import annotations

import ast
import importlib.util
import io
import re
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np
import pytest
from rich.console import Console

from interview_prep.grading.coding import grade_coding
from interview_prep.grading.report import Category, CheckResult, Status, coding_report
from interview_prep.grading.snippets import calls_source
from interview_prep.grading.suite import Call, FromCall, ListArg, Rng, TreeArg
from interview_prep.views.report import render_report
from tests.grading.helpers import SOLUTIONS, TESTS, coding_question, suite_of


def _module(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"fixture_{path.stem}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _counterexample(qid: str, fixture: str, check: str) -> tuple[str, Path]:
    """The counterexample of `check` in the JSON grade of the broken fixture (which must fail it)."""
    path = TESTS / "questions" / qid / "broken" / fixture
    data = grade_coding(coding_question(qid), path).to_json()
    row = next(c for c in data["checks"] if c["name"] == check)
    assert row["status"] in ("fail", "error"), row
    assert row.get("counterexample"), f"{check} carries no counterexample: {row['message']}"
    return str(row["counterexample"]), path


def run(source: str, functions: ModuleType, wrap: Callable[[Any], Any] = lambda f: f) -> tuple[dict[str, Any], Any]:
    """Run a counterexample as a user would paste it below their module: the namespace it leaves, and
    the value of its last line when that is an expression."""
    namespace: dict[str, Any] = {"np": np}
    namespace.update({k: wrap(v) for k, v in vars(functions).items() if callable(v) and not k.startswith("_")})
    tree = ast.parse(source)
    last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
    exec(compile(tree, "<counterexample>", "exec"), namespace)  # noqa: S102 - the point: it is pasteable code
    value = eval(compile(ast.Expression(last.value), "<counterexample>", "eval"), namespace) if last else None  # noqa: S307
    return namespace, value


def test_two_calls_with_one_seed_that_disagree_are_the_counterexample() -> None:
    source, path = _counterexample("kmeans", "18_reseed_from_global_rng.py", "same seed, same result")
    assert source.count("kmeans(") == 2 and "seed=" in source

    def disagree() -> bool:
        namespace, _ = run(source, _module(path))
        (c1, l1), (c2, l2) = namespace["out1"], namespace["out2"]
        return not (np.array_equal(c1, c2) and np.array_equal(l1, l2))

    # The same seed, two results: the bug re-seeds from the global np.random, whose draws on the
    # few points of the shrunk input can happen to agree (1 run in 6 did), so it gets a few tries.
    assert any(disagree() for _ in range(8))
    reference, _ = run(source, _module(SOLUTIONS / "kmeans.py"))
    assert np.array_equal(reference["out1"][0], reference["out2"][0])


def test_a_finite_difference_failure_names_the_input_and_the_entry_that_disagrees() -> None:
    source, path = _counterexample("bce", "04_gradient_missing_1_over_n.py", "gradient matches finite differences")
    entry = re.search(r"entry \[([\d, ]+)\] of the gradient of p \(in out1\)", source)
    step = re.search(r"\+([\d.e-]+)", source.split("# ", 1)[1])
    assert entry and step, source
    namespace, _ = run(source, _module(path))
    index = tuple(int(i) for i in entry.group(1).split(","))
    numeric = (namespace["out2"] - namespace["out3"]) / (2 * float(step.group(1)))
    assert not np.isclose(namespace["out1"][index], numeric, rtol=1e-4, atol=1e-6)
    reference, _ = run(source, _module(SOLUTIONS / "bce.py"))
    assert np.isclose(reference["out1"][index], (reference["out2"] - reference["out3"]) / (2 * float(step.group(1))))


def test_a_bad_input_that_returns_normally_is_the_counterexample() -> None:
    source, path = _counterexample("bce", "05_no_shape_check.py", "ValueError on shape mismatch")
    _, value = run(source, _module(path))  # returns normally: no ValueError
    assert np.isfinite(value)
    with pytest.raises(ValueError):
        run(source, _module(SOLUTIONS / "bce.py"))


def test_a_call_that_raised_is_the_counterexample() -> None:
    source, path = _counterexample("bce", "12_lists_not_converted.py", "lists accepted")
    assert "[" in source and "np.array" not in source.split("\n")[-1]
    with pytest.raises(AttributeError):  # what the grade reported: a list has no .shape
        run(source, _module(path))
    run(source, _module(SOLUTIONS / "bce.py"))


def test_the_timed_input_is_rebuilt_at_its_size() -> None:
    source, path = _counterexample("bce", "14_python_loop_over_elements.py", "vectorized: time on a large input")
    assert len(source) < 1000 and "random ones of the same shape" in source
    seen: list[tuple[int, ...]] = []

    def recording(f: Any) -> Any:
        def call(*args: Any, **kwargs: Any) -> Any:
            seen.extend(np.shape(a) for a in args)
            return f(*args, **kwargs)

        return call

    run(source, _module(path), recording)
    assert seen == [(200_000,), (200_000,)]  # the timed input's size (its time is the failure: not judged here)


def test_the_training_loop_partition_shrinks_to_a_small_n() -> None:
    source, path = _counterexample(
        "fix-the-training-loop", "11_last_partial_batch_dropped.py", "batches: a partition of range(n)"
    )
    call = re.fullmatch(r"batches\((\d+), (\d+), np\.random\.default_rng\(\d+\)\)", source)
    assert call, source
    n = int(call.group(1))
    assert n < 103  # shrunk from n=103
    _, batches = run(source, _module(path))
    assert sorted(int(i) for b in batches for i in b) != list(range(n))
    _, batches = run(source, _module(SOLUTIONS / "fix_the_training_loop.py"))
    assert sorted(int(i) for b in batches for i in b) == list(range(n))


def test_the_training_loop_order_that_ignores_rng_shows_both_generators() -> None:
    source, path = _counterexample(
        "fix-the-training-loop", "10_shuffle_ignores_rng.py", "batches: a new random order each epoch"
    )
    namespace, _ = run(source, _module(path))
    assert not np.array_equal(np.concatenate(namespace["out1"]), np.concatenate(namespace["out2"]))
    reference, _ = run(source, _module(SOLUTIONS / "fix_the_training_loop.py"))
    assert np.array_equal(np.concatenate(reference["out1"]), np.concatenate(reference["out2"]))


@pytest.mark.slow
def test_the_training_run_is_rebuilt_exactly_from_the_same_data() -> None:
    source, path = _counterexample(
        "fix-the-training-loop", "06_batches_drawn_once.py", "train: one step per minibatch, every epoch"
    )
    namespace, _ = run(source, _module(path))
    train = next(c for c in suite_of("fix-the-training-loop").calls if c.id == "train")
    assert np.array_equal(namespace["X"], train.args[0]) and np.array_equal(namespace["y"], train.args[1])
    reference, _ = run(source, _module(SOLUTIONS / "fix_the_training_loop.py"))
    assert not np.allclose(namespace["w"], reference["w"])


def test_macro_and_micro_averages_are_named() -> None:
    question = coding_question("classification-metrics")
    broken = TESTS / "questions" / "classification-metrics" / "broken"
    for fixture, words in (("17_micro_averaged.py", "micro averaging"), ("18_macro_averaged.py", "macro averaging")):
        report = grade_coding(question, broken / fixture)
        row = next(c for c in report.checks if c.name == "precision, recall and F1 match their definitions")
        assert words in row.message and "positive=1 alone" in row.message
        assert row.counterexample_verdict and words in row.counterexample_verdict  # still so once shrunk


def test_snippets_bind_shared_inputs_results_streams_and_trees() -> None:
    X = np.arange(4.0)
    calls = [
        Call("a", "fit", (X, Rng(3, stream="s")), {"k": 2}),
        Call("b", "step", (FromCall("a", 1), X, ListArg(np.array([1, 2])), Rng(3, stream="s"))),
        Call("c", "walk", (TreeArg((1, None, 2)),)),
    ]
    source = calls_source(calls[1:], {c.id: c for c in calls}, {"fit": ("X",), "step": ("state", "X", "ys")})
    assert source == (
        "X = np.array([0.0, 1.0, 2.0, 3.0])\n"
        "rng = np.random.default_rng(3)\n"
        "out1 = fit(X, rng, k=2)\n"
        "ys = [1, 2]\n"
        "out2 = step(out1[1], X, ys, rng)\n"
        "out3 = walk(TreeNode(1, None, TreeNode(2)))"
    )


def test_a_counterexample_too_tall_for_the_short_view_is_named_and_shown_in_full() -> None:
    source = "\n".join(f"x{i} = np.array({list(range(40))})" for i in range(6)) + "\nf(x0)"
    failing = CheckResult(
        "gradient matches finite differences", Category.CORRECTNESS, Status.FAIL, 0, 2, "dw differs.", source
    )
    report = coding_report("bce", [failing], {})
    console = Console(file=io.StringIO(), width=80, record=True)
    render_report(report, None, console)
    short = console.export_text()
    assert "Failing input: 7 lines of Python to paste: `prep grade --full` shows it." in short and "x5 =" not in short
    console = Console(file=io.StringIO(), width=80, record=True)
    render_report(report, None, console, full=True)
    assert "x5 = np.array" in console.export_text()


def _level_order(node: Any) -> list[Any]:
    out, queue = [], [node]
    while queue:
        n = queue.pop(0)
        out.append(None if n is None else n.val)
        if n is not None:
            queue += [n.left, n.right]
    return out


def test_a_tree_the_function_rewired_is_rebuilt_from_the_users_own_tree_node() -> None:
    source, path = _counterexample("level-order", "07_unlinks_children.py", "tree not modified")
    assert source.startswith("root = TreeNode(")
    before, _ = run(source.split("\n")[0], _module(path))
    after, _ = run(source, _module(path))
    assert _level_order(after["root"]) != _level_order(before["root"])  # the call rewired the caller's tree
    kept, _ = run(source, _module(SOLUTIONS / "level_order.py"))
    assert _level_order(kept["root"]) == _level_order(before["root"])


def test_the_call_that_hung_is_the_counterexample_of_a_timeout() -> None:
    report = grade_coding(coding_question("kmeans"), TESTS / "adversarial" / "infinite_loop.py", timeout=2.0)
    hung = [c for c in report.checks if c.status is Status.TIMEOUT and not c.message.startswith("not run")]
    assert hung and all(c.counterexample for c in hung)
    call = ast.parse(hung[0].counterexample or "").body[-1]
    assert isinstance(call, ast.Expr) and isinstance(call.value, ast.Call) and ast.unparse(call.value.func) == "kmeans"
    assert all(c.counterexample is None for c in report.checks if c.message.startswith("not run"))


def test_one_long_line_of_counterexample_is_named_as_one_line() -> None:
    source = f"X = np.array({[[float(i), 1.0] for i in range(40)]}); kmeans(X, 6, seed=3)"
    failing = CheckResult("empty clusters re-seeded", Category.CORRECTNESS, Status.FAIL, 0, 2, "NaN.", source)
    console = Console(file=io.StringIO(), width=80, record=True)
    render_report(coding_report("kmeans", [failing], {}), None, console)
    short = console.export_text()
    assert f"Failing input: a line of Python ({len(source)} characters) to paste" in short and "1 lines" not in short


def test_the_shrunk_input_s_verdict_is_not_printed_twice_when_the_message_says_it() -> None:
    said = "bce_loss returned nan on predictions of exactly 0 and 1. Clip p."
    failing = CheckResult(
        "loss at p = 0 and 1", Category.CORRECTNESS, Status.FAIL, 0, 2, said + " Use np.clip.", "bce_loss(y, p)", said
    )
    console = Console(file=io.StringIO(), width=80, record=True)
    render_report(coding_report("bce", [failing], {}), None, console)
    assert console.export_text().count("returned nan") == 1
    other = CheckResult(
        "loss at p = 0 and 1", Category.CORRECTNESS, Status.FAIL, 0, 2, said, "bce_loss(y, p)", "bce_loss gave -inf."
    )
    console = Console(file=io.StringIO(), width=80, record=True)
    render_report(coding_report("bce", [other], {}), None, console)
    assert "bce_loss gave -inf." in console.export_text()  # a different verdict is shown
