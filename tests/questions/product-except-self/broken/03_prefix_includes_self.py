# prep: product-except-self
# ruff: noqa  (deliberately broken test data)
# bug: the prefix product includes nums[i] itself (updated before it is stored)
# expect-fail: matches a brute-force oracle on random lists
def product_except_self(nums):
    out, prefix = [1] * len(nums), 1
    for i, x in enumerate(nums):
        prefix *= x
        out[i] = prefix
    suffix = 1
    for i in range(len(nums) - 1, -1, -1):
        out[i] *= suffix
        suffix *= nums[i]
    return out
