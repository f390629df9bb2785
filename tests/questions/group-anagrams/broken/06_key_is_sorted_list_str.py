# prep: group-anagrams
# ruff: noqa  (deliberately broken test data)
# bug: keys by str(sorted(set(w))) plus length, which still ignores how often each letter appears
# expect-fail: letter counts matter
def group_anagrams(words):
    groups = {}
    for w in words:
        groups.setdefault((len(w), str(sorted(set(w)))), []).append(w)
    return list(groups.values())
