# prep: group-anagrams
# ruff: noqa  (deliberately broken test data)
# bug: keys by the sum of character codes, so 'ad' and 'bc' collide
# expect-fail: matches a brute-force oracle on random word lists
def group_anagrams(words):
    groups = {}
    for w in words:
        groups.setdefault((len(w), sum(map(ord, w))), []).append(w)
    return list(groups.values())
