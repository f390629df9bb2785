# prep: group-anagrams
# ruff: noqa  (deliberately broken test data)
# bug: keys each word by frozenset(word), which loses the letter counts
# expect-fail: letter counts matter
def group_anagrams(words):
    groups = {}
    for w in words:
        groups.setdefault(frozenset(w), []).append(w)
    return list(groups.values())
