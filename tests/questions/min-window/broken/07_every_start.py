# prep: min-window
# ruff: noqa  (deliberately broken test data)
# bug: tries every start and grows a window from each (O(|s|^2) when the match is far away); correct but slow
# expect-fail: time grows like the expected solution
# still-passes: yes
from collections import Counter


def min_window(s, t):
    if not t:
        return ""
    best = ""
    for i in range(len(s)):
        need, missing = Counter(t), len(t)
        for j in range(i, len(s)):
            if need[s[j]] > 0:
                missing -= 1
            need[s[j]] -= 1
            if missing == 0:
                if not best or j + 1 - i < len(best):
                    best = s[i : j + 1]
                break
    return best
