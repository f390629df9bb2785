# prep: product-except-self
# ruff: noqa  (deliberately broken test data)
# bug: writes the prefix products into nums to save memory
# expect-fail: input not modified
def product_except_self(nums):
    n = len(nums)
    original = list(nums)
    prefix = 1
    for i in range(n):
        nums[i], prefix = prefix, prefix * nums[i]
    suffix = 1
    for i in range(n - 1, -1, -1):
        nums[i] *= suffix
        suffix *= original[i]
    return nums
