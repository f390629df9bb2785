"""The growth-exponent check: the fit on its own, then a deliberately quadratic and a linear solution
told apart in real child runs, against a linear reference timed in a child of its own."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest

from interview_prep.grading.checks import assemble
from interview_prep.grading.coding import run_suite
from interview_prep.grading.complexity import CHECK_NAME, exponent, growth, growth_calls, shape
from interview_prep.grading.report import Status
from interview_prep.grading.suite import ListArg, Suite

LINEAR = """
def pair_sums(xs):
    total = 0
    for x in xs:
        total += x * x
    return total
"""
# The same answer, by a double loop: sum over i of xs[i] * xs[j] with j == i, found by scanning.
QUADRATIC = """
def pair_sums(xs):
    total = 0
    for i in range(len(xs)):
        for j in range(len(xs)):
            if i == j:
                total += xs[i] * xs[j]
    return total
"""
# Large enough that the double loop takes well over MIN_SECONDS at the largest size, even on a fast machine.
SIZES = (400, 800, 1600, 3200)


def test_exponent_recovers_known_powers_and_shrugs_off_one_outlier() -> None:
    sizes = [1000, 2000, 4000, 8000]
    for k in (1.0, 2.0, 1.5):
        assert exponent(sizes, [1e-9 * n**k for n in sizes]) == pytest.approx(k)
    n_log_n = [1e-8 * n * math.log(n) for n in sizes]
    assert 1.0 < exponent(sizes, n_log_n) < 1.2
    # One size slowed 3x by a context switch moves the median of the pairwise slopes little.
    noisy = [1e-8 * n for n in sizes]
    noisy[1] *= 3
    assert exponent(sizes, noisy) < 1.35


def test_shapes_read_like_an_interviewer() -> None:
    assert shape(1.05) == "linear or n log n"
    assert shape(2.0) == "about quadratic"
    assert shape(3.1) == "cubic or worse"


def _suite() -> Suite:
    def make(n: int) -> tuple[tuple[object, ...], dict[str, object]]:
        return (ListArg(np.arange(n, dtype=np.int64) % 7),), {}

    timing = growth_calls("pair_sums", make, SIZES, "linear", about=lambda n: f"{n:,} small ints")
    return assemble("growth-test", ("pair_sums",), [growth(timing, "Loop once.")], "unused.py", timeout=30.0)


@pytest.mark.slow
def test_a_quadratic_solution_loses_the_points_and_a_linear_one_keeps_them(tmp_path: Path) -> None:
    reference = tmp_path / "reference.py"
    reference.write_text(LINEAR)
    quadratic, linear = tmp_path / "quadratic.py", tmp_path / "linear.py"
    quadratic.write_text(QUADRATIC)
    linear.write_text(LINEAR)
    suite = _suite()

    slow = run_suite(suite, quadratic, reference=reference).checks[0]
    assert slow.name == CHECK_NAME and slow.status is Status.FAIL and slow.points == 0
    assert "your pair_sums grows like n^" in slow.message
    assert "between n=400 and n=3,200; the expected solution grows like n^" in slow.message
    assert "(linear)" in slow.message
    grown = float(slow.message.split("grows like n^")[1].split()[0])
    assert grown > 1.6

    fine = run_suite(suite, linear, reference=reference).checks[0]
    assert fine.status is Status.PASS, fine.message
    assert fine.points == fine.max_points
    assert "the expected solution like n^" in fine.message
