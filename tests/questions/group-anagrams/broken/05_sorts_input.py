# prep: group-anagrams
# ruff: noqa  (deliberately broken test data)
# bug: sorts the caller's list in place first, to bring anagrams closer
# expect-fail: words not modified
def group_anagrams(words):
    words.sort(key=lambda w: "".join(sorted(w)))
    groups = {}
    for w in words:
        groups.setdefault("".join(sorted(w)), []).append(w)
    return list(groups.values())
