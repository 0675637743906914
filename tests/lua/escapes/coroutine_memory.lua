-- A memory error inside a coroutine comes back from resume as a value; the script still fails.
local co = coroutine.create(function() local t = {} for i = 1, 1e9 do t[i] = string.rep("x", 1 << 16) .. i end end)
print(coroutine.resume(co))
