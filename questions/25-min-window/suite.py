"""The hidden suite of question 25, minimum window substring: an O(n^3) oracle on random strings, the traps, growth."""

from __future__ import annotations

import random
from collections import Counter

from interview_prep.grading.checks import assemble, each
from interview_prep.grading.complexity import growth, growth_calls
from interview_prep.grading.dsa import matches
from interview_prep.grading.report import Category
from interview_prep.grading.suite import Call, Suite

F = "min_window"


def oracle(s: str, t: str) -> str:
    """Brute force: every substring, shortest first, leftmost first, checked against t's counts."""
    if not t:
        return ""
    need = Counter(t)
    for length in range(len(t), len(s) + 1):
        for i in range(len(s) - length + 1):
            have = Counter(s[i : i + length])
            if all(have[c] >= k for c, k in need.items()):
                return s[i : i + length]
    return ""


def _case(cid: str, s: str, t: str, about: str) -> tuple[Call, str]:
    shown = f"s={s[:50]!r}{'...' if len(s) > 50 else ''}, t={t!r}"
    return Call(cid, F, (s, t), about=f"{about}: {shown}"), oracle(s, t)


def _big(n: int) -> tuple[tuple[object, ...], dict[str, object]]:
    rng = random.Random(n)
    return ("".join(rng.choice("abcdefgh") for _ in range(n - 1)) + "z", "za"), {}


def build() -> Suite:
    rng = random.Random(25)
    table = []
    for i in range(200):
        alphabet = rng.choice(["ab", "abc", "abcd", "aAb"])
        s = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        t = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 4)))
        table.append(_case(f"random-{i}", s, t, f"random strings {i} (seed 25)"))
    C, E = Category.CORRECTNESS, Category.EDGE_CASE
    same = lambda got, want: got == want  # noqa: E731
    edge = [
        _case("empty-t", "abc", "", "an empty t"),
        _case("empty-s", "", "a", "an empty s"),
        _case("longer-t", "ab", "abc", "t longer than s"),
        _case("none", "aaaa", "b", "a character s lacks"),
        _case("whole", "xyz", "zyx", "the whole of s"),
        _case("one", "a", "a", "one character"),
    ]
    counts = [
        _case("double", "abca", "aa", "t needing two a's"),
        _case("double-2", "aabxbyaab", "abb", "t needing two b's"),
        _case("case", "aAbBa", "Ab", "case matters"),
    ]
    ties = [
        _case("tie", "abxba", "ab", "two shortest windows, at 0 and 3"),
        _case("tie-2", "cabwefgewcwaefgcf", "cae", "the classic example, a tie"),
        _case("classic", "ADOBECODEBANC", "ABC", "the classic example"),
    ]
    timing = growth_calls(
        F,
        _big,
        (200, 400, 800, 1600),
        "linear",
        about=lambda n: f"a random string of {n:,} with its one 'z' at the end",
    )
    parts = [
        each(
            "matches a brute-force oracle on random strings",
            C,
            3,
            table,
            matches(same),
            f"the shortest, leftmost window of all {len(table)} random pairs.",
            hint="Grow the window to the right until it holds t, then shrink it from the left while it still does.",
        ),
        each(
            "empty strings and no window",
            E,
            1,
            edge,
            matches(same),
            '"" for an empty t and when no window exists.',
            hint='Return "" when t is empty or when the window is never complete.',
        ),
        each(
            "repeated characters in t",
            C,
            1,
            counts,
            matches(same),
            "t's counts are respected, case included.",
            hint="Count t with Counter: 'aa' needs two a's.",
        ),
        each(
            "the leftmost of the shortest",
            E,
            1,
            ties,
            matches(same),
            "the first of equally short windows.",
            hint="Replace the best window only when the new one is strictly shorter.",
        ),
        growth(
            timing, "Each index enters and leaves the window once: O(|s| + |t|). Restarting at every start is O(|s|^2)."
        ),
    ]
    return assemble("min-window", (F,), parts, "min_window.py", timeout=20.0)
