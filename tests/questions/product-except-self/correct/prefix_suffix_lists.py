# prep: product-except-self
# Explicit prefix and suffix lists (O(n) extra space), combined at the end.
from itertools import accumulate
from operator import mul


def product_except_self(nums):
    if not nums:
        return []
    prefix = [1] + list(accumulate(nums[:-1], mul))
    suffix = list(accumulate(reversed(nums[1:]), mul))[::-1] + [1]
    return [a * b for a, b in zip(prefix, suffix, strict=True)]
