# prep: group-anagrams
# ruff: noqa  (deliberately broken test data)
# bug: skips a word already in its group, so repeats are lost
# expect-fail: repeated words and the contract's order
def group_anagrams(words):
    groups = {}
    for w in words:
        g = groups.setdefault("".join(sorted(w)), [])
        if w not in g:
            g.append(w)
    return list(groups.values())
