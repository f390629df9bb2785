# prep: group-anagrams
# ruff: noqa  (deliberately broken test data)
# bug: skips empty strings as if they were not words
# expect-fail: no words and empty words
def group_anagrams(words):
    groups = {}
    for w in words:
        if not w:
            continue
        groups.setdefault("".join(sorted(w)), []).append(w)
    return list(groups.values())
