# prep: group-anagrams
# ruff: noqa  (deliberately broken test data)
# bug: appends the sorted key instead of the word itself
# expect-fail: matches a brute-force oracle on random word lists
def group_anagrams(words):
    groups = {}
    for w in words:
        key = "".join(sorted(w))
        groups.setdefault(key, []).append(key)
    return list(groups.values())
