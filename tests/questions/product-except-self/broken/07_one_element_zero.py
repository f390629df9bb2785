# prep: product-except-self
# ruff: noqa  (deliberately broken test data)
# bug: treats a single element as having product 0 (nothing to multiply)
# expect-fail: empty list, one element, large products
def product_except_self(nums):
    if len(nums) == 1:
        return [0]
    out, prefix = [1] * len(nums), 1
    for i, x in enumerate(nums):
        out[i] = prefix
        prefix *= x
    suffix = 1
    for i in range(len(nums) - 1, -1, -1):
        out[i] *= suffix
        suffix *= nums[i]
    return out
