# prep: product-except-self
# ruff: noqa  (deliberately broken test data)
# bug: uses math.prod over floats (float(x)), losing exactness on large products
# expect-fail: empty list, one element, large products
import math


def product_except_self(nums):
    out = [1.0] * len(nums)
    prefix = 1.0
    for i, x in enumerate(nums):
        out[i] = prefix
        prefix *= float(x)
    suffix = 1.0
    for i in range(len(nums) - 1, -1, -1):
        out[i] *= suffix
        suffix *= float(nums[i])
    return [int(v) for v in out]
