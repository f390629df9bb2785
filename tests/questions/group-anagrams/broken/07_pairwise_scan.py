# prep: group-anagrams
# ruff: noqa  (deliberately broken test data)
# bug: compares each word with every group found so far (O(n^2)); correct but slow
# expect-fail: time grows like the expected solution
# still-passes: yes
def group_anagrams(words):
    keys, groups = [], []
    for w in words:
        key = sorted(w)
        for i in range(len(keys)):
            if keys[i] == key:
                groups[i].append(w)
                break
        else:
            keys.append(key)
            groups.append([w])
    return groups
