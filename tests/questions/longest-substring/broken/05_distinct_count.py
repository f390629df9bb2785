# prep: longest-substring
# ruff: noqa  (deliberately broken test data)
# bug: counts the distinct characters of the whole string
# expect-fail: matches a brute-force oracle on random strings
def length_of_longest_substring(s):
    return len(set(s))
