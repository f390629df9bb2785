"""Speed against the reference: the same large input timed for the user's function and for the
reference, in a child of its own."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from interview_prep.grading.parts import Part, judged
from interview_prep.grading.report import Category
from interview_prep.grading.suite import Call, Check, Fail, Returned

# A solution loses the performance points only when it is both far slower than the reference
# (a Python loop over samples is 30-300x) and slow in absolute terms, so timer noise on a fast
# machine never costs points.
SLOW_RATIO = 10.0
SLOW_SECONDS = 0.05


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
            f"{t.func} took {user * 1000:.0f} ms on {t.about}, {ratio:.0f}x the reference ({ref * 1000:.1f} ms).",
            calls=[t.user],
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
