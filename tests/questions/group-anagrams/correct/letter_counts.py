# prep: group-anagrams
# Keys are tuples of 26 letter counts (O(k) per word); a defaultdict keeps insertion order too.
from collections import defaultdict


def group_anagrams(words):
    groups = defaultdict(list)
    for word in words:
        counts = [0] * 26
        for ch in word:
            counts[ord(ch) - ord("a")] += 1
        groups[tuple(counts)].append(word)
    return list(groups.values())
