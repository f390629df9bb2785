# prep: product-except-self
# ruff: noqa  (deliberately broken test data)
# bug: multiplies all the others for each position (O(n^2)); correct but slow
# expect-fail: time grows like the expected solution
# still-passes: yes
def product_except_self(nums):
    out = []
    for i in range(len(nums)):
        p = 1
        for j in range(len(nums)):
            if j != i:
                p *= nums[j]
        out.append(p)
    return out
