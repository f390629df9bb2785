# prep: group-anagrams
# ruff: noqa  (deliberately broken test data)
# bug: returns the groups sorted by key instead of in order of first appearance
# expect-fail: matches a brute-force oracle on random word lists
def group_anagrams(words):
    groups = {}
    for w in words:
        groups.setdefault("".join(sorted(w)), []).append(w)
    return [groups[k] for k in sorted(groups)]
