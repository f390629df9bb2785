# prep: group-anagrams
"""Reference solution of question 24: a dict from sorted letters to words, in insertion order."""

from __future__ import annotations


def group_anagrams(words):
    """One pass; the dict's insertion order is the order of first appearance. O(n k log k)."""
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault("".join(sorted(word)), []).append(word)
    return list(groups.values())
