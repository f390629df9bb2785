# prep: product-except-self
# ruff: noqa  (deliberately broken test data)
# bug: the right-to-left loop stops at index 1, so out[0] misses the suffix product
# expect-fail: matches a brute-force oracle on random lists
def product_except_self(nums):
    out, prefix = [1] * len(nums), 1
    for i, x in enumerate(nums):
        out[i] = prefix
        prefix *= x
    suffix = 1
    for i in range(len(nums) - 1, 0, -1):
        out[i] *= suffix
        suffix *= nums[i]
    return out
