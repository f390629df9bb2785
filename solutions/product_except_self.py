# prep: product-except-self
"""Reference solution of question 22: prefix products left to right, then a running suffix product, O(n)."""

from __future__ import annotations


def product_except_self(nums):
    """Two passes, no division: O(n) time, O(1) extra space besides the output."""
    out = [1] * len(nums)
    prefix = 1
    for i, x in enumerate(nums):
        out[i] = prefix
        prefix *= x
    suffix = 1
    for i in range(len(nums) - 1, -1, -1):
        out[i] *= suffix
        suffix *= nums[i]
    return out
