"""The hidden suite of question 24, group anagrams: a pairwise-counting oracle on random word lists, traps, growth."""

from __future__ import annotations

import random
from collections import Counter

from interview_prep.grading.checks import assemble, each, inputs_unchanged
from interview_prep.grading.complexity import growth, growth_calls
from interview_prep.grading.dsa import matches, short
from interview_prep.grading.report import Category
from interview_prep.grading.suite import Call, Suite

F = "group_anagrams"


def oracle(words: list[str]) -> list[list[str]]:
    """Brute force: each word joins the first group whose first word has the same letter counts."""
    groups: list[list[str]] = []
    for w in words:
        for g in groups:
            if Counter(g[0]) == Counter(w):
                g.append(w)
                break
        else:
            groups.append([w])
    return groups


def _call(cid: str, words: list[str], about: str, keep: bool = False) -> Call:
    return Call(cid, F, (words,), return_args=(0,) if keep else (), about=f"{about}: {short(words, 110)}")


def _case(cid: str, words: list[str], about: str) -> tuple[Call, list[list[str]]]:
    return _call(cid, words, about), oracle(words)


def _big(n: int) -> tuple[tuple[object, ...], dict[str, object]]:
    rng = random.Random(n)
    return (["".join(rng.choice("abcdefghij") for _ in range(6)) for _ in range(n)],), {}


def build() -> Suite:
    rng = random.Random(24)
    table = []
    for i in range(200):
        base = ["".join(rng.choice("abc") for _ in range(rng.randint(0, 4))) for _ in range(rng.randint(1, 4))]
        words = ["".join(rng.sample(b, len(b))) for b in (rng.choice(base) for _ in range(rng.randint(0, 10)))]
        table.append(_case(f"random-{i}", words, f"random words {i} (seed 24)"))
    C, E = Category.CORRECTNESS, Category.EDGE_CASE
    same = lambda got, want: got == want  # noqa: E731 - the contract orders groups and words
    edge = [
        _case("none", [], "no words"),
        _case("blank", [""], "one empty word"),
        _case("blanks", ["", "b", ""], "two empty words and a letter"),
        _case("one", ["listen"], "one word"),
    ]
    counts = [
        _case("counts", ["aab", "abb", "bab", "baa"], "same letters, different counts"),
        _case("counts-2", ["abc", "aabbcc", "cba", "ccbbaa"], "words of the same letters at different lengths"),
    ]
    dups = [
        _case("dups", ["eat", "tea", "eat", "tan", "eat"], "a word repeated three times"),
        _case("order", ["tan", "eat", "nat", "tea", "ate", "bat"], "the classic example"),
    ]
    kept = [_call("kept", ["bca", "abc", "zz", "cab"], "four words", keep=True)]
    timing = growth_calls(
        F, _big, (500, 1000, 2000, 4000), "n k log k", about=lambda n: f"{n:,} random words of 6 letters"
    )
    parts = [
        each(
            "matches a brute-force oracle on random word lists",
            C,
            3,
            table,
            matches(same),
            f"the groups, in order, of all {len(table)} random word lists.",
            hint="Key each word by its sorted letters in a dict of lists; its values are the groups in order.",
        ),
        each(
            "no words and empty words",
            E,
            1,
            edge,
            matches(same),
            "[] for no words; empty words form one group.",
            hint="The empty string is an anagram of itself; its sorted key is ''.",
        ),
        each(
            "letter counts matter",
            C,
            1,
            counts,
            matches(same),
            "'aab' and 'abb' are in different groups.",
            hint="Key by sorted letters or letter counts, never by set(word).",
        ),
        each(
            "repeated words and the contract's order",
            E,
            1,
            dups,
            matches(same),
            "repeated words kept, groups in order of first appearance.",
            hint="Append every word, repeats too; keep the dict's insertion order instead of sorting.",
        ),
        inputs_unchanged(
            "words not modified", C, 1, kept, ["words"], hint="Read the list; never sort or edit it in place."
        ),
        growth(
            timing, "A dict keyed by sorted letters is O(n k log k); comparing each word with every group is O(n^2)."
        ),
    ]
    return assemble("group-anagrams", (F,), parts, "group_anagrams.py", timeout=20.0)
