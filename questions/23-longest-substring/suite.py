"""The hidden suite of question 23, longest substring without repeats: an O(n^3) oracle on random strings, growth."""

from __future__ import annotations

import random

from interview_prep.grading.checks import assemble, each
from interview_prep.grading.complexity import growth, growth_calls
from interview_prep.grading.dsa import matches
from interview_prep.grading.report import Category
from interview_prep.grading.suite import Call, Suite

F = "length_of_longest_substring"


def oracle(s: str) -> int:
    """Brute force: every substring, kept when its characters are all different."""
    return max((j - i for i in range(len(s)) for j in range(i + 1, len(s) + 1) if len(set(s[i:j])) == j - i), default=0)


def _call(cid: str, s: str, about: str) -> Call:
    return Call(cid, F, (s,), about=f"{about}: {s[:60]!r}" + ("..." if len(s) > 60 else ""))


def _case(cid: str, s: str, about: str) -> tuple[Call, int]:
    return _call(cid, s, about), oracle(s)


def _big(n: int) -> tuple[tuple[object, ...], dict[str, object]]:
    half = "".join(chr(0x4E00 + i) for i in range(n // 2))
    return (half + half,), {}


def build() -> Suite:
    rng = random.Random(23)
    table = []
    for i in range(200):
        alphabet = rng.choice(["ab", "abc", "abcd", "abcdefgh", "aAbB ", "xyz!?"])
        s = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        table.append(_case(f"random-{i}", s, f"random string {i} (seed 23)"))
    C, E = Category.CORRECTNESS, Category.EDGE_CASE
    same = lambda got, want: got == want  # noqa: E731
    edge = [
        _case("empty", "", "the empty string"),
        _case("one", "q", "one character"),
        _case("same", "aaaaaa", "one character repeated"),
        _case("distinct", "abcdefghij", "all different"),
    ]
    window = [
        _case("abba", "abba", "a repeat from before the window"),
        _case("tmmzuxt", "tmmzuxt", "a repeat from before the window"),
        _case("dvdf", "dvdf", "a window that restarts mid-way"),
        _case("abcabcbb", "abcabcbb", "the classic example"),
    ]
    chars = [
        _case("case", "aAbBaA", "upper and lower case"),
        _case("spaces", "a b c d", "spaces between letters"),
        _case("unicode", "日本語日本", "non-ASCII characters"),
    ]
    timing = growth_calls(
        F, _big, (500, 1000, 2000, 4000), "linear", about=lambda n: f"a string of {n:,} characters, its half repeated"
    )
    parts = [
        each(
            "matches a brute-force oracle on random strings",
            C,
            3,
            table,
            matches(same),
            f"the longest repeat-free length of all {len(table)} random strings.",
            hint="Slide a window: move left past the previous occurrence of a repeated character.",
        ),
        each(
            "empty, one character, all same, all different",
            E,
            1,
            edge,
            matches(same),
            "0, 1, 1 and the full length.",
            hint="An empty string has no substring with characters: return 0.",
        ),
        each(
            "the window never moves back",
            C,
            2,
            window,
            matches(same),
            "'abba' is 2 and 'tmmzuxt' is 5.",
            hint="left = max(left, last[c] + 1): a character last seen before the window does not move it.",
        ),
        each(
            "every character counts (case, spaces, unicode)",
            E,
            1,
            chars,
            matches(same),
            "case, spaces and non-ASCII characters are characters like any other.",
            hint="Compare characters as they are: no lower(), no strip(), no skipping spaces.",
        ),
        growth(
            timing, "One pass with a dict of last positions is O(n); restarting the scan from every position is O(n^2)."
        ),
    ]
    return assemble("longest-substring", (F,), parts, "longest_substring.py", timeout=20.0)
