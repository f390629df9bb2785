# prep: longest-substring
# ruff: noqa  (deliberately broken test data)
# bug: restarts the scan from every position (O(n^2) on long repeat-free runs); correct but slow
# expect-fail: time grows like the expected solution
# still-passes: yes
def length_of_longest_substring(s):
    best = 0
    for i in range(len(s)):
        seen = set()
        for j in range(i, len(s)):
            if s[j] in seen:
                break
            seen.add(s[j])
        best = max(best, len(seen))
    return best
