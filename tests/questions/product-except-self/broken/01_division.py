# prep: product-except-self
# ruff: noqa  (deliberately broken test data)
# bug: divides the total product by each entry, which fails on zeros
# expect-fail: zeros
def product_except_self(nums):
    total = 1
    for x in nums:
        total *= x
    return [total // x if x else 0 for x in nums]
