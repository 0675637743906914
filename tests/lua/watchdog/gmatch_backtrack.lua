-- The same through gmatch, whose iterator does the matching.
local s = ("a"):rep(100000)
local it = s:gmatch(".-.-.-.-.-b")
print(it())
