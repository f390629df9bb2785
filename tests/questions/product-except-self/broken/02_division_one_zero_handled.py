# prep: product-except-self
# ruff: noqa  (deliberately broken test data)
# bug: division with a zero count, but two zeros still give the non-zero product at each zero
# expect-fail: zeros
def product_except_self(nums):
    total, zeros = 1, 0
    for x in nums:
        if x == 0:
            zeros += 1
        else:
            total *= x
    return [total if x == 0 else (0 if zeros else total // x) for x in nums]
